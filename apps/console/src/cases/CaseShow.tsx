import { Box, Card, CardContent, Chip, Grid, Stack, Tab, Tabs, Typography } from '@mui/material';
import { useState } from 'react';
import { RecordField, Show, TextField, useRecordContext, useTranslate } from 'react-admin';

import { DateTimeField } from '../common/DateTimeField';
import { EnumRecordField } from '../common/EnumField';
import { formatYuan } from '../common/money';
import { MoneyField } from '../common/MoneyField';
import { Section } from '../common/Section';
import type { CaseDetail } from '../dataProvider/types';
import { addressLine } from './address';
import { CaseActions } from './CaseActions';
import {
  ContactabilityPanel,
  HoldsPanel,
  PlanPanel,
  PriorityPanel,
  VisitsPanel,
} from './CasePanels';
import { CaseTimeline } from './CaseTimeline';
import { useListFormat } from './hooks';
import { useCaseRecords } from './useCaseRecords';

const Field = RecordField<CaseDetail>;

/**
 * Passed as `meta` to `getOne`. react-admin seeds each `getOne` cache entry with the list's
 * (smaller) record under the same meta; a meta of its own makes this page wait for the full
 * record instead of flashing a half-empty one.
 */
const DETAIL_QUERY = { meta: { selection: 'detail' } };

const CaseTitle = () => {
  const record = useRecordContext<CaseDetail>();
  const translate = useTranslate();
  return (
    <>{record ? translate('resources.cases.show.title', { loanNumber: record.loanNumber }) : ''}</>
  );
};

/**
 * The case page: who and what is owed, the workflow actions, one timeline of everything that
 * happened, and beside it why the case ranks where it does, whether the borrower may be
 * contacted now, the holds, the active plan and the open visits.
 */
const CaseShow = () => (
  <Show queryOptions={DETAIL_QUERY} title={<CaseTitle />} actions={false} component="div">
    <CasePage />
  </Show>
);

export default CaseShow;

const CasePage = () => {
  const record = useRecordContext<CaseDetail>();
  if (!record) return null;
  return <CaseContent record={record} />;
};

const CaseContent = ({ record }: { record: CaseDetail }) => {
  const translate = useTranslate();
  const records = useCaseRecords(record.id);
  const [tab, setTab] = useState<'timeline' | 'details'>('timeline');
  return (
    <Box sx={{ mt: 2 }}>
      <CaseHeader record={record} />
      <Grid container spacing={2} sx={{ mt: 0 }}>
        <Grid size={{ xs: 12, lg: 8 }}>
          <Card variant="outlined">
            <Tabs
              value={tab}
              onChange={(_event, value: 'timeline' | 'details') => setTab(value)}
              sx={{ px: 2, borderBottom: 1, borderColor: 'divider' }}
            >
              <Tab value="timeline" label={translate('resources.cases.show.tabs.timeline')} />
              <Tab value="details" label={translate('resources.cases.show.tabs.details')} />
            </Tabs>
            <CardContent>
              {tab === 'timeline' ? (
                <CaseTimeline records={records} timeZone={record.institution.timeZone} />
              ) : (
                <CaseDetails record={record} />
              )}
            </CardContent>
          </Card>
        </Grid>
        <Grid size={{ xs: 12, lg: 4 }}>
          <PriorityPanel record={record} />
          <ContactabilityPanel record={record} />
          <HoldsPanel record={record} records={records} />
          <PlanPanel record={record} records={records} />
          <VisitsPanel record={record} records={records} />
        </Grid>
      </Grid>
    </Box>
  );
};

/** Loan, borrower, where the case stands and what is owed, with the actions below. */
const CaseHeader = ({ record }: { record: CaseDetail }) => {
  const translate = useTranslate();
  return (
    <Card variant="outlined">
      <CardContent>
        <Stack
          direction={{ xs: 'column', md: 'row' }}
          spacing={2}
          sx={{ justifyContent: 'space-between', alignItems: { md: 'flex-start' } }}
        >
          <Box>
            <Typography variant="h5" component="h1">
              {record.borrower.fullName}
              <Typography component="span" variant="body1" color="text.secondary" sx={{ ml: 1.5 }}>
                {record.loanNumber}
              </Typography>
            </Typography>
            <Stack direction="row" useFlexGap sx={{ flexWrap: 'wrap', gap: 1, mt: 1 }}>
              <Chip
                size="small"
                color="primary"
                label={translate(`enums.caseStatus.${record.status}`)}
              />
              {[
                `enums.caseStage.${record.stage}`,
                `enums.bucket.${record.bucket}`,
                `enums.product.${record.product}`,
              ].map((label) => (
                <Chip key={label} size="small" variant="outlined" label={translate(label)} />
              ))}
              <Chip size="small" variant="outlined" label={record.institution.name} />
            </Stack>
            <Typography variant="body2" color="text.secondary" sx={{ mt: 1 }}>
              {translate('resources.cases.fields.assignee.displayName')}:{' '}
              {record.assignee?.displayName ?? translate('resources.cases.empty.assignee')}
              {' · '}
              {translate('resources.cases.show.overdueSince', { date: record.overdueSince })}
            </Typography>
          </Box>
          <Stack direction="row" spacing={3}>
            <Figure
              label="resources.cases.fields.outstandingAmount"
              value={formatYuan(record.outstandingAmount)}
            />
            <Figure
              label="resources.cases.fields.overdueAmount"
              value={formatYuan(record.overdueAmount)}
            />
            <Figure label="resources.cases.fields.dpd" value={String(record.dpd)} />
          </Stack>
        </Stack>
        <Box sx={{ mt: 2 }}>
          <CaseActions record={record} />
        </Box>
      </CardContent>
    </Card>
  );
};

