import { Box, Grid, Typography } from '@mui/material';
import {
  AutocompleteInput,
  DataTable,
  FilterButton,
  List,
  Pagination,
  RecordField,
  ReferenceField,
  ReferenceInput,
  SelectArrayInput,
  SelectInput,
  TextField,
  TopToolbar,
  useRecordContext,
  useTranslate,
  type FieldProps,
} from 'react-admin';

import { EnumField } from '../common/EnumField';
import { ENUM_CHOICES } from '../common/enums';
import { MAX_PAGE_SIZE } from '../dataProvider';
import type { ContactRecord } from '../dataProvider/types';
import { CaseLinkField } from '../visits/CaseLinkField';
import { InstitutionDateTimeField } from '../visits/InstitutionDateTimeField';
import { ZonedDayInput } from '../visits/ZonedDayInput';

/** Short values stay on one line; long ones (address, note) are cut with an ellipsis. */
const NO_WRAP = {
  '& .RaDataTable-tableWrapper': { overflowX: 'auto' },
  '& .RaDataTable-headerCell, & .RaDataTable-rowCell': { whiteSpace: 'nowrap' },
};

const Column = DataTable.Col<ContactRecord>;
const Field = RecordField<ContactRecord>;

/** A contact as the list reads it; the borrower comes with the case when the API sends it. */
type ContactRow = ContactRecord & {
  case: ContactRecord['case'] & { borrower?: { id: string; fullName: string } | null };
};

/** Each `source` is a key the data provider maps onto the API's `ContactFilter`. */
const contactFilters = [
  <SelectArrayInput
    key="channel"
    source="channel"
    choices={ENUM_CHOICES.contactChannel}
    alwaysOn
    sx={{ minWidth: 140 }}
  />,
  <SelectArrayInput
    key="result"
    source="result"
    choices={ENUM_CHOICES.contactResult}
    alwaysOn
    sx={{ minWidth: 140 }}
  />,
  <ZonedDayInput key="occurredFrom" source="occurredFrom" bound="from" alwaysOn />,
  <ZonedDayInput key="occurredTo" source="occurredTo" bound="to" alwaysOn />,
  <ReferenceInput key="madeById" source="madeById" reference="users" perPage={MAX_PAGE_SIZE}>
    <SelectInput optionText="displayName" label="resources.contacts.fields.madeById" />
  </ReferenceInput>,
  <ReferenceInput key="caseId" source="caseId" reference="cases">
    <AutocompleteInput
      optionText="loanNumber"
      label="resources.contacts.fields.caseId"
      filterToQuery={(q: string) => ({ q })}
    />
  </ReferenceInput>,
];

const ListActions = () => (
  <TopToolbar>
    <FilterButton />
  </TopToolbar>
);

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
        <Field source="direction">
          <EnumField source="direction" enumName="contactDirection" />
        </Field>
      </Grid>
      <Grid size={{ xs: 6, md: 2 }}>
        <Field source="attitude">
          <EnumField source="attitude" enumName="attitude" emptyText="contacts.empty.none" />
        </Field>
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
  <List
    filters={contactFilters}
    sort={{ field: 'occurredAt', order: 'DESC' }}
    actions={<ListActions />}
    perPage={25}
    pagination={<Pagination rowsPerPageOptions={[10, 25, 50, MAX_PAGE_SIZE]} />}
    exporter={false}
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
  </List>
);

export default ContactList;
