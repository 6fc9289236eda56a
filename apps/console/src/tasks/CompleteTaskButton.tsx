import { TaskStatus } from '@arrears/domain';
import DoneIcon from '@mui/icons-material/Done';
import type { MouseEvent } from 'react';
import {
  Button,
  useCanAccess,
  useNotify,
  useRecordContext,
  useRefresh,
  useUpdate,
} from 'react-admin';

import { notifyError } from '../common/notifyError';
import type { TaskRecord } from '../dataProvider/types';

/**
 * Marks an open task done (the API's `completeTask`, sent as `update('tasks', { status: DONE })`).
 * Shown to roles that work cases; the list is refreshed so the task leaves an "open" view.
 */
export const CompleteTaskButton = () => {
  const record = useRecordContext<TaskRecord>();
  const { canAccess } = useCanAccess({ resource: 'tasks', action: 'edit' });
  const [update, { isPending }] = useUpdate<TaskRecord>();
  const notify = useNotify();
  const refresh = useRefresh();
  if (!record || record.status !== TaskStatus.OPEN || !canAccess) return null;

  const complete = (event: MouseEvent) => {
    event.stopPropagation();
    update(
      'tasks',
      { id: record.id, data: { status: TaskStatus.DONE }, previousData: record },
      {
        mutationMode: 'pessimistic',
        onSuccess: () => {
          notify('tasks.notifications.done', {
            type: 'success',
            messageArgs: { loanNumber: record.case.loanNumber },
          });
          refresh();
        },
        onError: (error) => notifyError(notify, error),
      },
    );
  };

  return (
    <Button
      label="tasks.actions.done"
      onClick={complete}
      disabled={isPending}
      variant="outlined"
      size="small"
    >
      <DoneIcon />
    </Button>
  );
};
