import { PaymentChannel } from '@arrears/domain';
import { Grid } from '@mui/material';
import { required, SelectInput, TextInput, useCreate } from 'react-admin';

import { ENUM_CHOICES } from '../common/enums';
import type { CreateRepaymentPlanInput, RecordPaymentInput } from '../dataProvider/types';
import { ActionDialog, type CaseDialogProps } from './ActionDialog';
import { AmountInput, formLabel as label, notInFuture, ZonedDateTimeInput } from './inputs';
import { defaultPlanValues, PlanFields } from './PlanFields';
import { normalizeAmount, toPlanTerms } from './planMath';
import { fromZonedWall, toZonedWall } from './zonedTime';

/** Negotiates a plan: a promise to pay, an installment plan (分期) or an extension (延期). */
export const CreatePlanDialog = ({ record, open, onClose }: CaseDialogProps) => {
  const [create] = useCreate();
  const timeZone = record.institution.timeZone;
  return (
    <ActionDialog
      open={open}
      onClose={onClose}
      title="resources.cases.actions.createPlan"
      success="resources.cases.notifications.planCreated"
      timeZone={timeZone}
      maxWidth="md"
      defaultValues={() => defaultPlanValues(timeZone)}
      onSubmit={(values) => {
        const data: CreateRepaymentPlanInput = { caseId: record.id, ...toPlanTerms(values) };
        return create('repaymentPlans', { data }, { returnPromise: true });
      }}
    >
      <PlanFields timeZone={timeZone} outstandingAmount={record.outstandingAmount} />
    </ActionDialog>
  );
};

/**
 * Books money received: amount, time, channel and the bank's reference (which makes it
 * idempotent). The API allocates it to the active plan's installments.
 */
export const RecordPaymentDialog = ({ record, open, onClose }: CaseDialogProps) => {
  const [create] = useCreate();
  const timeZone = record.institution.timeZone;
  return (
    <ActionDialog
      open={open}
      onClose={onClose}
      title="resources.cases.actions.recordPayment"
      success="resources.cases.notifications.paymentRecorded"
      timeZone={timeZone}
      defaultValues={() => ({
        amount: '',
        paidAt: toZonedWall(new Date(), timeZone),
        channel: PaymentChannel.BANK_TRANSFER,
        externalRef: '',
      })}
      onSubmit={(values) => {
        const data: RecordPaymentInput = {
          caseId: record.id,
          amount: normalizeAmount(values.amount),
          paidAt: fromZonedWall(values.paidAt, timeZone) ?? '',
          channel: values.channel as PaymentChannel,
          externalRef: String(values.externalRef ?? '').trim(),
        };
        return create('payments', { data }, { returnPromise: true });
      }}
    >
      <Grid container columnSpacing={2}>
        <Grid size={{ xs: 12, sm: 6 }}>
          <AmountInput source="amount" label={label('paymentAmount')} validate={[required()]} />
        </Grid>
        <Grid size={{ xs: 12, sm: 6 }}>
          <ZonedDateTimeInput
            source="paidAt"
            label={label('paidAt')}
            timeZone={timeZone}
            validate={[required(), notInFuture(timeZone)]}
          />
        </Grid>
        <Grid size={{ xs: 12, sm: 6 }}>
          <SelectInput
            source="channel"
            label={label('paymentChannel')}
            choices={ENUM_CHOICES.paymentChannel}
            validate={required()}
          />
        </Grid>
        <Grid size={{ xs: 12, sm: 6 }}>
          <TextInput
            source="externalRef"
            label={label('externalRef')}
            helperText={label('externalRefHelp')}
            validate={required()}
          />
        </Grid>
      </Grid>
    </ActionDialog>
  );
};
