import {
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  type Breakpoint,
} from '@mui/material';
import { useId, useState, type ReactNode } from 'react';
import { Form, SaveButton, useLocaleState, useNotify, useRefresh, useTranslate } from 'react-admin';

import { policyRefusalOf, type PolicyRefusal } from '../common/errors';
import { PolicyRefusalAlert } from '../common/PolicyRefusal';
import type { CaseDetail } from '../dataProvider/types';
import { useFormatTime } from './hooks';
import { formErrorsOf, messageOf, refusedFieldsOf } from './policy';

type Values = Record<string, unknown>;

/** What a case page's action dialog takes: the case, and whether the dialog is open. */
export interface CaseDialogProps {
  record: CaseDetail;
  open: boolean;
  onClose: () => void;
}

export interface ActionDialogProps {
  open: boolean;
  onClose: () => void;
  /** Translation key of the dialog's title, also its accessible name. */
  title: string;
  /** The form's starting values; read once, when the dialog opens. */
  defaultValues: Values | (() => Values);
  /** Sends the action; rejects with the data provider's `HttpError` when it fails. */
  onSubmit: (values: Values) => Promise<unknown>;
  /** Translation key of the notification after success. */
  success: string;
  /** The institution's time zone, for the next allowed time of a refusal. */
  timeZone: string | undefined;
  submitLabel?: string;
  maxWidth?: Breakpoint;
  /** Shown above the inputs (the policy check of the contact form …). */
  header?: ReactNode;
  children: ReactNode;
}

/**
 * One workflow action in a dialog: a react-admin form that sends the action, then notifies,
 * refreshes the page and closes. When the API refuses, the form stays open with what it said:
 * the collection policy's refusal (its rules and the next allowed time, in the user's language
 * and the institution's zone) above the inputs, other messages under the inputs they name.
 */
export const ActionDialog = ({ open, onClose, title, ...props }: ActionDialogProps) => {
  const translate = useTranslate();
  const titleId = useId();
  return (
    <Dialog
      open={open}
      onClose={(_event, reason) => {
        // A half-filled form is not thrown away by a click beside it.
        if (reason !== 'backdropClick') onClose();
      }}
      fullWidth
      maxWidth={props.maxWidth ?? 'sm'}
      aria-labelledby={titleId}
    >
      <DialogTitle id={titleId}>{translate(title)}</DialogTitle>
      {open && <ActionForm onClose={onClose} {...props} />}
    </Dialog>
  );
};

const ActionForm = ({
  onClose,
  defaultValues,
  onSubmit,
  success,
  timeZone,
  submitLabel = 'resources.cases.actions.submit',
  header,
  children,
}: Omit<ActionDialogProps, 'open' | 'title'>) => {
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const [locale] = useLocaleState();
  const formatTime = useFormatTime(timeZone);
  // Read once: a new object each render would reset the form as the user types.
  const [record] = useState(defaultValues);
  const [refusal, setRefusal] = useState<PolicyRefusal>();
  const [submitting, setSubmitting] = useState(false);

  const submit = async (values: Values) => {
    setSubmitting(true);
    setRefusal(undefined);
    try {
      await onSubmit(values);
      notify(success, { type: 'success' });
      refresh();
      onClose();
      return undefined;
    } catch (error) {
      const refused = policyRefusalOf(error);
      if (refused) {
        setRefusal(refused);
        const rules = new Intl.ListFormat(locale, { type: 'conjunction' }).format(
          refused.rules.map(({ code }) => translate(`enums.policyRule.${code}`, { _: code })),
        );
        const when = refused.nextAllowedAt
          ? translate('resources.cases.policy.nextAllowed', {
              time: formatTime(refused.nextAllowedAt),
            })
          : translate('resources.cases.policy.noNextTime');
        notify('resources.cases.policy.refusedNotice', {
          type: 'error',
          messageArgs: { rules, when },
        });
        // The inputs the refusal is about are marked; the alert above says why.
        return Object.fromEntries(
          refusedFieldsOf(error).map((field) => [field, 'resources.cases.policy.refusedField']),
        );
      }
      notify('resources.cases.notifications.failed', {
        type: 'error',
        messageArgs: { error: messageOf(error) },
      });
      return formErrorsOf(error);
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <Form
      record={record}
      onSubmit={submit}
      // Inside a dialog the inputs show what is wrong; failures are notified by `submit`.
      disableInvalidFormNotification
    >
      <DialogContent sx={{ pt: 0 }}>
        {refusal && (
          <PolicyRefusalAlert
            reasons={refusal.rules}
            nextAllowedAt={refusal.nextAllowedAt}
            timeZone={timeZone}
          />
        )}
        {header}
        {children}
      </DialogContent>
      <DialogActions sx={{ px: 3, pb: 2 }}>
        <Button onClick={onClose} disabled={submitting}>
          {translate('ra.action.cancel')}
        </Button>
        <SaveButton label={submitLabel} alwaysEnable={!submitting} />
      </DialogActions>
    </Form>
  );
};
