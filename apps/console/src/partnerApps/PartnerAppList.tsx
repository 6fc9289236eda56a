import { Stack } from '@mui/material';
import { CreateButton, DataTable, TextField, TopToolbar } from 'react-admin';

import { InstitutionDateTimeField } from '../common/InstitutionDateTimeField';
import { ConsoleList } from '../common/lists';
import type { PartnerAppRecord } from '../dataProvider/types';
import { AppStatusField, KeyPrefixField, ScopesField } from './fields';
import { RevokeButton } from './RevokeButton';
import { RotateKeyButton } from './RotateKeyButton';

const Column = DataTable.Col<PartnerAppRecord>;

const PartnerAppListActions = () => (
  <TopToolbar>
    <CreateButton />
  </TopToolbar>
);

/**
 * The institution's API clients, newest first (the API's order). Keys are never shown here,
 * only their prefix; a new key is shown once, after create or rotate.
 */
const PartnerAppList = () => (
  <ConsoleList access actions={<PartnerAppListActions />}>
    <DataTable rowClick={false} bulkActionButtons={false}>
      <Column source="name" disableSort>
        <TextField source="name" sx={{ fontWeight: 500 }} />
      </Column>
      <Column source="keyPrefix" disableSort>
        <KeyPrefixField />
      </Column>
      <Column source="scopes" disableSort>
        <ScopesField />
      </Column>
      <Column source="lastUsedAt" disableSort>
        <InstitutionDateTimeField source="lastUsedAt" emptyText="partnerApps.empty.neverUsed" />
      </Column>
      <Column source="revokedAt" disableSort>
        <AppStatusField />
      </Column>
      <Column source="createdAt" disableSort field={InstitutionDateTimeField} />
      <Column label="partnerApps.columns.actions" disableSort>
        <Stack direction="row" spacing={1}>
          <RotateKeyButton />
          <RevokeButton />
        </Stack>
      </Column>
    </DataTable>
  </ConsoleList>
);

export default PartnerAppList;
