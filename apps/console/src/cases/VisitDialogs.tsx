import { VisitStatus } from '@arrears/domain';
import MyLocationIcon from '@mui/icons-material/MyLocation';
import { Button, FormHelperText, Grid, Stack, TextField } from '@mui/material';
import { useRef, useState } from 'react';
import {
  AutocompleteInput,
  BooleanInput,
  DateInput,
  FormDataConsumer,
  RadioButtonGroupInput,
  ReferenceInput,
  required,
  SelectInput,
  TextInput,
  useDataProvider,
  useGetIdentity,
  useInput,
  useTranslate,
  type Validator,
} from 'react-admin';

import { ENUM_CHOICES } from '../common/enums';
import { MAX_PAGE_SIZE } from '../dataProvider';
import type {
  ArrearsDataProvider,
  RecordVisitOutcomeInput,
  VisitOutcome,
  VisitRecord,
} from '../dataProvider/types';
import { ActionDialog, type CaseDialogProps } from './ActionDialog';
import { formLabel as label, notInFuture, ZonedDateTimeInput } from './inputs';
import { defaultPlanValues, PlanFields } from './PlanFields';
import { toPlanTerms } from './planMath';
import { fromZonedWall, nowInput } from './zonedTime';

interface VisitDialogProps extends CaseDialogProps {
  visit: VisitRecord;
}

const text = (value: unknown): string | null =>
  typeof value === 'string' && value.trim() ? value.trim() : null;

/** Records that the borrower agreed to the appointment (预约上门): how, and who agreed it. */
export const ConfirmVisitDialog = ({ record, visit, open, onClose }: VisitDialogProps) => {
  const translate = useTranslate();
  const dataProvider = useDataProvider<ArrearsDataProvider>();
  const { identity } = useGetIdentity();
  return (
    <ActionDialog
      open={open}
      onClose={onClose}
      title="resources.cases.actions.confirmVisit"
      success="resources.cases.notifications.visitConfirmed"
      timeZone={record.institution.timeZone}
      defaultValues={() => ({
        confirmedVia: translate(label('confirmedViaDefault')),
        confirmedById: identity?.id ?? '',
      })}
      onSubmit={(values) =>
        dataProvider.confirmVisit({
          visitId: visit.id,
          confirmedVia: String(values.confirmedVia ?? '').trim(),
          confirmedById: text(values.confirmedById),
        })
      }
    >
      <TextInput source="confirmedVia" label={label('confirmedVia')} validate={required()} />
      <ReferenceInput
        source="confirmedById"
        reference="users"
        filter={{ institutionId: record.institution.id, active: true }}
        sort={{ field: 'displayName', order: 'ASC' }}
        perPage={MAX_PAGE_SIZE}
      >
        <AutocompleteInput label={label('confirmedById')} optionText="displayName" />
      </ReferenceInput>
    </ActionDialog>
  );
};

const coordinate =
  (limit: number): Validator =>
  (value) =>
    value === '' || value === undefined || value === null
      ? 'ra.validation.required'
      : Number.isFinite(Number(value)) && Math.abs(Number(value)) <= limit
        ? undefined
        : 'resources.cases.validation.coordinate';

/**
 * Latitude and longitude of the check-in, typed or taken from the device's location. A custom
 * input on react-admin's `useInput`, so the location button can fill both.
 */
