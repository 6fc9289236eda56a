import { Alert, LinearProgress } from '@mui/material';
import {
  DataTable,
  ListContextProvider,
  ResourceContextProvider,
  TextField,
  useGetList,
  useList,
  useRecordContext,
  useTranslate,
} from 'react-admin';

import { EnumField } from '../common/EnumField';
import { MoneyField } from '../common/MoneyField';
import { MAX_PAGE_SIZE } from '../dataProvider';
import type { BorrowerDetail, CaseListItem } from '../dataProvider/types';

const Column = DataTable.Col<CaseListItem>;
const NumberColumn = DataTable.NumberCol<CaseListItem>;

/** The borrower's cases (a borrower has a handful: one page holds them all). */
export const BorrowerCases = () => {
  const record = useRecordContext<BorrowerDetail>();
  const translate = useTranslate();
  const { data, isPending, error } = useGetList<CaseListItem>(
    'cases',
    {
      filter: { borrowerId: record?.id },
      pagination: { page: 1, perPage: MAX_PAGE_SIZE },
    },
    { enabled: Boolean(record?.id) },
  );
  const list = useList<CaseListItem>({
    data: data ?? [],
    isPending,
    resource: 'cases',
    perPage: MAX_PAGE_SIZE,
  });
  if (error) {
    return <Alert severity="error">{translate('borrowers.cases.error')}</Alert>;
  }
  if (isPending) return <LinearProgress />;
  return (
    <ResourceContextProvider value="cases">
      <ListContextProvider value={list}>
        <DataTable
          rowClick="show"
          bulkActionButtons={false}
          empty={<Alert severity="info">{translate('borrowers.cases.empty')}</Alert>}
          data-testid="borrower-cases"
        >
          <Column source="loanNumber" disableSort />
          <Column source="product" disableSort>
            <EnumField source="product" enumName="product" />
          </Column>
          <Column source="status" disableSort>
            <EnumField source="status" enumName="caseStatus" />
          </Column>
          <Column source="bucket" disableSort>
            <EnumField source="bucket" enumName="bucket" />
          </Column>
          <NumberColumn source="dpd" disableSort />
          <Column source="outstandingAmount" align="right" disableSort field={MoneyField} />
          <Column source="assignee.displayName" disableSort>
            <TextField source="assignee.displayName" emptyText="resources.cases.empty.assignee" />
          </Column>
        </DataTable>
      </ListContextProvider>
    </ResourceContextProvider>
  );
};
