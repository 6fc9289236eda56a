import ConsentIcon from '@mui/icons-material/AlarmOn';
import WithdrawIcon from '@mui/icons-material/AlarmOff';
import { Alert, Button, Stack, Typography } from '@mui/material';
import { Permission } from '@arrears/domain';
import { useState } from 'react';
import {
  Confirm,
  RecordField,
  TextInput,
  maxLength,
  required,
  useDataProvider,
  useNotify,
  useRecordContext,
  useRefresh,
  useTranslate,
  type Validator,
} from 'react-admin';

import { InstitutionDateTimeField } from '../common/InstitutionDateTimeField';
import { useCan } from '../common/useCan';
import type { ArrearsDataProvider, BorrowerDetail } from '../dataProvider/types';
import { ActionDialog } from '../visits/ActionDialog';
import { errorMessageOf } from '../visits/refusal';
import { isClockTime } from '../visits/time';

const Field = RecordField<BorrowerDetail>;

interface ConsentValues extends Record<string, unknown> {
  windowStart: string;
  windowEnd: string;
  evidence: string;
}

const clockTime: Validator = (value: unknown) =>
  isClockTime(value) ? undefined : 'borrowers.consent.invalidTime';

/** A window of no length would allow nothing (or everything): refused here already. */
const differsFromStart: Validator = (value: unknown, values: Record<string, unknown>) =>
  value === values.windowStart ? 'borrowers.consent.emptyWindow' : undefined;

/**
 * The borrower's recorded consent to be contacted in another window (it replaces the rule
 * pack's quiet hours for them): the window in the borrower's local time, the evidence and when
 * it was recorded. Users who may write borrowers record, replace or withdraw it.
 */
export const ContactConsentSection = () => {
  const record = useRecordContext<BorrowerDetail>();
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const dataProvider = useDataProvider<ArrearsDataProvider>();
  const mayWrite = useCan()(Permission.BORROWERS_WRITE);
  const [recording, setRecording] = useState(false);
  const [withdrawing, setWithdrawing] = useState(false);
  const [busy, setBusy] = useState(false);
  if (!record) return null;
  const consent = record.contactConsent;

  const withdraw = async () => {
    setBusy(true);
    try {
      await dataProvider.withdrawContactConsent(record.id);
      notify('borrowers.consent.withdrawn', { type: 'success' });
      refresh();
    } catch (error) {
      const message = errorMessageOf(error);
      notify(message, { type: 'error', messageArgs: { _: message } });
    } finally {
      setBusy(false);
      setWithdrawing(false);
    }
  };

  return (
    <Stack spacing={1.5} data-testid="contact-consent">
      {consent ? (
        <>
          <Field
            source="contactConsent.windowStart"
            label="borrowers.consent.window"
            render={() => `${consent.windowStart}–${consent.windowEnd}`}
          />
          <Field source="contactConsent.evidence" />
          <Field source="contactConsent.recordedAt" field={InstitutionDateTimeField} />
        </>
      ) : (
        <Typography variant="body2" color="text.secondary">
          {translate('borrowers.consent.none')}
        </Typography>
      )}
      {mayWrite ? (
        <Stack direction="row" spacing={1}>
          <Button
            size="small"
            variant="outlined"
            startIcon={<ConsentIcon />}
            onClick={() => setRecording(true)}
          >
            {translate(consent ? 'borrowers.consent.replace' : 'borrowers.consent.record')}
          </Button>
          {consent ? (
            <Button
              size="small"
              color="warning"
              startIcon={<WithdrawIcon />}
              onClick={() => setWithdrawing(true)}
            >
              {translate('borrowers.consent.withdraw')}
            </Button>
          ) : null}
        </Stack>
      ) : null}
      <ActionDialog<ConsentValues>
        open={recording}
        onClose={() => setRecording(false)}
        title="borrowers.consent.dialogTitle"
        description="borrowers.consent.dialogDescription"
        submitLabel="borrowers.consent.save"
        submitIcon={<ConsentIcon />}
        defaultValues={
          consent
            ? { windowStart: consent.windowStart, windowEnd: consent.windowEnd }
            : { windowStart: '', windowEnd: '' }
        }
        inputs={['windowStart', 'windowEnd', 'evidence']}
        data-testid="contact-consent-dialog"
        onSubmit={async ({ windowStart, windowEnd, evidence }) => {
          await dataProvider.recordContactConsent({
            borrowerId: record.id,
            windowStart,
            windowEnd,
            evidence: evidence.trim(),
          });
          notify('borrowers.consent.recorded', { type: 'success' });
          setRecording(false);
          refresh();
        }}
      >
        <Alert severity="info" sx={{ mb: 2 }}>
          {translate('borrowers.consent.localTime', {
            timeZone: record.timeZone ?? translate('borrowers.consent.institutionZone'),
          })}
        </Alert>
        <Stack direction={{ xs: 'column', sm: 'row' }} spacing={{ xs: 0, sm: 2 }}>
          <TextInput
            source="windowStart"
            type="time"
            label="borrowers.consent.windowStart"
            validate={[required(), clockTime]}
            fullWidth
            slotProps={{ inputLabel: { shrink: true } }}
          />
          <TextInput
            source="windowEnd"
            type="time"
            label="borrowers.consent.windowEnd"
            helperText="borrowers.consent.crossesMidnight"
            validate={[required(), clockTime, differsFromStart]}
            fullWidth
            slotProps={{ inputLabel: { shrink: true } }}
          />
        </Stack>
        <TextInput
          source="evidence"
          label="borrowers.consent.evidence"
          helperText="borrowers.consent.evidenceHelp"
          validate={[required(), maxLength(200)]}
          fullWidth
        />
      </ActionDialog>
      <Confirm
        isOpen={withdrawing}
        loading={busy}
        title="borrowers.consent.withdrawTitle"
        content="borrowers.consent.withdrawContent"
        confirm="borrowers.consent.withdraw"
        confirmColor="warning"
        onConfirm={withdraw}
        onClose={() => setWithdrawing(false)}
      />
    </Stack>
  );
};
