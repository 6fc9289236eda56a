import {
  AutocompleteInput,
  FilterButton,
  List,
  Pagination,
  ReferenceInput,
  SelectArrayInput,
  TopToolbar,
  type ListProps,
  type RaRecord,
} from 'react-admin';

import { MAX_PAGE_SIZE } from '../dataProvider';
import { ListAccessError, useAccessQueryOptions } from './AccessError';
import { ENUM_CHOICES, type EnumName } from './enums';

/** The page sizes a list offers, up to the largest page the API serves. */
export const ListPagination = () => <Pagination rowsPerPageOptions={[10, 25, 50, MAX_PAGE_SIZE]} />;

/**
 * react-admin's `List` as the console's lists are: 25 rows a page (see `ListPagination`) and no
 * export, unless the list says otherwise. `access` explains on the page why the list could not
 * be read (a role without permission, see `AccessError`) instead of notifying it.
 */
export const ConsoleList = <RecordType extends RaRecord = RaRecord>({
  access = false,
  ...props
}: ListProps<RecordType> & { access?: boolean }) => {
  const queryOptions = useAccessQueryOptions();
  return (
    <List<RecordType>
      perPage={25}
      pagination={<ListPagination />}
      exporter={false}
      {...(access ? { queryOptions, error: <ListAccessError /> } : {})}
      {...props}
    />
  );
};

/** A list's toolbar with only the button that adds filters. */
export const FilterActions = () => (
  <TopToolbar>
    <FilterButton />
  </TopToolbar>
);

/** An always-shown filter on one or more values of an enum (`source` is the API filter's key). */
export const enumFilter = (source: string, enumName: EnumName, minWidth: number) => (
  <SelectArrayInput
    key={source}
    source={source}
    choices={ENUM_CHOICES[enumName]}
    alwaysOn
    sx={{ minWidth }}
  />
);

/** A filter on one case, found by its loan number (`caseId`). */
export const caseFilter = (label: string) => (
  <ReferenceInput key="caseId" source="caseId" reference="cases">
    <AutocompleteInput
      optionText="loanNumber"
      label={label}
      filterToQuery={(q: string) => ({ q })}
    />
  </ReferenceInput>
);

/** Rows past a deadline carry a red bar on their left edge (a `DataTable`'s `rowSx`). */
export const LATE_ROW_SX = {
  '& > td:first-of-type': { borderLeft: '4px solid', borderLeftColor: 'error.main' },
} as const;

/** A `DataTable`'s short values stay on one line, and a wide table scrolls. */
export const NO_WRAP = {
  '& .RaDataTable-tableWrapper': { overflowX: 'auto' },
  '& .RaDataTable-headerCell, & .RaDataTable-rowCell': { whiteSpace: 'nowrap' },
};
