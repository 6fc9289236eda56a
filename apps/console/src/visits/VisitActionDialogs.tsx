import CancelIcon from '@mui/icons-material/EventBusy';
import CheckInIcon from '@mui/icons-material/HowToReg';
import CompleteIcon from '@mui/icons-material/TaskAlt';
import ConfirmIcon from '@mui/icons-material/EventAvailable';
import NoShowIcon from '@mui/icons-material/PersonOff';
import RescheduleIcon from '@mui/icons-material/EditCalendar';
import type { Attitude, OverdueReason, Willingness } from '@arrears/domain';
import { Alert, Stack } from '@mui/material';
import type { ReactNode } from 'react';
import {
  BooleanInput,
  DateInput,
  ReferenceInput,
  SelectInput,
  TextInput,
  maxLength,
  minValue,
  required,
  useDataProvider,
  useGetIdentity,
  useNotify,
  useTranslate,
  type Validator,
} from 'react-admin';

import { ENUM_CHOICES } from '../common/enums';
import { MAX_PAGE_SIZE } from '../dataProvider';
import type { ArrearsDataProvider, VisitRecord } from '../dataProvider/types';
import { ActionDialog } from './ActionDialog';
import type { VisitAction } from './agenda';
import { CoordinatesInput, coordinateOf } from './CoordinatesInput';
import { clockMinutes, clockOf, isClockTime, localDateOf, todayIn, zonedIso } from './time';
import { useInstitutionTimeZone } from './useInstitutionTimeZone';

/** Each action's icon and labels (`visits.actions.<action>`, `visits.dialogs.<action>.*`). */
export const ACTION_ICONS: Record<VisitAction, ReactNode> = {
  confirm: <ConfirmIcon />,
  checkIn: <CheckInIcon />,
  complete: <CompleteIcon />,
  noShow: <NoShowIcon />,
  reschedule: <RescheduleIcon />,
  cancel: <CancelIcon />,
};

export interface VisitDialogProps {
  visit: VisitRecord;
  open: boolean;
  onClose: () => void;
  /** Called with the visit the API returned (for a reschedule, the new one). */
  onDone: (visit: VisitRecord) => void;
}

const useActions = () => useDataProvider<ArrearsDataProvider>();

/** Notifies the success and hands the API's visit on. */
const useDone = (onDone: VisitDialogProps['onDone']) => {
  const notify = useNotify();
  return (message: string, visit: VisitRecord) => {
    notify(message, { type: 'success' });
    onDone(visit);
  };
};

const TEXT = [required(), maxLength(1000)];

// ---- confirm the appointment ----------------------------------------------------------------

interface ConfirmValues extends Record<string, unknown> {
  confirmedVia: string;
  confirmedById: string | null;
}

/** 预约上门: how the appointment was agreed with the borrower, and by whom. */
export const ConfirmVisitDialog = ({ visit, open, onClose, onDone }: VisitDialogProps) => {
  const actions = useActions();
  const done = useDone(onDone);
  const { identity } = useGetIdentity();
  return (
    <ActionDialog<ConfirmValues>
      open={open}
      onClose={onClose}
      title="visits.dialogs.confirm.title"
      description="visits.dialogs.confirm.description"
      submitLabel="visits.actions.confirm"
      submitIcon={ACTION_ICONS.confirm}
      defaultValues={{ confirmedById: identity ? String(identity.id) : null }}
      inputs={['confirmedVia', 'confirmedById']}
      data-testid="visit-confirm-dialog"
      onSubmit={async ({ confirmedVia, confirmedById }) => {
        const updated = await actions.confirmVisit({
          visitId: visit.id,
          confirmedVia: confirmedVia.trim(),
          confirmedById: confirmedById || null,
        });
        done('visits.notifications.confirmed', updated);
      }}
    >
      <TextInput
        source="confirmedVia"
        label="visits.dialogs.confirm.confirmedVia"
        helperText="visits.dialogs.confirm.confirmedViaHelp"
        validate={[required(), maxLength(100)]}
        fullWidth
        autoFocus
      />
      <ReferenceInput
        source="confirmedById"
        reference="users"
        filter={{ active: true }}
        perPage={MAX_PAGE_SIZE}
      >
        <SelectInput
          label="visits.dialogs.confirm.confirmedBy"
          optionText="displayName"
          fullWidth
        />
      </ReferenceInput>
    </ActionDialog>
  );
};

// ---- check in at the door ---------------------------------------------------------------------

interface CheckInValues extends Record<string, unknown> {
  latitude: string;
  longitude: string;
  idShown: boolean;
  consentToEnter: boolean;
}

/** The collectors must show their identification: the check-in is refused otherwise. */
const mustShowId: Validator = (value: unknown) =>
  value === true ? undefined : 'visits.dialogs.checkIn.idRequired';

