import { ROLE_PERMISSIONS } from '@arrears/domain';
import HistoryIcon from '@mui/icons-material/History';
import { Box, CardContent, Chip, Divider, Grid, Stack, Typography } from '@mui/material';
import {
  Button,
  Link,
  RecordField,
  Show,
  TopToolbar,
  useCanAccess,
  useCreatePath,
  useRecordContext,
  useTranslate,
} from 'react-admin';

import { userActor } from '../audit/actor';
import { permissionKey } from '../common/access';
import { ShowAccessError, useAccessQueryOptions } from '../common/AccessError';
import { EnumRecordField } from '../common/EnumField';
import { InstitutionDateTimeField } from '../common/InstitutionDateTimeField';
import type { UserRecord } from '../dataProvider/types';
import { ActiveField } from './ActiveField';
import { ActiveToggleButton } from './ActiveToggleButton';

const Field = RecordField<UserRecord>;

/** A user's account and what their role may do; admins (de)activate it here. */
const UserShow = () => {
  const queryOptions = useAccessQueryOptions();
  return (
    <Show queryOptions={queryOptions} error={<ShowAccessError />} actions={<UserShowActions />}>
      <UserDetails />
    </Show>
  );
};

/** For auditors and admins: the audit log narrowed to what this user did. */
const UserShowActions = () => {
  const record = useRecordContext<UserRecord>();
  const { canAccess } = useCanAccess({ resource: 'auditEvents', action: 'list' });
  const createPath = useCreatePath();
  if (!record) return <TopToolbar />;
  if (!canAccess) {
    return (
      <TopToolbar>
        <ActiveToggleButton />
      </TopToolbar>
    );
  }
  const search = new URLSearchParams({
    filter: JSON.stringify({ actor: userActor(record.id) }),
  }).toString();
  return (
    <TopToolbar>
      <ActiveToggleButton />
      <Button
        component={Link}
        to={{ pathname: createPath({ resource: 'auditEvents', type: 'list' }), search }}
        label="users.actions.auditTrail"
      >
        <HistoryIcon />
      </Button>
    </TopToolbar>
  );
};

const UserDetails = () => {
  const record = useRecordContext<UserRecord>();
  const translate = useTranslate();
  if (!record) return null;
  const permissions = ROLE_PERMISSIONS[record.role] ?? [];
  return (
    <CardContent>
      <Grid container spacing={3}>
        <Grid size={{ xs: 12, md: 5 }}>
          <Typography variant="h6" gutterBottom>
            {translate('users.sections.account')}
          </Typography>
          <Divider sx={{ mb: 2 }} />
          <Stack spacing={1.5}>
            <Field source="displayName" />
            <Field source="email" />
            <EnumRecordField source="role" enumName="role" />
            <Field source="active">
              <ActiveField />
            </Field>
            <Field source="institution.name" />
            <Field source="createdAt" field={InstitutionDateTimeField} />
          </Stack>
        </Grid>
        <Grid size={{ xs: 12, md: 7 }}>
          <Typography variant="h6" gutterBottom>
            {translate('users.sections.permissions')}
          </Typography>
          <Divider sx={{ mb: 2 }} />
          <Typography variant="body2" color="text.secondary" sx={{ mb: 1.5 }}>
            {translate('users.permissionsHint')}
          </Typography>
          <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 1 }}>
            {permissions.map((permission) => (
              <Chip
                key={permission}
                size="small"
                variant="outlined"
                title={permission}
                label={translate(`users.permissions.${permissionKey(permission)}`, {
                  _: permission,
                })}
              />
            ))}
          </Box>
        </Grid>
      </Grid>
    </CardContent>
  );
};

export default UserShow;
