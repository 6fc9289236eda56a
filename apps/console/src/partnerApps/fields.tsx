import { isPartnerScope } from '@arrears/domain';
import { Box, Chip, Stack } from '@mui/material';
import { useRecordContext, useTranslate } from 'react-admin';

import { permissionKey } from '../common/access';
import { CodeText } from '../common/CodeText';
import { InstitutionDateTimeField } from '../common/InstitutionDateTimeField';
import type { PartnerAppRecord } from '../dataProvider/types';

/** A scope by its translated name, the scope code (`cases:read`) in the tooltip. */
export const useScopeLabel = () => {
  const translate = useTranslate();
  return (scope: string) =>
    isPartnerScope(scope)
      ? translate(`users.permissions.${permissionKey(scope)}`, { _: scope })
      : scope;
};

export const ScopesField = () => {
  const record = useRecordContext<PartnerAppRecord>();
  const label = useScopeLabel();
  if (!record) return null;
  return (
    <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 0.5, maxWidth: 420 }}>
      {record.scopes.map((scope) => (
        <Chip key={scope} size="small" variant="outlined" label={label(scope)} title={scope} />
      ))}
    </Box>
  );
};

/** The start of the key, enough for a partner to tell which key they hold. */
export const KeyPrefixField = () => {
  const record = useRecordContext<PartnerAppRecord>();
  if (!record) return null;
  return <CodeText>{record.keyPrefix}…</CodeText>;
};

/** Active, or revoked and since when. */
export const AppStatusField = () => {
  const record = useRecordContext<PartnerAppRecord>();
  const translate = useTranslate();
  if (!record) return null;
  if (!record.revokedAt) {
    return (
      <Chip
        size="small"
        color="success"
        variant="outlined"
        label={translate('partnerApps.status.active')}
      />
    );
  }
  return (
    <Stack spacing={0.5} sx={{ alignItems: 'flex-start' }}>
      <Chip size="small" color="default" label={translate('partnerApps.status.revoked')} />
      <InstitutionDateTimeField source="revokedAt" />
    </Stack>
  );
};
