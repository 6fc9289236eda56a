import {
  DataTable,
  List,
  NumberInput,
  Pagination,
  ReferenceInput,
  SearchInput,
  SelectArrayInput,
  SelectInput,
  TextField,
} from 'react-admin';

import { DateTimeField } from '../common/DateTimeField';
import { EnumField } from '../common/EnumField';
import { ENUM_CHOICES } from '../common/enums';
import { MoneyField } from '../common/MoneyField';
import { MAX_PAGE_SIZE } from '../dataProvider';
import type { CaseListItem } from '../dataProvider/types';

const Column = DataTable.Col<CaseListItem>;
const NumberColumn = DataTable.NumberCol<CaseListItem>;

/** Each `source` is a key the data provider maps onto the API's `CaseFilter`. */
const caseFilters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <SelectArrayInput key="status" source="status" choices={ENUM_CHOICES.caseStatus} alwaysOn />,
  <SelectArrayInput key="bucket" source="bucket" choices={ENUM_CHOICES.bucket} />,
  <ReferenceInput
    key="institutionId"
    source="institutionId"
    reference="institutions"
    perPage={MAX_PAGE_SIZE}
  >
    <SelectInput optionText="name" />
  </ReferenceInput>,
  <NumberInput key="dpdMin" source="dpdMin" min={0} step={1} />,
  <NumberInput key="dpdMax" source="dpdMax" min={0} step={1} />,
];

/**
 * The case worklist. Only the columns the API can order by are sortable (see
 * `CASE_ORDER_FIELDS` in `dataProvider/cases.ts`); export and bulk actions stay off until the
 * API supports them.
 */
export const CaseList = () => (
  <List
    filters={caseFilters}
    sort={{ field: 'dpd', order: 'DESC' }}
    perPage={25}
    pagination={<Pagination rowsPerPageOptions={[10, 25, 50, MAX_PAGE_SIZE]} />}
    exporter={false}
  >
    <DataTable rowClick="show" bulkActionButtons={false}>
      <Column source="loanNumber" />
      <Column source="borrower.fullName" disableSort />
      <Column source="institution.code" disableSort />
      <Column source="product" disableSort>
        <EnumField source="product" enumName="product" />
      </Column>
      <Column source="status" disableSort>
        <EnumField source="status" enumName="caseStatus" />
      </Column>
      <Column source="stage" disableSort>
        <EnumField source="stage" enumName="caseStage" />
      </Column>
      <Column source="bucket" disableSort>
        <EnumField source="bucket" enumName="bucket" />
      </Column>
      <NumberColumn source="dpd" />
      <Column source="outstandingAmount" align="right" field={MoneyField} />
      <Column source="assignee.displayName" disableSort>
        <TextField source="assignee.displayName" emptyText="resources.cases.empty.assignee" />
      </Column>
      <Column source="lastContact.occurredAt" disableSort field={DateTimeField} />
    </DataTable>
  </List>
);
