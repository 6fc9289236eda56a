import { DataTable, NullableBooleanInput } from 'react-admin';

import { EnumField } from '../common/EnumField';
import { InstitutionDateTimeField } from '../common/InstitutionDateTimeField';
import { ConsoleList, enumFilter } from '../common/lists';
import type { UserRecord } from '../dataProvider/types';
import { ActiveField } from './ActiveField';

const Column = DataTable.Col<UserRecord>;

/** Each `source` is a field of the API's `UserFilter`. */
const userFilters = [
  enumFilter('role', 'role', 160),
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
const UserList = () => (
  <ConsoleList access filters={userFilters}>
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
  </ConsoleList>
);

export default UserList;