/** At the door: where, ID shown, whether the borrower let them in. */
export const CheckInVisitDialog = ({ visit, open, onClose, onDone }: VisitDialogProps) => {
  const actions = useActions();
  const done = useDone(onDone);
  return (
    <ActionDialog<CheckInValues>
      open={open}
      onClose={onClose}
      title="visits.dialogs.checkIn.title"
      description="visits.dialogs.checkIn.description"
      submitLabel="visits.actions.checkIn"
      submitIcon={ACTION_ICONS.checkIn}
      defaultValues={{ latitude: '', longitude: '', idShown: false, consentToEnter: false }}
      inputs={['latitude', 'longitude', 'idShown', 'consentToEnter']}
      data-testid="visit-check-in-dialog"
      onSubmit={async ({ latitude, longitude, idShown, consentToEnter }) => {
        const updated = await actions.checkInVisit({
          visitId: visit.id,
          latitude: coordinateOf(latitude) ?? Number.NaN,
          longitude: coordinateOf(longitude) ?? Number.NaN,
          idShown,
          consentToEnter,
        });
        done('visits.notifications.checkedIn', updated);
      }}
    >
      <CoordinatesInput />
      <BooleanInput source="idShown" label="visits.dialogs.checkIn.idShown" validate={mustShowId} />
      <BooleanInput
        source="consentToEnter"
        label="visits.dialogs.checkIn.consentToEnter"
        helperText="visits.dialogs.checkIn.consentHelp"
      />
    </ActionDialog>
  );
};

// ---- record the outcome ------------------------------------------------------------------------

interface CompleteValues extends Record<string, unknown> {
  attitude: Attitude;
  willingness: Willingness;
  overdueReason: OverdueReason;
  negotiatedResult: string;
  note: string;
  followUpDate: string;
}

/** 记录与反馈: the full record a visit needs before it is COMPLETED. */
export const CompleteVisitDialog = ({ visit, open, onClose, onDone }: VisitDialogProps) => {
  const actions = useActions();
  const done = useDone(onDone);
  const timeZone = useInstitutionTimeZone();
  const today = todayIn(timeZone);
  return (
    <ActionDialog<CompleteValues>
      open={open}
      onClose={onClose}
      title="visits.dialogs.complete.title"
      description="visits.dialogs.complete.description"
      submitLabel="visits.actions.complete"
      submitIcon={ACTION_ICONS.complete}
      inputs={[
        'attitude',
        'willingness',
        'overdueReason',
        'negotiatedResult',
        'note',
        'followUpDate',
      ]}
      data-testid="visit-complete-dialog"
      onSubmit={async (values) => {
        const updated = await actions.recordVisitOutcome({
          visitId: visit.id,
          outcome: 'COMPLETED',
          attitude: values.attitude,
          willingness: values.willingness,
          overdueReason: values.overdueReason,
          negotiatedResult: values.negotiatedResult.trim(),
          note: values.note.trim(),
          followUpDate: values.followUpDate,
        });
        done('visits.notifications.completed', updated);
      }}
    >
      <Stack direction={{ xs: 'column', sm: 'row' }} spacing={{ xs: 0, sm: 2 }}>
        <SelectInput
          source="attitude"
          label="resources.visits.fields.attitude"
          choices={ENUM_CHOICES.attitude}
          validate={required()}
          fullWidth
        />
        <SelectInput
          source="willingness"
          label="resources.visits.fields.willingness"
          choices={ENUM_CHOICES.willingness}
          validate={required()}
          fullWidth
        />
      </Stack>
      <SelectInput
        source="overdueReason"
        label="resources.visits.fields.overdueReason"
        choices={ENUM_CHOICES.overdueReason}
        validate={required()}
        fullWidth
      />
      <TextInput
        source="negotiatedResult"
        label="resources.visits.fields.negotiatedResult"
        helperText="visits.dialogs.complete.negotiatedResultHelp"
        validate={[required(), maxLength(500)]}
        fullWidth
      />
      <TextInput
        source="note"
        label="resources.visits.fields.note"
        validate={[required(), maxLength(4000)]}
        multiline
        minRows={3}
        fullWidth
      />
      <DateInput
        source="followUpDate"
        label="resources.visits.fields.followUpDate"
        validate={[required(), minValue(today, 'visits.dialogs.complete.followUpInPast')]}
        fullWidth
      />
    </ActionDialog>
  );
};

interface NoShowValues extends Record<string, unknown> {
  note: string;
}

/** The borrower was not there at the agreed time (a confirmed visit only). */
export const NoShowVisitDialog = ({ visit, open, onClose, onDone }: VisitDialogProps) => {
  const actions = useActions();
  const done = useDone(onDone);
  return (
    <ActionDialog<NoShowValues>
      open={open}
      onClose={onClose}
      title="visits.dialogs.noShow.title"
      description="visits.dialogs.noShow.description"
      submitLabel="visits.actions.noShow"
      submitIcon={ACTION_ICONS.noShow}
      inputs={['note']}
      data-testid="visit-no-show-dialog"
      onSubmit={async ({ note }) => {
        const updated = await actions.recordVisitOutcome({
          visitId: visit.id,
          outcome: 'NO_SHOW',
          note: note?.trim() || null,
        });
        done('visits.notifications.noShow', updated);
      }}
    >
      <TextInput
        source="note"
        label="resources.visits.fields.note"
        validate={maxLength(4000)}
        multiline
        minRows={2}
        fullWidth
        autoFocus
      />
    </ActionDialog>
  );
};

