import {
  Button,
  CircularProgress,
  Dialog,
  DialogActions,
  DialogContent,
  DialogContentText,
  DialogTitle,
} from '@mui/material';
import { useId, useState, type ReactNode } from 'react';
import { Form, useNotify, useTranslate, type RaRecord } from 'react-admin';

import { policyRefusalOf, type PolicyRefusal } from '../common/errors';
import { useRefusalSummary, VisitRefusalAlert } from './PolicyRefusalAlert';
import { errorMessageOf, submissionErrors } from './refusal';

/** The form's own record: empty, so no field of the record a page shows leaks into the dialog. */
const EMPTY_RECORD: Partial<RaRecord> = {};

export interface ActionDialogProps<Values extends Record<string, unknown>> {
  open: boolean;
  onClose: () => void;
  /** Translation key of the title, which is also the dialog's accessible name. */
  title: string;
  /** Translation key of a sentence under the title. */
  description?: string;
  /** Translation key of the submit button. */
  submitLabel: string;
  submitIcon?: ReactNode;
  defaultValues?: Partial<Values>;
  /**
   * Runs the action; throws the data provider's error when it fails. The dialog then shows a
   * policy refusal itself, the API's field messages under the inputs, and notifies the error.
   */
  onSubmit: (values: Values) => Promise<void>;
  /** The API's input names this form calls otherwise (`windowStart` → `startTime`). */
  rename?: Record<string, string>;
  /** The form's inputs; API messages about other inputs are shown only as the form's message. */
  inputs?: readonly string[];
  children?: ReactNode;
  'data-testid'?: string;
}

/**
 * A workflow action in a dialog (react-admin's CRM example style): a title, a few inputs, the
 * policy's refusal when the API refuses, Cancel and a submit button that waits for the API.
 */
export const ActionDialog = <Values extends Record<string, unknown>>({
  open,
  onClose,
  title,
  description,
  submitLabel,
  submitIcon,
  defaultValues,
  onSubmit,
  rename,
  inputs,
  children,
  'data-testid': testId,
}: ActionDialogProps<Values>) => {
  const translate = useTranslate();
  const titleId = useId();
  const summarize = useRefusalSummary();
  const notify = useNotify();
  const [refusal, setRefusal] = useState<PolicyRefusal | null>(null);
  const [submitting, setSubmitting] = useState(false);

  const close = () => {
    setRefusal(null);
    onClose();
  };

  const submit = async (values: Record<string, unknown>) => {
    setRefusal(null);
    setSubmitting(true);
    try {
      await onSubmit(values as Values);
      return undefined;
    } catch (error) {
      const refused = policyRefusalOf(error);
      setRefusal(refused);
      const message = refused ? summarize(refused) : errorMessageOf(error);
      notify(message, { type: 'error', messageArgs: { _: message } });
      return submissionErrors(error, {
        ...(rename ? { rename } : {}),
        ...(inputs ? { inputs } : {}),
      });
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <Dialog
      open={open}
      onClose={close}
      aria-labelledby={titleId}
      fullWidth
      maxWidth="sm"
      data-testid={testId}
    >
      {open ? (
        <Form
          record={EMPTY_RECORD}
          defaultValues={defaultValues}
          onSubmit={submit}
          mode="onSubmit"
          noValidate
          // Invalid inputs show their message in the dialog; API failures are notified above.
          disableInvalidFormNotification
        >
          <DialogTitle id={titleId}>{translate(title)}</DialogTitle>
          <DialogContent>
            {description ? (
              <DialogContentText sx={{ mb: 2 }}>{translate(description)}</DialogContentText>
            ) : null}
            {refusal ? <VisitRefusalAlert refusal={refusal} /> : null}
            {children}
          </DialogContent>
          <DialogActions>
            <Button onClick={close}>{translate('ra.action.cancel')}</Button>
            <SubmitButton label={submitLabel} icon={submitIcon} submitting={submitting} />
          </DialogActions>
        </Form>
      ) : null}
    </Dialog>
  );
};

/** Submits the dialog's form; disabled with a spinner while the API answers. */
const SubmitButton = ({
  label,
  icon,
  submitting,
}: {
  label: string;
  icon?: ReactNode;
  submitting: boolean;
}) => {
  const translate = useTranslate();
  return (
    <Button
      type="submit"
      variant="contained"
      disabled={submitting}
      startIcon={submitting ? <CircularProgress size={16} color="inherit" /> : icon}
    >
      {translate(label)}
    </Button>
  );
};
