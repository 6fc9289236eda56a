import { DataTable, List, NullableBooleanInput, Pagination, SelectArrayInput } from 'react-admin';

import { EnumField } from '../common/EnumField';
import { ENUM_CHOICES } from '../common/enums';
import { MAX_PAGE_SIZE } from '../dataProvider';
import type { UserRecord } from '../dataProvider/types';
import { ListAccessError, useAccessQueryOptions } from './AccessError';
import { ActiveField } from './ActiveField';
import { InstitutionDateTimeField } from './InstitutionDateTimeField';

const Column = DataTable.Col<UserRecord>;

/** Each `source` is a field of the API's `UserFilter`. */
const userFilters = [
  <SelectArrayInput
    key="role"
    source="role"
    choices={ENUM_CHOICES.role}
    alwaysOn
    sx={{ minWidth: 160 }}
  />,
  <NullableBooleanInput
    key="active"
    source="active"
    alwaysOn
    trueLabel="users.active.true"
    falseLabel="users.active.false"
  />,
];

/**
 * The institution's staff, by display name (the API's order). Read-only: the API has no
 * mutation to create or edit users.
 */
const UserList = () => {
  const queryOptions = useAccessQueryOptions();
  return (
    <List
      filters={userFilters}
      perPage={25}
      pagination={<Pagination rowsPerPageOptions={[10, 25, 50, MAX_PAGE_SIZE]} />}
      exporter={false}
      queryOptions={queryOptions}
      error={<ListAccessError />}
    >
      <DataTable rowClick="show" bulkActionButtons={false}>
        <Column source="displayName" disableSort />
        <Column source="email" disableSort />
        <Column source="role" disableSort>
          <EnumField source="role" enumName="role" />
        </Column>
        <Column source="active" disableSort>
          <ActiveField />
        </Column>
        <Column source="institution.name" disableSort />
        <Column source="createdAt" disableSort field={InstitutionDateTimeField} />
      </DataTable>
    </List>
  );
};

export default UserList;
