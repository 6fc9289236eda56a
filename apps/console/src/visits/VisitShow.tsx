import { Box, Divider, Grid, Stack, Typography } from '@mui/material';
import type { ReactNode } from 'react';
import {
  RecordField,
  Show,
  TextField,
  TopToolbar,
  useLocaleState,
  useRecordContext,
  useRedirect,
  useTranslate,
} from 'react-admin';

import { EnumField } from '../common/EnumField';
import type { VisitRecord } from '../dataProvider/types';
import { CaseLinkField } from './CaseLinkField';
import { CollectorsField, VisitWindowField, YesNoField } from './fields';
import { InstitutionDateTimeField } from './InstitutionDateTimeField';
import { formatLocalDate } from './time';
import { VisitStatusChip } from './VisitCard';
import { VisitActions } from './VisitActions';

const Field = RecordField<VisitRecord>;

/** The status actions in the page's toolbar; a reschedule opens the new visit. */
const VisitShowActions = () => {
  const record = useRecordContext<VisitRecord>();
  const redirect = useRedirect();
  if (!record) return null;
  return (
    <TopToolbar sx={{ alignItems: 'center' }}>
      <VisitActions
        visit={record}
        onDone={(visit, action) => {
          if (action === 'reschedule') redirect('show', 'visits', visit.id);
        }}
      />
    </TopToolbar>
  );
};

/**
 * One visit: the appointment (window in the institution's time zone, address, case, borrower,
 * collectors), its confirmation, the check-in and the record, with the status actions above.
 */
export const VisitShow = () => (
  <Show actions={<VisitShowActions />}>
    <VisitDetails />
  </Show>
);

const VisitDetails = () => {
  const record = useRecordContext<VisitRecord>();
  const [locale] = useLocaleState();
  if (!record) return null;
  const checkedIn = record.checkedInAt !== null;
  const recorded =
    record.status === 'COMPLETED' || record.status === 'NO_SHOW' || record.status === 'CANCELLED';
  return (
    <Box sx={{ p: 2 }}>
      <Grid container spacing={3}>
        <Grid size={{ xs: 12, md: 6 }}>
          <Section title="visits.sections.appointment">
            <Field source="status">
              <VisitStatusChip status={record.status} />
            </Field>
            <Field source="windowStart" field={VisitWindowField} />
            <Field source="address" />
            <Field source="purpose" />
            <Field source="case.loanNumber" field={CaseLinkField} />
            <Field source="case.borrower.fullName" />
            <Field source="collectors" field={CollectorsField} />
            <Field source="plannedBy.displayName">
              <TextField source="plannedBy.displayName" emptyText="visits.empty.unknown" />
            </Field>
            <Field source="createdAt" field={InstitutionDateTimeField} />
          </Section>
          <Section
            title="visits.sections.confirmation"
            empty={record.confirmedAt ? undefined : 'visits.empty.confirmation'}
          >
            <Field source="confirmedAt" field={InstitutionDateTimeField} />
            <Field source="confirmedVia" />
            <Field source="confirmedBy.displayName">
              <TextField source="confirmedBy.displayName" emptyText="visits.empty.unknown" />
            </Field>
          </Section>
        </Grid>
        <Grid size={{ xs: 12, md: 6 }}>
          <Section
            title="visits.sections.checkIn"
            empty={checkedIn ? undefined : 'visits.empty.checkIn'}
          >
            <Field source="checkedInAt" field={InstitutionDateTimeField} />
            <Field
              source="checkInLatitude"
              label="visits.fields.coordinates"
              render={(visit) =>
                visit.checkInLatitude !== null && visit.checkInLongitude !== null
                  ? `${visit.checkInLatitude}, ${visit.checkInLongitude}`
                  : null
              }
            />
            <Field source="idShown">
              <YesNoField source="idShown" />
            </Field>
            <Field source="consentToEnter">
              <YesNoField source="consentToEnter" />
            </Field>
            <Field
              source="checkedOutAt"
              field={InstitutionDateTimeField}
              empty="visits.empty.none"
            />
          </Section>
          <Section
            title="visits.sections.record"
            empty={recorded ? undefined : 'visits.empty.record'}
          >
            <Field source="attitude">
              <EnumField source="attitude" enumName="attitude" emptyText="visits.empty.none" />
            </Field>
            <Field source="willingness">
              <EnumField
                source="willingness"
                enumName="willingness"
                emptyText="visits.empty.none"
              />
            </Field>
            <Field source="overdueReason">
              <EnumField
                source="overdueReason"
                enumName="overdueReason"
                emptyText="visits.empty.none"
              />
            </Field>
            <Field source="negotiatedResult" empty="visits.empty.none" />
            <Field source="note" empty="visits.empty.none" sx={{ whiteSpace: 'pre-wrap' }} />
            <Field
              source="followUpDate"
              empty="visits.empty.none"
              render={(visit) =>
                visit.followUpDate ? formatLocalDate(visit.followUpDate, locale) : null
              }
            />
          </Section>
        </Grid>
      </Grid>
    </Box>
  );
};

/** A titled group of fields; shows `empty` (a translation key) instead when it is set. */
export const Section = ({
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
      <Typography variant="h6" component="h2" gutterBottom>
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

export default VisitShow;