const CoordinatesInput = () => {
  const translate = useTranslate();
  const latitude = useInput({ source: 'latitude', validate: coordinate(90) });
  const longitude = useInput({ source: 'longitude', validate: coordinate(180) });
  const [failed, setFailed] = useState(false);
  const locate = () => {
    setFailed(false);
    if (!navigator.geolocation) {
      setFailed(true);
      return;
    }
    navigator.geolocation.getCurrentPosition(
      ({ coords }) => {
        latitude.field.onChange(coords.latitude.toFixed(6));
        longitude.field.onChange(coords.longitude.toFixed(6));
      },
      () => setFailed(true),
      { enableHighAccuracy: true, timeout: 10_000 },
    );
  };
  const error = (state: typeof latitude) =>
    state.fieldState.error?.message ? translate(state.fieldState.error.message) : undefined;
  return (
    <>
      <Stack
        direction={{ xs: 'column', sm: 'row' }}
        spacing={2}
        sx={{ alignItems: 'flex-start', my: 1 }}
      >
        {(
          [
            ['latitude', latitude],
            ['longitude', longitude],
          ] as const
        ).map(([name, state]) => (
          <TextField
            key={name}
            {...state.field}
            value={state.field.value ?? ''}
            id={state.id}
            size="small"
            label={translate(label(name))}
            required
            error={state.fieldState.invalid}
            helperText={error(state)}
            slotProps={{ htmlInput: { inputMode: 'decimal' } }}
          />
        ))}
        <Button
          startIcon={<MyLocationIcon />}
          onClick={locate}
          sx={{ mt: 0.5, whiteSpace: 'nowrap', flexShrink: 0 }}
        >
          {translate(label('locate'))}
        </Button>
      </Stack>
      {failed && (
        <FormHelperText error sx={{ mt: -0.5, mb: 1 }}>
          {translate(label('locateFailed'))}
        </FormHelperText>
      )}
    </>
  );
};

const mustBeTrue: Validator = (value) =>
  value === true ? undefined : 'resources.cases.validation.idShown';

/** The collectors at the door: when, where, ID shown (required), and whether they may enter. */
export const CheckInVisitDialog = ({ record, visit, open, onClose }: VisitDialogProps) => {
  const dataProvider = useDataProvider<ArrearsDataProvider>();
  const timeZone = record.institution.timeZone;
  const now = useRef<ReturnType<typeof nowInput>>(undefined);
  return (
    <ActionDialog
      open={open}
      onClose={onClose}
      title="resources.cases.actions.checkInVisit"
      success="resources.cases.notifications.checkedIn"
      timeZone={timeZone}
      defaultValues={() => {
        now.current = nowInput(timeZone);
        return {
          at: now.current.initial,
          latitude: '',
          longitude: '',
          idShown: false,
          consentToEnter: false,
        };
      }}
      onSubmit={(values) =>
        dataProvider.checkInVisit({
          visitId: visit.id,
          at: now.current?.toInstant(values.at) ?? null,
          latitude: Number(values.latitude),
          longitude: Number(values.longitude),
          idShown: values.idShown === true,
          consentToEnter: values.consentToEnter === true,
        })
      }
    >
      <ZonedDateTimeInput
        source="at"
        label={label('checkInAt')}
        timeZone={timeZone}
        validate={[required(), notInFuture(timeZone)]}
      />
      <CoordinatesInput />
      <BooleanInput source="idShown" label={label('idShown')} validate={mustBeTrue} />
      <BooleanInput source="consentToEnter" label={label('consentToEnter')} />
    </ActionDialog>
  );
};

/**
 * The visit's record (记录与反馈). A checked-in visit is COMPLETED with the full record (attitude,
 * willingness, overdue reason, negotiated result, note, follow-up date) and, optionally, the
 * plan agreed at the door; a confirmed visit where nobody was met is a NO_SHOW.
 */
