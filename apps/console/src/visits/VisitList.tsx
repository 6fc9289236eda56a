import {
  AutocompleteInput,
  DataTable,
  List,
  Pagination,
  ReferenceInput,
  SelectArrayInput,
  SelectInput,
  TextField,
  TopToolbar,
  FilterButton,
  useRecordContext,
} from 'react-admin';

import { ENUM_CHOICES } from '../common/enums';
import { MAX_PAGE_SIZE } from '../dataProvider';
import type { VisitRecord } from '../dataProvider/types';
import { CaseLinkField } from './CaseLinkField';
import { CollectorsField, VisitWindowField } from './fields';
import { startOfLocalDay, todayIn } from './time';
import { useInstitutionTimeZone } from './useInstitutionTimeZone';
import { VisitStatusChip } from './VisitCard';
import { VisitActions } from './VisitActions';
import { VisitViewTabs } from './VisitViewTabs';
import { ZonedDayInput } from './ZonedDayInput';

/** Short values stay on one line; long ones (address, note) are cut with an ellipsis. */
const NO_WRAP = {
  '& .RaDataTable-tableWrapper': { overflowX: 'auto' },
  '& .RaDataTable-headerCell, & .RaDataTable-rowCell': { whiteSpace: 'nowrap' },
};

const ELLIPSIS = {
  display: 'block',
  maxWidth: 260,
  overflow: 'hidden',
  textOverflow: 'ellipsis',
} as const;

const Column = DataTable.Col<VisitRecord>;

const visitFilters = [
  <SelectArrayInput
    key="status"
    source="status"
    choices={ENUM_CHOICES.visitStatus}
    alwaysOn
    sx={{ minWidth: 160 }}
  />,
  <ZonedDayInput key="windowFrom" source="windowFrom" bound="from" />,
  <ZonedDayInput key="windowTo" source="windowTo" bound="to" />,
  <ReferenceInput
    key="collectorId"
    source="collectorId"
    reference="users"
    filter={{ role: ['COLLECTOR'] }}
    perPage={MAX_PAGE_SIZE}
  >
    <SelectInput optionText="displayName" label="resources.visits.fields.collectorId" />
  </ReferenceInput>,
  <ReferenceInput key="caseId" source="caseId" reference="cases">
    <AutocompleteInput
      optionText="loanNumber"
      label="resources.visits.fields.caseId"
      filterToQuery={(q: string) => ({ q })}
    />
  </ReferenceInput>,
];

const ListActions = () => (
  <TopToolbar>
    <FilterButton />
  </TopToolbar>
);

/** The actions of one row, in a menu so the row stays one line. */
const RowActions = () => {
  const record = useRecordContext<VisitRecord>();
  return record ? <VisitActions visit={record} variant="menu" /> : null;
};

/**
 * Every visit the user may see, from today on by default (institution's time zone), in the
 * API's order (by window start), with the list / agenda / week switch above. Rows open the
 * visit; the row menu holds its status actions.
 */
export const VisitList = () => {
  const timeZone = useInstitutionTimeZone();
  return (
    <>
      <VisitViewTabs value="list" />
      <List
        filters={visitFilters}
        filterDefaultValues={{ windowFrom: startOfLocalDay(todayIn(timeZone), timeZone) }}
        actions={<ListActions />}
        perPage={25}
        pagination={<Pagination rowsPerPageOptions={[10, 25, 50, MAX_PAGE_SIZE]} />}
        exporter={false}
        sx={{ '& .RaList-main': { mt: 0 } }}
      >
        <DataTable rowClick="show" bulkActionButtons={false} sx={NO_WRAP}>
          <Column source="windowStart" disableSort field={VisitWindowField} />
          <Column
            source="status"
            disableSort
            render={(visit) => <VisitStatusChip status={visit.status} />}
          />
          <Column source="case.loanNumber" disableSort field={CaseLinkField} />
          <Column source="case.borrower.fullName" disableSort />
          <Column source="address" disableSort>
            <TextField source="address" sx={ELLIPSIS} />
          </Column>
          <Column source="collectors" disableSort field={CollectorsField} />
          <Column source="purpose" disableSort>
            <TextField source="purpose" sx={ELLIPSIS} />
          </Column>
          <Column label="visits.actions.menu" disableSort align="right" field={RowActions} />
        </DataTable>
      </List>
    </>
  );
};

export default VisitList;
