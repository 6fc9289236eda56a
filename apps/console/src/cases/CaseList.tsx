import { Permission } from '@arrears/domain';
import { Chip, Tooltip } from '@mui/material';
import {
  AutocompleteInput,
  BooleanInput,
  BulkExportButton,
  ColumnsButton,
  DataTable,
  downloadCSV,
  FilterButton,
  NumberInput,
  ReferenceInput,
  SearchInput,
  SelectArrayInput,
  SelectInput,
  TextField,
  TopToolbar,
  useRecordContext,
  useTranslate,
  type Exporter,
} from 'react-admin';

import { DateTimeField } from '../common/DateTimeField';
import { EnumField } from '../common/EnumField';
import { ENUM_CHOICES } from '../common/enums';
import { ConsoleList } from '../common/lists';
import { MoneyField } from '../common/MoneyField';
import { useCan } from '../common/useCan';
import { MAX_PAGE_SIZE } from '../dataProvider';
import type { CaseListItem } from '../dataProvider/types';
import { BulkAssignButton } from './BulkAssignButton';
import { casesCsv, exportFileName } from './caseExport';
import { ExportCasesButton } from './ExportCasesButton';

const Column = DataTable.Col<CaseListItem>;
const NumberColumn = DataTable.NumberCol<CaseListItem>;

/**
 * Each `source` is a key the data provider maps onto the API's `CaseFilter`: institution,
 * status, stage, bucket, assignee (or unassigned only), DPD range, outstanding range, and a
 * text search on the borrower's name or the loan number.
 */
const caseFilters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <SelectArrayInput key="status" source="status" choices={ENUM_CHOICES.caseStatus} alwaysOn />,
  <SelectArrayInput key="stage" source="stage" choices={ENUM_CHOICES.caseStage} />,
  <SelectArrayInput key="bucket" source="bucket" choices={ENUM_CHOICES.bucket} />,
  <ReferenceInput
    key="institutionId"
    source="institutionId"
    reference="institutions"
    perPage={MAX_PAGE_SIZE}
  >
    <SelectInput optionText="name" />
  </ReferenceInput>,
  <ReferenceInput
    key="assigneeId"
    source="assigneeId"
    reference="users"
    filter={{ role: ['COLLECTOR', 'SUPERVISOR'] }}
    sort={{ field: 'displayName', order: 'ASC' }}
    perPage={MAX_PAGE_SIZE}
  >
    <AutocompleteInput optionText="displayName" />
  </ReferenceInput>,
  // On means "unassigned only"; off removes the filter rather than asking for assigned ones.
  <BooleanInput
    key="unassigned"
    source="unassigned"
    defaultValue
    parse={(value: boolean) => (value ? true : undefined)}
  />,
  <NumberInput key="dpdMin" source="dpdMin" min={0} step={1} />,
  <NumberInput key="dpdMax" source="dpdMax" min={0} step={1} />,
  <NumberInput key="outstandingMin" source="outstandingMin" min={0} step={100} />,
  <NumberInput key="outstandingMax" source="outstandingMax" min={0} step={100} />,
];

const CaseListActions = () => (
  <TopToolbar>
    <FilterButton />
    <ColumnsButton />
    <ExportCasesButton />
  </TopToolbar>
);

const BulkActions = ({ canAssign }: { canAssign: boolean }) => (
  <>
    {canAssign && <BulkAssignButton />}
    <BulkExportButton label="resources.cases.list.exportSelected" />
  </>
);

/** The priority as a small score chip; its factors are on the case page. */
const PriorityChip = () => {
  const record = useRecordContext<CaseListItem>();
  const translate = useTranslate();
  if (!record) return null;
  const color = record.priority >= 70 ? 'error' : record.priority >= 40 ? 'warning' : 'default';
  return (
    <Tooltip title={translate('resources.cases.priority.title')}>
      <Chip size="small" color={color} label={record.priority} sx={{ minWidth: 40 }} />
    </Tooltip>
  );
};

/** The bucket by its short code (M6+), its range in the tooltip. */
const BucketChip = () => {
  const record = useRecordContext<CaseListItem>();
  const translate = useTranslate();
  if (!record) return null;
  return (
    <Tooltip title={translate(`enums.bucket.${record.bucket}`)}>
      <span>{record.bucket.replace('_PLUS', '+')}</span>
    </Tooltip>
  );
};

/**
 * The case list: filters, sorting on the columns the API can order by (see
 * `CASE_ORDER_FIELDS` in `dataProvider/cases.ts`), bulk assignment for supervisors and admins,
 * and CSV export. It shows only what the case list query fetches.
 */
const CaseList = () => {
  const can = useCan();
  const translate = useTranslate();
  // Selected rows export with the same columns as the whole list.
  const exporter: Exporter<CaseListItem> = (records) =>
    downloadCSV(casesCsv(records, translate), exportFileName('cases'));
  return (
    <ConsoleList
      filters={caseFilters}
      actions={<CaseListActions />}
      sort={{ field: 'priority', order: 'DESC' }}
      exporter={exporter}
    >
      <DataTable
        rowClick="show"
        // A user of one institution needs no institution column; the columns menu brings it back.
        hiddenColumns={['institution.code', 'product']}
        sx={{ '& .MuiTableCell-root': { whiteSpace: 'nowrap' } }}
        bulkActionButtons={<BulkActions canAssign={can(Permission.CASES_ASSIGN)} />}
      >
        <Column source="priority" align="center">
          <PriorityChip />
        </Column>
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
          <BucketChip />
        </Column>
        <NumberColumn source="dpd" />
        <Column source="outstandingAmount" align="right" field={MoneyField} />
        <Column source="assignee.displayName" disableSort>
          <TextField source="assignee.displayName" emptyText="resources.cases.empty.assignee" />
        </Column>
        <Column source="lastContact.occurredAt" disableSort field={DateTimeField} />
      </DataTable>
    </ConsoleList>
  );
};

export default CaseList;
