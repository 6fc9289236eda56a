import AssignIcon from '@mui/icons-material/AssignmentInd';
import {
  Button as MuiButton,
  Dialog,
  DialogActions,
  DialogContent,
  DialogContentText,
  DialogTitle,
} from '@mui/material';
import { useId, useState } from 'react';
import {
  AutocompleteInput,
  Button,
  Form,
  ReferenceInput,
  required,
  SaveButton,
  useListContext,
  useNotify,
  useRefresh,
  useTranslate,
  useUnselectAll,
  useUpdateMany,
} from 'react-admin';

import { failedIdsOf } from '../common/errors';
import { MAX_PAGE_SIZE } from '../dataProvider';
import { messageOf } from './policy';

/**
 * The case list's bulk action: assigns the selected cases to one collector (the data
 * provider's `updateMany` with `{ assigneeId }`, one `assignCase` per case). Cases that could
 * not be assigned stay selected, with the reason in the notification.
 */
export const BulkAssignButton = () => {
  const translate = useTranslate();
  const { selectedIds, onSelect } = useListContext();
  const [open, setOpen] = useState(false);
  const titleId = useId();
  return (
    <>
      <Button label="resources.cases.list.bulkAssign" onClick={() => setOpen(true)}>
        <AssignIcon />
      </Button>
      <Dialog
        open={open}
        onClose={() => setOpen(false)}
        fullWidth
        maxWidth="xs"
        aria-labelledby={titleId}
      >
        <DialogTitle id={titleId}>
          {translate('resources.cases.list.bulkAssignTitle', { smart_count: selectedIds.length })}
        </DialogTitle>
        {open && (
          <AssignForm
            ids={selectedIds}
            onDone={(failed) => {
              onSelect(failed);
              setOpen(false);
            }}
            onCancel={() => setOpen(false)}
          />
        )}
      </Dialog>
    </>
  );
};

const AssignForm = ({
  ids,
  onDone,
  onCancel,
}: {
  ids: readonly (string | number)[];
  onDone: (failedIds: string[]) => void;
  onCancel: () => void;
}) => {
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const unselectAll = useUnselectAll('cases');
  const [updateMany, { isPending }] = useUpdateMany();
  const [record] = useState({ assigneeId: '' });

  const submit = async (values: Record<string, unknown>) => {
    try {
      await updateMany(
        'cases',
        { ids: [...ids], data: { assigneeId: values.assigneeId } },
        { mutationMode: 'pessimistic', returnPromise: true },
      );
      notify('resources.cases.list.bulkAssignDone', {
        type: 'success',
        messageArgs: { smart_count: ids.length },
      });
      unselectAll();
      refresh();
      onDone([]);
      return undefined;
    } catch (error) {
      const failed = failedIdsOf(error);
      if (failed.length) {
        // The others were assigned: keep only the failures selected, and show the new state.
        notify('resources.cases.list.bulkAssignPartial', {
          type: 'warning',
          messageArgs: { failed: failed.length, error: messageOf(error) },
        });
        refresh();
        onDone(failed);
      } else {
        notify('resources.cases.notifications.failed', {
          type: 'error',
          messageArgs: { error: messageOf(error) },
        });
      }
      return undefined;
    }
  };

  return (
    <Form record={record} onSubmit={submit} disableInvalidFormNotification>
      <DialogContent sx={{ pt: 0 }}>
        <DialogContentText sx={{ mb: 1 }}>
          {translate('resources.cases.list.bulkAssignHelp')}
        </DialogContentText>
        <ReferenceInput
          source="assigneeId"
          reference="users"
          filter={{ role: ['COLLECTOR'], active: true }}
          sort={{ field: 'displayName', order: 'ASC' }}
          perPage={MAX_PAGE_SIZE}
        >
          <AutocompleteInput
            label="resources.cases.list.bulkAssignCollector"
            optionText="displayName"
            validate={required()}
          />
        </ReferenceInput>
      </DialogContent>
      <DialogActions sx={{ px: 3, pb: 2 }}>
        <MuiButton onClick={onCancel} disabled={isPending}>
          {translate('ra.action.cancel')}
        </MuiButton>
        <SaveButton
          label="resources.cases.list.bulkAssign"
          icon={<AssignIcon />}
          alwaysEnable={!isPending}
        />
      </DialogActions>
    </Form>
  );
};
