import {
  type FeedbackStatus,
  feedbackStatusMachine,
  holdForFeedback,
  isFeedbackClosed,
} from '@arrears/domain';
import BlockIcon from '@mui/icons-material/Block';
import CheckCircleIcon from '@mui/icons-material/CheckCircle';
import ManageSearchIcon from '@mui/icons-material/ManageSearch';
import MarkEmailReadIcon from '@mui/icons-material/MarkEmailRead';
import {
  Alert,
  Button as MuiButton,
  Dialog,
  DialogActions,
  DialogContent,
  DialogContentText,
  DialogTitle,
  Stack,
} from '@mui/material';
import { useState, type ReactElement } from 'react';
import {
  Button,
  Form,
  required,
  SaveButton,
  TextInput,
  useDataProvider,
  useNotify,
  useRecordContext,
  useRefresh,
  useCanAccess,
  useTranslate,
} from 'react-admin';

import { formErrors } from '../common/errors';
import { notifyError } from '../common/notifyError';
import type { FeedbackRecord, FeedbackUpdateData } from '../dataProvider/types';

/** The moves a supervisor can make, in the order they are offered. */
type Target = Exclude<FeedbackStatus, 'RECEIVED'>;

const ACTIONS: Record<Target, { icon: ReactElement; color: 'primary' | 'error' | 'success' }> = {
  ACKNOWLEDGED: { icon: <MarkEmailReadIcon />, color: 'primary' },
  INVESTIGATING: { icon: <ManageSearchIcon />, color: 'primary' },
  RESOLVED: { icon: <CheckCircleIcon />, color: 'success' },
  REJECTED: { icon: <BlockIcon />, color: 'error' },
};
const ORDER: Target[] = ['ACKNOWLEDGED', 'INVESTIGATING', 'RESOLVED', 'REJECTED'];

/**
 * The status moves open to this feedback (acknowledge, investigate, resolve, reject), for roles
 * that handle feedback; each asks for confirmation, and resolving or rejecting for the
 * resolution the borrower will be told.
 */
export const FeedbackStatusActions = () => {
  const record = useRecordContext<FeedbackRecord>();
  const { canAccess } = useCanAccess({ resource: 'feedback', action: 'edit' });
  const [target, setTarget] = useState<Target | null>(null);
  if (!record || !canAccess) return null;
  const moves = ORDER.filter((status) => feedbackStatusMachine.can(record.status, status));
  if (moves.length === 0) return null;
  return (
    <Stack direction="row" spacing={1}>
      {moves.map((status) => (
        <Button
          key={status}
          label={`feedback.actions.${status}`}
          onClick={() => setTarget(status)}
          color={ACTIONS[status].color}
          variant={status === 'RESOLVED' ? 'contained' : 'outlined'}
        >
          {ACTIONS[status].icon}
        </Button>
      ))}
      {target ? (
        <FeedbackStatusDialog record={record} target={target} onClose={() => setTarget(null)} />
      ) : null}
    </Stack>
  );
};

const FeedbackStatusDialog = ({
  record,
  target,
  onClose,
}: {
  record: FeedbackRecord;
  target: Target;
  onClose: () => void;
}) => {
  const dataProvider = useDataProvider();
  const notify = useNotify();
  const refresh = useRefresh();
  const translate = useTranslate();
  const closing = isFeedbackClosed(target);
  const hold = holdForFeedback(record.kind, record.category);

  const submit = async (values: Record<string, unknown>) => {
    const resolution = typeof values.resolution === 'string' ? values.resolution.trim() : '';
    const data: FeedbackUpdateData = closing ? { status: target, resolution } : { status: target };
    try {
      await dataProvider.update<FeedbackRecord>('feedback', {
        id: record.id,
        data,
        previousData: record,
      });
      notify(`feedback.notifications.${target}`, {
        type: 'success',
        messageArgs: { receiptCode: record.receiptCode },
      });
      onClose();
      refresh();
      return undefined;
    } catch (error) {
      const errors = formErrors(error);
      if (errors && closing) return errors;
      notifyError(notify, error);
      return undefined;
    }
  };

  const titleId = 'feedback-status-dialog-title';
  return (
    <Dialog open onClose={onClose} aria-labelledby={titleId} fullWidth maxWidth="sm">
      <Form onSubmit={submit} defaultValues={{ resolution: '' }}>
        <DialogTitle id={titleId}>
          {translate(`feedback.dialog.${target}.title`, { receiptCode: record.receiptCode })}
        </DialogTitle>
        <DialogContent>
          <DialogContentText sx={{ mb: 2 }}>
            {translate(`feedback.dialog.${target}.content`)}
          </DialogContentText>
          {hold ? (
            <Alert
              severity={closing ? 'success' : 'info'}
              sx={{ mb: 2 }}
              data-testid="feedback-hold-note"
            >
              {translate(closing ? 'feedback.dialog.liftsHold' : 'feedback.dialog.keepsHold', {
                loanNumber: record.case.loanNumber,
                hold: translate(`enums.holdKind.${hold}`),
              })}
            </Alert>
          ) : null}
          {closing ? (
            <TextInput
              source="resolution"
              label="feedback.dialog.resolution"
              helperText="feedback.dialog.resolutionHelp"
              multiline
              minRows={3}
              fullWidth
              autoFocus
              validate={required()}
            />
          ) : null}
        </DialogContent>
        <DialogActions>
          <MuiButton onClick={onClose}>{translate('ra.action.cancel')}</MuiButton>
          <SaveButton
            label={`feedback.dialog.${target}.confirm`}
            icon={ACTIONS[target].icon}
            color={ACTIONS[target].color}
            alwaysEnable={!closing}
          />
        </DialogActions>
      </Form>
    </Dialog>
  );
};