export const VisitOutcomeDialog = ({ record, visit, open, onClose }: VisitDialogProps) => {
  const dataProvider = useDataProvider<ArrearsDataProvider>();
  const timeZone = record.institution.timeZone;
  const now = useRef<ReturnType<typeof nowInput>>(undefined);
  const outcome: VisitOutcome =
    visit.status === VisitStatus.CHECKED_IN ? VisitStatus.COMPLETED : VisitStatus.NO_SHOW;
  const completed = outcome === VisitStatus.COMPLETED;
  const choices = ENUM_CHOICES.visitStatus.filter(({ id }) => id === outcome);

  const submit = (values: Record<string, unknown>) => {
    const input: RecordVisitOutcomeInput = completed
      ? {
          visitId: visit.id,
          outcome,
          attitude: values.attitude as RecordVisitOutcomeInput['attitude'],
          willingness: values.willingness as RecordVisitOutcomeInput['willingness'],
          overdueReason: values.overdueReason as RecordVisitOutcomeInput['overdueReason'],
          negotiatedResult: text(values.negotiatedResult),
          note: text(values.note),
          followUpDate: text(values.followUpDate),
          checkedOutAt: now.current?.toInstant(values.checkedOutAt) ?? null,
          plan: values.withPlan
            ? toPlanTerms((values.plan ?? {}) as Parameters<typeof toPlanTerms>[0])
            : null,
        }
      : { visitId: visit.id, outcome, note: text(values.note) };
    return dataProvider.recordVisitOutcome(input);
  };

  return (
    <ActionDialog
      open={open}
      onClose={onClose}
      title="resources.cases.actions.recordVisitOutcome"
      success="resources.cases.notifications.outcomeRecorded"
      timeZone={timeZone}
      maxWidth="md"
      defaultValues={() => {
        now.current = nowInput(timeZone);
        return {
          outcome,
          checkedOutAt: now.current.initial,
          withPlan: false,
          plan: defaultPlanValues(timeZone),
        };
      }}
      onSubmit={submit}
    >
      <RadioButtonGroupInput source="outcome" label={label('visitOutcome')} choices={choices} row />
      {completed && (
        <Grid container columnSpacing={2}>
          <Grid size={{ xs: 12, sm: 4 }}>
            <SelectInput
              source="attitude"
              label={label('attitude')}
              choices={ENUM_CHOICES.attitude}
              validate={required()}
            />
          </Grid>
          <Grid size={{ xs: 12, sm: 4 }}>
            <SelectInput
              source="willingness"
              label={label('willingness')}
              choices={ENUM_CHOICES.willingness}
              validate={required()}
            />
          </Grid>
          <Grid size={{ xs: 12, sm: 4 }}>
            <SelectInput
              source="overdueReason"
              label={label('overdueReason')}
              choices={ENUM_CHOICES.overdueReason}
              validate={required()}
            />
          </Grid>
          <Grid size={12}>
            <TextInput
              source="negotiatedResult"
              label={label('negotiatedResult')}
              validate={required()}
            />
          </Grid>
          <Grid size={{ xs: 12, sm: 6 }}>
            <DateInput source="followUpDate" label={label('followUpDate')} validate={required()} />
          </Grid>
          <Grid size={{ xs: 12, sm: 6 }}>
            <ZonedDateTimeInput
              source="checkedOutAt"
              label={label('checkedOutAt')}
              timeZone={timeZone}
              validate={[notInFuture(timeZone), afterCheckIn(visit, timeZone)]}
            />
          </Grid>
        </Grid>
      )}
      <TextInput
        source="note"
        label={label('note')}
        validate={completed ? required() : undefined}
        multiline
        minRows={2}
      />
      {completed && (
        <>
          <BooleanInput source="withPlan" label={label('withPlan')} />
          <FormDataConsumer>
            {({ formData }) =>
              formData.withPlan && (
                <PlanFields
                  prefix="plan."
                  timeZone={timeZone}
                  outstandingAmount={record.outstandingAmount}
                />
              )
            }
          </FormDataConsumer>
        </>
      )}
    </ActionDialog>
  );
};

/** Leaving comes after arriving (a minute's grace: the form keeps whole minutes). */
const afterCheckIn =
  (visit: VisitRecord, timeZone: string): Validator =>
  (value) => {
    const left = fromZonedWall(value, timeZone);
    return left &&
      visit.checkedInAt &&
      new Date(left).getTime() < new Date(visit.checkedInAt).getTime() - 60_000
      ? 'resources.cases.validation.checkOutBeforeCheckIn'
      : undefined;
  };
