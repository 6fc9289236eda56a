import { CaseStatus, Permission } from '@arrears/domain';
import HoldIcon from '@mui/icons-material/PauseCircleOutline';
import PaymentIcon from '@mui/icons-material/Payments';
import PhoneIcon from '@mui/icons-material/PhoneInTalk';
import PlanIcon from '@mui/icons-material/EventNote';
import VisitIcon from '@mui/icons-material/DirectionsWalk';
import { Button, Stack } from '@mui/material';
import { lazy, Suspense, useState, type ReactNode } from 'react';
import { useTranslate } from 'react-admin';

import { useCan } from '../common/useCan';
import type { CaseDetail } from '../dataProvider/types';

// The dialogs load when first opened, so the case page itself stays small.
const LogContactDialog = lazy(() =>
  import('./LogContactDialog').then((m) => ({ default: m.LogContactDialog })),
);
const ScheduleVisitDialog = lazy(() =>
  import('./ScheduleVisitDialog').then((m) => ({ default: m.ScheduleVisitDialog })),
);
const CreatePlanDialog = lazy(() =>
  import('./PlanPaymentDialogs').then((m) => ({ default: m.CreatePlanDialog })),
);
const RecordPaymentDialog = lazy(() =>
  import('./PlanPaymentDialogs').then((m) => ({ default: m.RecordPaymentDialog })),
);
const PlaceHoldDialog = lazy(() =>
  import('./HoldDialogs').then((m) => ({ default: m.PlaceHoldDialog })),
);

type Action = 'logContact' | 'scheduleVisit' | 'createPlan' | 'recordPayment' | 'placeHold';

const ACTIONS: readonly { action: Action; permission: Permission; icon: ReactNode }[] = [
  { action: 'logContact', permission: Permission.CONTACTS_WRITE, icon: <PhoneIcon /> },
  { action: 'scheduleVisit', permission: Permission.VISITS_WRITE, icon: <VisitIcon /> },
  { action: 'createPlan', permission: Permission.CASES_WRITE, icon: <PlanIcon /> },
  { action: 'recordPayment', permission: Permission.PAYMENTS_WRITE, icon: <PaymentIcon /> },
  { action: 'placeHold', permission: Permission.CASES_WRITE, icon: <HoldIcon /> },
];

/**
 * The workflow actions of a case, each opening its dialog. Only the ones the user's role may
 * take are shown, and none on a closed case.
 */
export const CaseActions = ({ record }: { record: CaseDetail }) => {
  const translate = useTranslate();
  const can = useCan();
  const [open, setOpen] = useState<Action>();
  if (record.status === CaseStatus.CLOSED) return null;
  const allowed = ACTIONS.filter(({ permission }) => can(permission));
  if (allowed.length === 0) return null;
  const close = () => setOpen(undefined);
  const props = { record, open: true, onClose: close };
  return (
    <>
      <Stack
        direction="row"
        useFlexGap
        sx={{ flexWrap: 'wrap', gap: 1 }}
        data-testid="case-actions"
      >
        {allowed.map(({ action, icon }, index) => (
          <Button
            key={action}
            variant={index === 0 ? 'contained' : 'outlined'}
            size="small"
            startIcon={icon}
            onClick={() => setOpen(action)}
          >
            {translate(`resources.cases.actions.${action}`)}
          </Button>
        ))}
      </Stack>
      <Suspense fallback={null}>
        {open === 'logContact' && <LogContactDialog {...props} />}
        {open === 'scheduleVisit' && <ScheduleVisitDialog {...props} />}
        {open === 'createPlan' && <CreatePlanDialog {...props} />}
        {open === 'recordPayment' && <RecordPaymentDialog {...props} />}
        {open === 'placeHold' && <PlaceHoldDialog {...props} />}
      </Suspense>
    </>
  );
};
