import {
  DataTable,
  ReferenceInput,
  SearchInput,
  SelectInput,
  TextArrayField,
  TextInput,
  useTranslate,
  type TranslateFunction,
} from 'react-admin';

import { InstitutionDateTimeField } from '../common/InstitutionDateTimeField';
import { ConsoleList, FilterActions } from '../common/lists';
import { MAX_PAGE_SIZE } from '../dataProvider';
import type { BorrowerListItem } from '../dataProvider/types';

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

/**
 * Borrowers, newest first, masked: the list never holds a clear national ID or phone. A full
 * value is searched for exactly, and revealed only on the borrower's page, with a reason.
 */
export const BorrowerList = () => {
  const translate = useTranslate();
  return (
    <ConsoleList
      filters={borrowerFilters(translate)}
      sort={{ field: 'createdAt', order: 'DESC' }}
      actions={<FilterActions />}
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
    </ConsoleList>
  );
};

export default BorrowerList;
