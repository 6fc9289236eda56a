import { Box, Grid } from '@mui/material';
import {
  RecordField,
  Show,
  TextField,
  TopToolbar,
  useLocaleState,
  useRecordContext,
  useRedirect,
} from 'react-admin';

import { CaseLinkField } from '../common/CaseLinkField';
import { EnumRecordField } from '../common/EnumField';
import { InstitutionDateTimeField } from '../common/InstitutionDateTimeField';
import { Section } from '../common/Section';
import type { VisitRecord } from '../dataProvider/types';
import { CollectorsField, VisitWindowField, YesNoField } from './fields';
import { formatLocalDate } from './time';
import { VisitActions } from './VisitActions';
import { VisitStatusChip } from './VisitCard';

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
            <EnumRecordField source="attitude" enumName="attitude" emptyText="visits.empty.none" />
            <EnumRecordField
              source="willingness"
              enumName="willingness"
              emptyText="visits.empty.none"
            />
            <EnumRecordField
              source="overdueReason"
              enumName="overdueReason"
              emptyText="visits.empty.none"
            />
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

export default VisitShow;
