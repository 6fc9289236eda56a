import { DataTable, ReferenceInput, SelectInput, TextField, useRecordContext } from 'react-admin';

import { CaseLinkField } from '../common/CaseLinkField';
import { useInstitutionTimeZone } from '../common/institution';
import { caseFilter, ConsoleList, enumFilter, FilterActions, NO_WRAP } from '../common/lists';
import { MAX_PAGE_SIZE } from '../dataProvider';
import type { VisitRecord } from '../dataProvider/types';
import { CollectorsField, VisitWindowField } from './fields';
import { startOfLocalDay, todayIn } from './time';
import { VisitActions } from './VisitActions';
import { VisitStatusChip } from './VisitCard';
import { VisitViewTabs } from './VisitViewTabs';
import { ZonedDayInput } from './ZonedDayInput';

/** Long values (address, purpose) are cut with an ellipsis. */
const ELLIPSIS = {
  display: 'block',
  maxWidth: 260,
  overflow: 'hidden',
  textOverflow: 'ellipsis',
} as const;

const Column = DataTable.Col<VisitRecord>;

const visitFilters = [
  enumFilter('status', 'visitStatus', 160),
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
  caseFilter('resources.visits.fields.caseId'),
];

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
      <ConsoleList
        filters={visitFilters}
        filterDefaultValues={{ windowFrom: startOfLocalDay(todayIn(timeZone), timeZone) }}
        actions={<FilterActions />}
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
      </ConsoleList>
    </>
  );
};

export default VisitList;
