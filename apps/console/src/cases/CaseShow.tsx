import { Box, Divider, Grid, Stack, Typography } from '@mui/material';
import type { ReactNode } from 'react';
import {
  RecordField,
  Show,
  TextArrayField,
  TextField,
  useRecordContext,
  useTranslate,
} from 'react-admin';

import { DateTimeField } from '../common/DateTimeField';
import { EnumField } from '../common/EnumField';
import { MoneyField } from '../common/MoneyField';
import type { CaseDetail } from '../dataProvider/types';

const Field = RecordField<CaseDetail>;

/**
 * Passed as `meta` to `getOne`. react-admin seeds each `getOne` cache entry with the list's
 * (smaller) record under the same meta; a meta of its own makes this page wait for the full
 * record instead of flashing a half-empty one.
 */
const DETAIL_QUERY = { meta: { selection: 'detail' } };

export const CaseShow = () => (
  <Show queryOptions={DETAIL_QUERY}>
    <CaseDetails />
  </Show>
);

const CaseDetails = () => {
  const record = useRecordContext<CaseDetail>();
  if (!record) return null;
  return (
    <Box sx={{ p: 2 }}>
      <Grid container spacing={3}>
        <Grid size={{ xs: 12, md: 6 }}>
          <Section title="resources.cases.sections.case">
            <Field source="loanNumber" />
            <Field source="institution.name" />
            <Field source="product">
              <EnumField source="product" enumName="product" />
            </Field>
            <Field source="status">
              <EnumField source="status" enumName="caseStatus" />
            </Field>
            <Field source="stage">
              <EnumField source="stage" enumName="caseStage" />
            </Field>
            <Field source="bucket">
              <EnumField source="bucket" enumName="bucket" />
            </Field>
            <Field source="dpd" />
            <Field source="overdueSince" />
            <Field source="priority" />
            <Field source="assignee.displayName">
              <TextField source="assignee.displayName" emptyText="resources.cases.empty.assignee" />
            </Field>
            <Field source="createdAt" field={DateTimeField} />
            <Field source="updatedAt" field={DateTimeField} />
          </Section>
        </Grid>
        <Grid size={{ xs: 12, md: 6 }}>
          <Section title="resources.cases.sections.amounts">
            <Field source="principalAmount" field={MoneyField} />
            <Field source="outstandingAmount" field={MoneyField} />
            <Field source="overdueAmount" field={MoneyField} />
          </Section>
          <Section title="resources.cases.sections.borrower">
            <Field source="borrower.fullName" />
            <Field source="borrower.nationalIdMasked" />
            <Field source="borrower.phonesMasked">
              <TextArrayField source="borrower.phonesMasked" />
            </Field>
            <Field source="borrower.city" />
          </Section>
          <Section
            title="resources.cases.sections.lastContact"
            empty={record.lastContact ? undefined : 'resources.cases.empty.lastContact'}
          >
            <Field source="lastContact.occurredAt" field={DateTimeField} />
            <Field source="lastContact.channel">
              <EnumField source="lastContact.channel" enumName="contactChannel" />
            </Field>
            <Field source="lastContact.result">
              <EnumField source="lastContact.result" enumName="contactResult" />
            </Field>
            <Field source="lastContact.outcome">
              <EnumField source="lastContact.outcome" enumName="contactOutcome" />
            </Field>
            <Field source="lastContact.note" />
          </Section>
          <Section
            title="resources.cases.sections.nextVisit"
            empty={record.nextVisit ? undefined : 'resources.cases.empty.nextVisit'}
          >
            <Field source="nextVisit.status">
              <EnumField source="nextVisit.status" enumName="visitStatus" />
            </Field>
            <Field source="nextVisit.windowStart" field={DateTimeField} />
            <Field source="nextVisit.windowEnd" field={DateTimeField} />
          </Section>
        </Grid>
      </Grid>
    </Box>
  );
};

/** A titled group of fields; shows `empty` (a translation key) instead when it is set. */
const Section = ({
  title,
  empty,
  children,
}: {
  title: string;
  empty?: string | undefined;
  children: ReactNode;
}) => {
  const translate = useTranslate();
  return (
    <Box component="section" sx={{ mb: 3 }}>
      <Typography variant="h6" gutterBottom>
        {translate(title)}
      </Typography>
      <Divider sx={{ mb: 2 }} />
      {empty ? (
        <Typography variant="body2" color="text.secondary">
          {translate(empty)}
        </Typography>
      ) : (
        <Stack spacing={1.5}>{children}</Stack>
      )}
    </Box>
  );
};
