import { addDays, RepaymentPlanKind } from '@arrears/domain';
import { Alert, Box, Button, Stack, TextField } from '@mui/material';
import { useState } from 'react';
import {
  ArrayInput,
  BooleanInput,
  DateInput,
  FormDataConsumer,
  RadioButtonGroupInput,
  required,
  SimpleFormIterator,
  TextInput,
  useArrayInput,
  useTranslate,
  type Validator,
} from 'react-admin';

import { ENUM_CHOICES } from '../common/enums';
import { formatYuan } from '../common/money';
import type { InstallmentInput } from '../dataProvider/types';
import { AmountInput, formLabel as label, valueAt } from './inputs';
import { checkSchedule, installmentCountProblem, splitEvenly } from './planMath';
import { zonedToday } from './zonedTime';

interface PlanValues {
  kind?: RepaymentPlanKind;
  total?: string;
  installments?: Partial<InstallmentInput>[];
  hardship?: boolean;
}

/** The schedule must match the kind (one installment, or two and more) and add up to the total. */
const scheduleRule =
  (prefix: string): Validator =>
  (value, values) => {
    const installments = (Array.isArray(value) ? value : []) as Partial<InstallmentInput>[];
    const kind = valueAt(values, `${prefix}kind`);
    const countProblem = installmentCountProblem(kind, installments.length);
    if (countProblem) return `resources.cases.validation.${countProblem}`;
    const check = checkSchedule(valueAt(values, `${prefix}total`), installments);
    if (!check.unreadable && !check.balanced) {
      return {
        message: 'resources.cases.validation.scheduleMismatch',
        args: { difference: formatYuan(check.difference) },
      };
    }
    return undefined;
  };

/** The default schedule: one installment a week from today, for the total typed. */
export const defaultPlanValues = (timeZone: string) => ({
  kind: RepaymentPlanKind.PROMISE,
  total: '',
  hardship: false,
  installments: [{ dueDate: addDays(zonedToday(timeZone), 7), amount: '' }],
  note: '',
});

/**
 * The terms of a repayment plan: its kind, total and schedule (an ArrayInput of due dates and
 * amounts, with an even monthly split to start from), the running sum checked against the total.
 * `prefix` nests the inputs ("plan.") when the plan is part of a larger form.
 */
export const PlanFields = ({
  prefix = '',
  timeZone,
  outstandingAmount,
}: {
  prefix?: string;
  timeZone: string;
  outstandingAmount: string;
}) => {
  const translate = useTranslate();
  const source = (name: string) => `${prefix}${name}`;
  return (
    <Box>
      <RadioButtonGroupInput
        source={source('kind')}
        label={label('planKind')}
        choices={ENUM_CHOICES.repaymentPlanKind}
        validate={required()}
        row
      />
      <AmountInput
        source={source('total')}
        label={label('total')}
        validate={[required()]}
        helperText={translate(label('outstandingHint'), { amount: formatYuan(outstandingAmount) })}
      />
      <FormDataConsumer>
        {({ formData }) => {
          const plan = (prefix ? valueAt(formData, prefix.slice(0, -1)) : formData) as
            | PlanValues
            | undefined;
          const kind = plan?.kind;
          const installments = plan?.installments ?? [];
          const single = kind !== RepaymentPlanKind.INSTALLMENT;
          const check = checkSchedule(plan?.total, installments);
          return (
            <>
              {kind === RepaymentPlanKind.INSTALLMENT && (
                <BooleanInput source={source('hardship')} label={label('hardship')} />
              )}
              <ArrayInput
                source={source('installments')}
                label={label('installments')}
                validate={scheduleRule(prefix)}
              >
                <>
                  <SplitSchedule total={plan?.total} single={single} timeZone={timeZone} />
                  <SimpleFormIterator
                    inline
                    disableReordering
                    disableClear
                    disableAdd={single && installments.length >= 1}
                  >
                    <DateInput source="dueDate" label={label('dueDate')} validate={required()} />
                    <AmountInput
                      source="amount"
                      label={label('amount')}
                      validate={[required()]}
                      helperText={false}
                    />
                  </SimpleFormIterator>
                </>
              </ArrayInput>
              {installments.length > 0 && !check.unreadable && (
                <Alert
                  severity={check.balanced ? 'success' : 'warning'}
                  sx={{ mb: 2 }}
                  data-testid="schedule-sum"
                >
                  {check.balanced
                    ? translate(label('scheduleBalanced'), { sum: formatYuan(check.sum) })
                    : translate(label('scheduleSum'), {
                        sum: formatYuan(check.sum),
                        difference: formatYuan(check.difference),
                      })}
                </Alert>
              )}
            </>
          );
        }}
      </FormDataConsumer>
      <TextInput source={source('note')} label={label('note')} multiline />
    </Box>
  );
};

/**
 * Fills the schedule from the total: a number of monthly installments from a first due date,
 * split to the fen. One installment for a promise or an extension.
 */
const SplitSchedule = ({
  total,
  single,
  timeZone,
}: {
  total: string | undefined;
  single: boolean;
  timeZone: string;
}) => {
  const translate = useTranslate();
  const { replace } = useArrayInput();
  const [count, setCount] = useState('3');
  const [firstDue, setFirstDue] = useState(() => addDays(zonedToday(timeZone), 7));
  const installments = splitEvenly(total, single ? 1 : Number(count), firstDue);
  return (
    <Stack direction="row" spacing={1} sx={{ alignItems: 'center', my: 1, flexWrap: 'wrap' }}>
      {!single && (
        <TextField
          size="small"
          type="number"
          label={translate(label('splitCount'))}
          value={count}
          onChange={(event) => setCount(event.target.value)}
          slotProps={{ htmlInput: { min: 2, max: 60, step: 1 } }}
          sx={{ width: 110 }}
        />
      )}
      <TextField
        size="small"
        type="date"
        label={translate(label('splitFirstDue'))}
        value={firstDue}
        onChange={(event) => setFirstDue(event.target.value)}
        slotProps={{ inputLabel: { shrink: true } }}
        sx={{ width: 170 }}
      />
      <Button
        size="small"
        variant="outlined"
        disabled={!installments}
        onClick={() => installments && replace(installments)}
      >
        {translate(label('split'))}
      </Button>
    </Stack>
  );
};
