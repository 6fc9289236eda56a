import { Chip } from '@mui/material';
import { useRecordContext, useTranslate } from 'react-admin';

import type { UserRecord } from '../dataProvider/types';

/** Whether a user's account can sign in: a green "active" or a grey "deactivated" chip. */
export const ActiveField = () => {
  const record = useRecordContext<UserRecord>();
  const translate = useTranslate();
  if (!record) return null;
  return (
    <Chip
      size="small"
      variant="outlined"
      color={record.active ? 'success' : 'default'}
      label={translate(record.active ? 'users.active.true' : 'users.active.false')}
    />
  );
};
