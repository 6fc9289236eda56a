import { Box, Grid, Typography } from '@mui/material';
import {
  DataTable,
  RecordField,
  ReferenceField,
  ReferenceInput,
  SelectInput,
  TextField,
  useRecordContext,
  useTranslate,
  type FieldProps,
} from 'react-admin';

import { CaseLinkField } from '../common/CaseLinkField';
import { EnumField, EnumRecordField } from '../common/EnumField';
import { InstitutionDateTimeField } from '../common/InstitutionDateTimeField';
import { caseFilter, ConsoleList, enumFilter, FilterActions, NO_WRAP } from '../common/lists';
import { MAX_PAGE_SIZE } from '../dataProvider';
import type { ContactRecord } from '../dataProvider/types';
import { ZonedDayInput } from '../visits/ZonedDayInput';

const Column = DataTable.Col<ContactRecord>;
const Field = RecordField<ContactRecord>;

/** A contact as the list reads it; the borrower comes with the case when the API sends it. */
type ContactRow = ContactRecord & {
  case: ContactRecord['case'] & { borrower?: { id: string; fullName: string } | null };
};

/** Each `source` is a key the data provider maps onto the API's `ContactFilter`. */
const contactFilters = [
  enumFilter('channel', 'contactChannel', 140),
  enumFilter('result', 'contactResult', 140),
  <ZonedDayInput key="occurredFrom" source="occurredFrom" bound="from" alwaysOn />,
  <ZonedDayInput key="occurredTo" source="occurredTo" bound="to" alwaysOn />,
  <ReferenceInput key="madeById" source="madeById" reference="users" perPage={MAX_PAGE_SIZE}>
    <SelectInput optionText="displayName" label="resources.contacts.fields.madeById" />
  </ReferenceInput>,
  caseFilter('resources.contacts.fields.caseId'),
];

/**
 * The borrower of the contact's case: from the contact when the API sends it with the case,
 * else read with the case (one batched look-up per page).
 */
const BorrowerField = (props: FieldProps) => {
  const record = useRecordContext(props) as ContactRow | undefined;
  if (!record) return null;
  const borrower = record.case.borrower;
  if (borrower?.fullName) {
    return (
      <Typography component="span" variant="body2">
        {borrower.fullName}
      </Typography>
    );
  }
  return (
    <ReferenceField source="case.id" reference="cases" link={false}>
      <TextField source="borrower.fullName" />
    </ReferenceField>
  );
};

/** Who was reached: the borrower, or a named third party and their relation. */
const PersonField = (props: FieldProps) => {
  const record = useRecordContext(props) as ContactRow | undefined;
  const translate = useTranslate();
  if (!record) return null;
  const person = record.thirdParty;
  return (
    <Typography component="span" variant="body2" sx={{ whiteSpace: 'nowrap' }}>
      {person
        ? translate('contacts.person.thirdParty', {
            name: person.fullName,
            relation: translate(`enums.thirdPartyRelation.${person.relation}`),
          })
        : translate('contacts.person.borrower')}
    </Typography>
  );
};

/** The note on one line, whole in its tooltip and in the expanded row. */
const NoteField = (props: FieldProps) => {
  const record = useRecordContext(props) as ContactRow | undefined;
  if (!record?.note) return null;
  return (
    <Typography
      component="span"
      variant="body2"
      title={record.note}
      sx={{
        display: 'block',
        maxWidth: 220,
        overflow: 'hidden',
        textOverflow: 'ellipsis',
        whiteSpace: 'nowrap',
      }}
    >
      {record.note}
    </Typography>
  );
};

/** The whole record of one contact, under its row. */
const ContactDetails = () => (
  <Box sx={{ py: 1, px: 2 }}>
    <Grid container spacing={2}>
      <Grid size={{ xs: 12, md: 6 }}>
        <Field source="note" empty="contacts.empty.note" sx={{ whiteSpace: 'pre-wrap' }} />
      </Grid>
      <Grid size={{ xs: 6, md: 2 }}>
        <EnumRecordField source="direction" enumName="contactDirection" />
      </Grid>
      <Grid size={{ xs: 6, md: 2 }}>
        <EnumRecordField source="attitude" enumName="attitude" emptyText="contacts.empty.none" />
      </Grid>
      <Grid size={{ xs: 12, md: 2 }}>
        <Field source="recordingRef" empty="contacts.empty.recording" />
      </Grid>
      <Grid size={{ xs: 12, md: 6 }}>
        <Field source="createdAt" field={InstitutionDateTimeField} />
      </Grid>
    </Grid>
  </Box>
);

/**
 * Every contact (催记) the user may see, most recent first: when, the case and borrower, who
 * was reached and how, the result and outcome, who made it, the note and the recording
 * reference. Read-only: contacts are logged from the case page, through the policy check.
 */
export const ContactList = () => (
  <ConsoleList
    filters={contactFilters}
    sort={{ field: 'occurredAt', order: 'DESC' }}
    actions={<FilterActions />}
  >
    <DataTable bulkActionButtons={false} expand={<ContactDetails />} rowClick="expand" sx={NO_WRAP}>
      <Column source="occurredAt" disableSort field={InstitutionDateTimeField} />
      <Column source="case.loanNumber" disableSort field={CaseLinkField} />
      <Column source="case.borrower.fullName" disableSort field={BorrowerField} />
      <Column source="thirdParty" disableSort field={PersonField} />
      <Column source="channel" disableSort>
        <EnumField source="channel" enumName="contactChannel" />
      </Column>
      <Column source="result" disableSort>
        <EnumField source="result" enumName="contactResult" />
      </Column>
      <Column source="outcome" disableSort>
        <EnumField source="outcome" enumName="contactOutcome" emptyText="contacts.empty.none" />
      </Column>
      <Column source="madeBy.displayName" disableSort>
        <TextField source="madeBy.displayName" emptyText="contacts.empty.madeBy" />
      </Column>
      <Column source="note" disableSort field={NoteField} />
      <Column source="recordingRef" disableSort>
        <TextField
          source="recordingRef"
          emptyText="contacts.empty.none"
          sx={{ display: 'block', maxWidth: 160, overflow: 'hidden', textOverflow: 'ellipsis' }}
        />
      </Column>
    </DataTable>
  </ConsoleList>
);

export default ContactList;
