import { addDays, MIN_VISIT_COLLECTORS } from '@arrears/domain';
import { Grid } from '@mui/material';
import {
  AutocompleteArrayInput,
  ReferenceArrayInput,
  required,
  TextInput,
  useCreate,
  useTranslate,
  type Validator,
} from 'react-admin';

import { MAX_PAGE_SIZE } from '../dataProvider';
import type { ScheduleVisitInput } from '../dataProvider/types';
import { ActionDialog, type CaseDialogProps } from './ActionDialog';
import { addressLine } from './address';
import {
  afterStart,
  formLabel as label,
  newIdempotencyKey,
  valueAt,
  ZonedDateTimeInput,
} from './inputs';
import { fromZonedWall, zonedToday } from './zonedTime';

/** A visit window is at most eight hours (the domain's rule). */
const MAX_WINDOW_MS = 8 * 60 * 60 * 1000;

const minCollectors =
  (min: number): Validator =>
  (value) =>
    Array.isArray(value) && new Set(value).size >= min
      ? undefined
      : { message: 'resources.cases.validation.minCollectors', args: { min } };

const inFuture =
  (timeZone: string): Validator =>
  (value) => {
    const instant = fromZonedWall(value, timeZone);
    return instant && new Date(instant).getTime() < Date.now()
      ? 'resources.cases.validation.visitInPast'
      : undefined;
  };

const notTooLong =
  (timeZone: string): Validator =>
  (value, values) => {
    const end = fromZonedWall(value, timeZone);
    const start = fromZonedWall(valueAt(values, 'windowStart'), timeZone);
    return end && start && new Date(end).getTime() - new Date(start).getTime() > MAX_WINDOW_MS
      ? 'resources.cases.validation.windowTooLong'
      : undefined;
  };

/**
 * Plans a door-to-door visit (上门催收): at least two of the institution's collectors, the window
 * agreed with the borrower, the purpose and the address. The API checks the window against the
 * collection policy (quiet hours, holidays, holds).
 */
export const ScheduleVisitDialog = ({ record, open, onClose }: CaseDialogProps) => {
  const translate = useTranslate();
  const [create] = useCreate();
  const timeZone = record.institution.timeZone;
  const homeAddress = addressLine(record.borrower.address);

  const submit = (values: Record<string, unknown>) => {
    const address = typeof values.address === 'string' ? values.address.trim() : '';
    const data: ScheduleVisitInput = {
      caseId: record.id,
      collectorIds: [...new Set((values.collectorIds as string[] | undefined) ?? [])],
      windowStart: fromZonedWall(values.windowStart, timeZone) ?? '',
      windowEnd: fromZonedWall(values.windowEnd, timeZone) ?? '',
      purpose: String(values.purpose ?? '').trim(),
      address: address || null,
      idempotencyKey: (values.idempotencyKey as string | undefined) ?? null,
    };
    return create('visits', { data }, { returnPromise: true });
  };

  return (
    <ActionDialog
      open={open}
      onClose={onClose}
      title="resources.cases.actions.scheduleVisit"
      success="resources.cases.notifications.visitScheduled"
      timeZone={timeZone}
      defaultValues={() => {
        // Tomorrow, 10:00–11:00 in the institution's zone: a time the policy allows on a workday.
        const tomorrow = addDays(zonedToday(timeZone), 1);
        return {
          collectorIds: record.assignee ? [record.assignee.id] : [],
          windowStart: `${tomorrow}T10:00`,
          windowEnd: `${tomorrow}T11:00`,
          purpose: '',
          address: '',
          idempotencyKey: newIdempotencyKey(),
        };
      }}
      onSubmit={submit}
    >
      <ReferenceArrayInput
        source="collectorIds"
        reference="users"
        filter={{ institutionId: record.institution.id, role: ['COLLECTOR'], active: true }}
        sort={{ field: 'displayName', order: 'ASC' }}
        perPage={MAX_PAGE_SIZE}
      >
        <AutocompleteArrayInput
          label={label('collectorIds')}
          optionText="displayName"
          helperText={translate(label('collectorIdsHelp'), { min: MIN_VISIT_COLLECTORS })}
          validate={[required(), minCollectors(MIN_VISIT_COLLECTORS)]}
          filterSelectedOptions
        />
      </ReferenceArrayInput>
      <Grid container columnSpacing={2}>
        <Grid size={{ xs: 12, sm: 6 }}>
          <ZonedDateTimeInput
            source="windowStart"
            label={label('windowStart')}
            timeZone={timeZone}
            validate={[required(), inFuture(timeZone)]}
          />
        </Grid>
        <Grid size={{ xs: 12, sm: 6 }}>
          <ZonedDateTimeInput
            source="windowEnd"
            label={label('windowEnd')}
            timeZone={timeZone}
            validate={[required(), afterStart(timeZone, 'windowStart'), notTooLong(timeZone)]}
          />
        </Grid>
      </Grid>
      <TextInput source="purpose" label={label('purpose')} validate={required()} multiline />
      <TextInput
        source="address"
        label={label('address')}
        helperText={translate(label('addressHelp'), { address: homeAddress })}
      />
    </ActionDialog>
  );
};