const Figure = ({ label, value }: { label: string; value: string }) => {
  const translate = useTranslate();
  return (
    <Box sx={{ textAlign: 'right' }}>
      <Typography variant="caption" color="text.secondary">
        {translate(label)}
      </Typography>
      <Typography variant="h6" sx={{ fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' }}>
        {value}
      </Typography>
    </Box>
  );
};

const CaseDetails = ({ record }: { record: CaseDetail }) => {
  const translate = useTranslate();
  const list = useListFormat();
  const consent = record.borrower.contactConsent;
  return (
    <Grid container spacing={3}>
      <Grid size={{ xs: 12, md: 6 }}>
        <Section level={3} title="resources.cases.sections.case">
          <Field source="loanNumber" />
          <Field source="institution.name" />
          <EnumRecordField source="product" enumName="product" />
          <EnumRecordField source="status" enumName="caseStatus" />
          <EnumRecordField source="stage" enumName="caseStage" />
          <EnumRecordField source="bucket" enumName="bucket" />
          <Field source="dpd" />
          <Field source="overdueSince" />
          <Field source="priority" />
          <Field source="assignee.displayName">
            <TextField source="assignee.displayName" emptyText="resources.cases.empty.assignee" />
          </Field>
          {record.nextAction && <Field source="nextAction" />}
          {record.nextActionAt && <Field source="nextActionAt" field={DateTimeField} />}
          {record.hardshipRequestedAt && (
            <Field source="hardshipRequestedAt" field={DateTimeField} />
          )}
          <Field source="createdAt" field={DateTimeField} />
          <Field source="updatedAt" field={DateTimeField} />
        </Section>
        <Section level={3} title="resources.cases.sections.amounts">
          <Field source="principalAmount" field={MoneyField} />
          <Field source="outstandingAmount" field={MoneyField} />
          <Field source="overdueAmount" field={MoneyField} />
        </Section>
      </Grid>
      <Grid size={{ xs: 12, md: 6 }}>
        <Section level={3} title="resources.cases.sections.borrower">
          <Field source="borrower.fullName" />
          <Field source="borrower.nationalIdMasked" />
          <Field source="borrower.phonesMasked">
            <Typography variant="body2">{list(record.borrower.phonesMasked)}</Typography>
          </Field>
          {record.borrower.emailMasked && <Field source="borrower.emailMasked" />}
          <Field source="borrower.address">
            <Typography variant="body2">{addressLine(record.borrower.address)}</Typography>
          </Field>
          {record.borrower.employer && <Field source="borrower.employer" />}
          {record.borrower.monthlyIncome && (
            <Field source="borrower.monthlyIncome" field={MoneyField} />
          )}
          {record.borrower.creditScore != null && <Field source="borrower.creditScore" />}
          <Field source="borrower.contactConsent">
            <Typography variant="body2">
              {consent
                ? `${consent.windowStart}–${consent.windowEnd}`
                : translate('resources.cases.empty.contactConsent')}
            </Typography>
          </Field>
          <Field source="borrower.thirdParties">
            {record.borrower.thirdParties.length === 0 ? (
              <Typography variant="body2">
                {translate('resources.cases.empty.thirdParties')}
              </Typography>
            ) : (
              <Stack spacing={0.5}>
                {record.borrower.thirdParties.map((third) => (
                  <Typography variant="body2" key={third.id}>
                    {translate('resources.cases.form.thirdParty', {
                      name: third.fullName,
                      relation: translate(`enums.thirdPartyRelation.${third.relation}`),
                    })}{' '}
                    {third.phoneMasked}
                  </Typography>
                ))}
              </Stack>
            )}
          </Field>
        </Section>
        <Section
          level={3}
          title="resources.cases.sections.lastContact"
          empty={record.lastContact ? undefined : 'resources.cases.empty.lastContact'}
        >
          <Field source="lastContact.occurredAt" field={DateTimeField} />
          <EnumRecordField source="lastContact.channel" enumName="contactChannel" />
          <EnumRecordField source="lastContact.result" enumName="contactResult" />
          <EnumRecordField source="lastContact.outcome" enumName="contactOutcome" />
          <Field source="lastContact.note" />
        </Section>
      </Grid>
    </Grid>
  );
};
