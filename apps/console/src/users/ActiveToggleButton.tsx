import BlockIcon from '@mui/icons-material/Block';
import CheckIcon from '@mui/icons-material/CheckCircle';
import { Button, useCanAccess, useNotify, useRecordContext, useUpdate } from 'react-admin';

import type { UserRecord } from '../dataProvider/types';

/** Admins deactivate staff (they can no longer sign in; their records stay) or bring them back. */
export const ActiveToggleButton = () => {
  const record = useRecordContext<UserRecord>();
  const { canAccess } = useCanAccess({ resource: 'users', action: 'edit', record });
  const [update, { isPending }] = useUpdate<UserRecord>();
  const notify = useNotify();
  if (!record || !canAccess) return null;
  const next = !record.active;
  return (
    <Button
      label={next ? 'users.actions.activate' : 'users.actions.deactivate'}
      disabled={isPending}
      onClick={() =>
        update(
          'users',
          { id: record.id, data: { active: next }, previousData: record },
          {
            mutationMode: 'pessimistic',
            onSuccess: () => notify(next ? 'users.notify.activated' : 'users.notify.deactivated'),
            onError: (error) =>
              notify(error instanceof Error ? error.message : 'ra.notification.http_error', {
                type: 'error',
              }),
          },
        )
      }
    >
      {next ? <CheckIcon /> : <BlockIcon />}
    </Button>
  );
};