// ---- cancel, reschedule ------------------------------------------------------------------------

interface CancelValues extends Record<string, unknown> {
  reason: string;
}

export const CancelVisitDialog = ({ visit, open, onClose, onDone }: VisitDialogProps) => {
  const actions = useActions();
  const done = useDone(onDone);
  return (
    <ActionDialog<CancelValues>
      open={open}
      onClose={onClose}
      title="visits.dialogs.cancel.title"
      description="visits.dialogs.cancel.description"
      submitLabel="visits.actions.cancel"
      submitIcon={ACTION_ICONS.cancel}
      inputs={['reason']}
      data-testid="visit-cancel-dialog"
      onSubmit={async ({ reason }) => {
        const updated = await actions.cancelVisit({ visitId: visit.id, reason: reason.trim() });
        done('visits.notifications.cancelled', updated);
      }}
    >
      <TextInput
        source="reason"
        label="visits.dialogs.cancel.reason"
        validate={TEXT}
        multiline
        minRows={2}
        fullWidth
        autoFocus
      />
    </ActionDialog>
  );
};

interface RescheduleValues extends Record<string, unknown> {
  date: string;
  startTime: string;
  endTime: string;
}

const clockTime: Validator = (value: unknown) =>
  isClockTime(value) ? undefined : 'visits.dialogs.reschedule.invalidTime';

/** The end of the new window comes after its start, on the same day. */
const endsAfterStart: Validator = (value: unknown, values: Record<string, unknown>) =>
  isClockTime(value) &&
  isClockTime(values.startTime) &&
  clockMinutes(value) <= clockMinutes(values.startTime)
    ? 'visits.dialogs.reschedule.endBeforeStart'
    : undefined;

/**
 * A new window for the appointment, in the institution's time zone. The API keeps this visit as
 * RESCHEDULED and plans a new one with the same collectors, judged anew by the policy.
 */
export const RescheduleVisitDialog = ({ visit, open, onClose, onDone }: VisitDialogProps) => {
  const actions = useActions();
  const done = useDone(onDone);
  const translate = useTranslate();
  const timeZone = useInstitutionTimeZone();
  const today = todayIn(timeZone);
  return (
    <ActionDialog<RescheduleValues>
      open={open}
      onClose={onClose}
      title="visits.dialogs.reschedule.title"
      description="visits.dialogs.reschedule.description"
      submitLabel="visits.actions.reschedule"
      submitIcon={ACTION_ICONS.reschedule}
      defaultValues={{
        date: localDateOf(visit.windowStart, timeZone),
        startTime: clockOf(visit.windowStart, timeZone),
        endTime: clockOf(visit.windowEnd, timeZone),
      }}
      rename={{ windowStart: 'startTime', windowEnd: 'endTime' }}
      inputs={['date', 'startTime', 'endTime']}
      data-testid="visit-reschedule-dialog"
      onSubmit={async ({ date, startTime, endTime }) => {
        const created = await actions.rescheduleVisit({
          visitId: visit.id,
          windowStart: zonedIso(date, startTime, timeZone),
          windowEnd: zonedIso(date, endTime, timeZone),
        });
        done('visits.notifications.rescheduled', created);
      }}
    >
      <Alert severity="info" sx={{ mb: 2 }}>
        {translate('visits.dialogs.reschedule.timeZone', { timeZone })}
      </Alert>
      <DateInput
        source="date"
        label="visits.dialogs.reschedule.date"
        validate={[required(), minValue(today, 'visits.dialogs.reschedule.dateInPast')]}
        fullWidth
      />
      <Stack direction={{ xs: 'column', sm: 'row' }} spacing={{ xs: 0, sm: 2 }}>
        <TextInput
          source="startTime"
          type="time"
          label="visits.dialogs.reschedule.startTime"
          validate={[required(), clockTime]}
          fullWidth
          slotProps={{ inputLabel: { shrink: true } }}
        />
        <TextInput
          source="endTime"
          type="time"
          label="visits.dialogs.reschedule.endTime"
          validate={[required(), clockTime, endsAfterStart]}
          fullWidth
          slotProps={{ inputLabel: { shrink: true } }}
        />
      </Stack>
    </ActionDialog>
  );
};

/** The dialog of each action. */
export const ACTION_DIALOGS: Record<VisitAction, (props: VisitDialogProps) => ReactNode> = {
  confirm: ConfirmVisitDialog,
  checkIn: CheckInVisitDialog,
  complete: CompleteVisitDialog,
  noShow: NoShowVisitDialog,
  cancel: CancelVisitDialog,
  reschedule: RescheduleVisitDialog,
};
