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
import { useInstitutionTimeZone } from '../common/institution';
import { MAX_PAGE_SIZE } from '../dataProvider';
import type { ArrearsDataProvider, VisitRecord } from '../dataProvider/types';
import { ActionDialog, type ActionDialogProps } from './ActionDialog';
import type { VisitAction } from './agenda';
import { CoordinatesInput, coordinateOf } from './CoordinatesInput';
import { clockMinutes, clockOf, isClockTime, localDateOf, todayIn, zonedIso } from './time';

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

/** Each action's dialog, as the browser tests find it. */
const DIALOG_TEST_IDS: Record<VisitAction, string> = {
  confirm: 'visit-confirm-dialog',
  checkIn: 'visit-check-in-dialog',
  complete: 'visit-complete-dialog',
  noShow: 'visit-no-show-dialog',
  cancel: 'visit-cancel-dialog',
  reschedule: 'visit-reschedule-dialog',
};

/**
 * The dialog of one action, named by it: its title and description (`visits.dialogs.<action>.*`),
 * its submit button and icon (`visits.actions.<action>`, `ACTION_ICONS`).
 */
const VisitActionDialog = <Values extends Record<string, unknown>>({
  action,
  ...props
}: { action: VisitAction } & Omit<
  ActionDialogProps<Values>,
  'title' | 'description' | 'submitLabel' | 'submitIcon' | 'data-testid'
>) => (
  <ActionDialog<Values>
    title={`visits.dialogs.${action}.title`}
    description={`visits.dialogs.${action}.description`}
    submitLabel={`visits.actions.${action}`}
    submitIcon={ACTION_ICONS[action]}
    data-testid={DIALOG_TEST_IDS[action]}
    {...props}
  />
);

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
    <VisitActionDialog<ConfirmValues>
      action="confirm"
      open={open}
      onClose={onClose}
      defaultValues={{ confirmedById: identity ? String(identity.id) : null }}
      inputs={['confirmedVia', 'confirmedById']}
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
    </VisitActionDialog>
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
    <VisitActionDialog<CheckInValues>
      action="checkIn"
      open={open}
      onClose={onClose}
      defaultValues={{ latitude: '', longitude: '', idShown: false, consentToEnter: false }}
      inputs={['latitude', 'longitude', 'idShown', 'consentToEnter']}
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
    </VisitActionDialog>
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
    <VisitActionDialog<CompleteValues>
      action="complete"
      open={open}
      onClose={onClose}
      inputs={[
        'attitude',
        'willingness',
        'overdueReason',
        'negotiatedResult',
        'note',
        'followUpDate',
      ]}
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
    </VisitActionDialog>
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
    <VisitActionDialog<NoShowValues>
      action="noShow"
      open={open}
      onClose={onClose}
      inputs={['note']}
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
    </VisitActionDialog>
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
    <VisitActionDialog<CancelValues>
      action="cancel"
      open={open}
      onClose={onClose}
      inputs={['reason']}
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
    </VisitActionDialog>
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
    <VisitActionDialog<RescheduleValues>
      action="reschedule"
      open={open}
      onClose={onClose}
      defaultValues={{
        date: localDateOf(visit.windowStart, timeZone),
        startTime: clockOf(visit.windowStart, timeZone),
        endTime: clockOf(visit.windowEnd, timeZone),
      }}
      rename={{ windowStart: 'startTime', windowEnd: 'endTime' }}
      inputs={['date', 'startTime', 'endTime']}
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
    </VisitActionDialog>
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
