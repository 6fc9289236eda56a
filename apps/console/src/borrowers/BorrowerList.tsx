import {
  DataTable,
  FilterButton,
  List,
  Pagination,
  ReferenceInput,
  SearchInput,
  SelectInput,
  TextArrayField,
  TextInput,
  TopToolbar,
  useTranslate,
  type TranslateFunction,
} from 'react-admin';

import { MAX_PAGE_SIZE } from '../dataProvider';
import type { BorrowerListItem } from '../dataProvider/types';
import { InstitutionDateTimeField } from '../visits/InstitutionDateTimeField';

const Column = DataTable.Col<BorrowerListItem>;
const NumberColumn = DataTable.NumberCol<BorrowerListItem>;

/**
 * `q` searches names; the national ID and the phone match exactly (the API compares them
 * without ever sending them back in clear).
 */
const borrowerFilters = (translate: TranslateFunction) => [
  <SearchInput
    key="q"
    source="q"
    alwaysOn
    placeholder={translate('borrowers.filters.searchPlaceholder')}
  />,
  <TextInput
    key="nationalId"
    source="nationalId"
    alwaysOn
    helperText={false}
    placeholder={translate('borrowers.filters.nationalIdPlaceholder')}
    parse={(value: string) => value.trim().toUpperCase()}
  />,
  <TextInput
    key="phone"
    source="phone"
    alwaysOn
    helperText={false}
    placeholder={translate('borrowers.filters.phonePlaceholder')}
    parse={(value: string) => value.replace(/[\s-]/g, '')}
  />,
  <ReferenceInput
    key="institutionId"
    source="institutionId"
    reference="institutions"
    perPage={MAX_PAGE_SIZE}
  >
    <SelectInput optionText="name" />
  </ReferenceInput>,
];

const ListActions = () => (
  <TopToolbar>
    <FilterButton />
  </TopToolbar>
);

/**
 * Borrowers, newest first, masked: the list never holds a clear national ID or phone. A full
 * value is searched for exactly, and revealed only on the borrower's page, with a reason.
 */
export const BorrowerList = () => {
  const translate = useTranslate();
  return (
    <List
      filters={borrowerFilters(translate)}
      sort={{ field: 'createdAt', order: 'DESC' }}
      actions={<ListActions />}
      perPage={25}
      pagination={<Pagination rowsPerPageOptions={[10, 25, 50, MAX_PAGE_SIZE]} />}
      exporter={false}
    >
      <DataTable rowClick="show" bulkActionButtons={false}>
        <Column source="fullName" disableSort />
        <Column source="nationalIdMasked" disableSort sx={{ fontVariantNumeric: 'tabular-nums' }} />
        <Column source="phonesMasked" disableSort>
          <TextArrayField source="phonesMasked" />
        </Column>
        <Column source="address.city" disableSort />
        <Column source="employer" disableSort />
        <NumberColumn source="creditScore" disableSort />
        <Column source="createdAt" disableSort field={InstitutionDateTimeField} />
      </DataTable>
    </List>
  );
};

export default BorrowerList;
