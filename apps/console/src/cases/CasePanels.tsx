import { HoldSource, Permission, VisitStatus } from '@arrears/domain';
import InfoIcon from '@mui/icons-material/InfoOutlined';
import {
  Box,
  Button,
  Card,
  CardContent,
  CardHeader,
  Chip,
  LinearProgress,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Tooltip,
  Typography,
} from '@mui/material';
import { lazy, Suspense, useState, type ReactNode } from 'react';
import { useTranslate } from 'react-admin';

import { formatYuan } from '../common/money';
import { useCan } from '../common/useCan';
import type {
  CaseDetail,
  HoldRecord,
  RepaymentPlanRecord,
  VisitRecord,
} from '../dataProvider/types';
import { ContactabilityChips } from './ContactabilityChips';
import { useFormatTime, useListFormat } from './hooks';
import { paidPercent, remaining } from './planMath';
import { PriorityFactors } from './PriorityFactors';
import type { CaseRecords } from './useCaseRecords';

// The dialogs load when first opened.
const ReleaseHoldDialog = lazy(() =>
  import('./HoldDialogs').then((m) => ({ default: m.ReleaseHoldDialog })),
);
const ConfirmVisitDialog = lazy(() =>
  import('./VisitDialogs').then((m) => ({ default: m.ConfirmVisitDialog })),
);
const CheckInVisitDialog = lazy(() =>
  import('./VisitDialogs').then((m) => ({ default: m.CheckInVisitDialog })),
);
const VisitOutcomeDialog = lazy(() =>
  import('./VisitDialogs').then((m) => ({ default: m.VisitOutcomeDialog })),
);

/** A titled card of the case page's side column. */
export const Panel = ({
  title,
  action,
  children,
  testId,
}: {
  title: string;
  action?: ReactNode;
  children: ReactNode;
  testId?: string;
}) => {
  const translate = useTranslate();
  return (
    <Card variant="outlined" sx={{ mb: 2 }} data-testid={testId} component="section">
      <CardHeader
        title={translate(title)}
        action={action}
        slotProps={{ title: { variant: 'subtitle1', component: 'h2', sx: { fontWeight: 600 } } }}
        sx={{ pb: 0 }}
      />
      <CardContent>{children}</CardContent>
    </Card>
  );
};

const Empty = ({ text }: { text: string }) => {
  const translate = useTranslate();
  return (
    <Typography variant="body2" color="text.secondary">
      {translate(text)}
    </Typography>
  );
};

export const PriorityPanel = ({ record }: { record: CaseDetail }) => {
  const translate = useTranslate();
  return (
    <Panel
      title="resources.cases.priority.title"
      testId="priority-panel"
      action={
        <Typography variant="h5" component="span" sx={{ pr: 1, fontWeight: 600 }} color="primary">
          {translate('resources.cases.priority.score', { score: record.priorityScore.score })}
        </Typography>
      }
    >
      <Typography variant="caption" color="text.secondary" component="p" sx={{ mb: 1 }}>
        {translate('resources.cases.priority.why')}
      </Typography>
      <PriorityFactors priority={record.priorityScore} />
    </Panel>
  );
};

export const ContactabilityPanel = ({ record }: { record: CaseDetail }) => (
  <Panel title="resources.cases.contactability.title" testId="contactability-panel">
    <ContactabilityChips
      contactability={record.contactability}
      timeZone={record.institution.timeZone}
    />
  </Panel>
);

/**
 * Whether a hold was placed by hand, so that it can be released by hand: hardship holds come
 * with their plan, and feedback holds are placed by the borrower's submission (no user).
 * The API has the final word (CONFLICT for the others).
 */
export const releasableByHand = (hold: Pick<HoldRecord, 'source' | 'releasedAt'>) =>
  !hold.releasedAt && hold.source === HoldSource.MANUAL;

export const HoldsPanel = ({ record, records }: { record: CaseDetail; records: CaseRecords }) => {
  const translate = useTranslate();
  const can = useCan();
  const formatTime = useFormatTime(record.institution.timeZone);
  const [releasing, setReleasing] = useState<HoldRecord>();
  // The full hold records (who placed them) once loaded; the case's own open holds before.
  const open: (HoldRecord | CaseDetail['holds'][number])[] = records.sources.holds
    ? records.sources.holds.filter((hold) => !hold.releasedAt)
    : record.holds;
  return (
    <Panel title="resources.cases.holds.title" testId="holds-panel">
      {open.length === 0 ? (
        <Empty text="resources.cases.holds.none" />
      ) : (
        <Stack spacing={1.5}>
          {open.map((hold) => {
            const full = 'placedBy' in hold ? hold : undefined;
            const byHand = full ? releasableByHand(full) : false;
            return (
              <Box key={hold.id} data-testid="hold">
                <Stack direction="row" spacing={1} sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
                  <Chip
                    size="small"
                    color="error"
                    label={translate(`enums.holdKind.${hold.kind}`)}
                  />
                  <Typography variant="body2" color="text.secondary">
                    {hold.channel
                      ? translate(`enums.policyChannel.${hold.channel}`)
                      : translate('resources.cases.holds.allChannels')}
                  </Typography>
                  <Box sx={{ flex: 1 }} />
                  {full && can(Permission.HOLDS_RELEASE) && byHand && (
                    <Button size="small" onClick={() => setReleasing(full)}>
                      {translate('resources.cases.actions.releaseHold')}
                    </Button>
                  )}
                  {full && !byHand && (
                    <Tooltip title={translate('resources.cases.holds.bySource')}>
                      <InfoIcon
                        fontSize="small"
                        color="action"
                        aria-label={translate('resources.cases.holds.bySource')}
                      />
                    </Tooltip>
                  )}
                </Stack>
                <Typography variant="body2" sx={{ mt: 0.5 }}>
                  {hold.reason}
                </Typography>
                <Typography variant="caption" color="text.secondary">
                  {full?.placedBy
                    ? translate('resources.cases.holds.placedBy', {
                        time: formatTime(hold.placedAt),
                        name: full.placedBy.displayName,
                      })
                    : translate('resources.cases.holds.placed', {
                        time: formatTime(hold.placedAt),
                      })}
                </Typography>
              </Box>
            );
          })}
        </Stack>
      )}
      <Suspense fallback={null}>
        {releasing && (
          <ReleaseHoldDialog
            record={record}
            hold={releasing}
            open
            onClose={() => setReleasing(undefined)}
          />
        )}
      </Suspense>
    </Panel>
  );
};

export const PlanPanel = ({ record, records }: { record: CaseDetail; records: CaseRecords }) => {
  const translate = useTranslate();
  const plan: RepaymentPlanRecord | undefined = records.sources.plans?.find(
    (candidate) => candidate.status === 'ACTIVE',
  );
  return (
    <Panel title="resources.cases.plan.title" testId="plan-panel">
      {!plan ? (
        <Empty text="resources.cases.plan.none" />
      ) : (
        <Box>
          <Stack direction="row" spacing={1} sx={{ alignItems: 'center', mb: 1 }}>
            <Chip
              size="small"
              color="info"
              label={translate(`enums.repaymentPlanKind.${plan.kind}`)}
            />
            {plan.hardship && (
              <Chip
                size="small"
                variant="outlined"
                label={translate('resources.cases.plan.hardship')}
              />
            )}
          </Stack>
          <Typography variant="body2">
            {translate('resources.cases.plan.paid', {
              paid: formatYuan(plan.paidAmount),
              total: formatYuan(plan.totalAmount),
            })}
          </Typography>
          <LinearProgress
            variant="determinate"
            color="success"
            value={paidPercent(plan.totalAmount, plan.paidAmount)}
            sx={{ my: 1, height: 6, borderRadius: 3 }}
          />
          {plan.note && (
            <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
              {plan.note}
            </Typography>
          )}
          <Table
            size="small"
            aria-label={translate('resources.cases.plan.title')}
            sx={{
              '& th, & td': { px: 0.75, whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' },
            }}
          >
            <TableHead>
              <TableRow>
                <TableCell>{translate('resources.cases.plan.sequence')}</TableCell>
                <TableCell>{translate('resources.cases.plan.dueDate')}</TableCell>
                <TableCell align="right">{translate('resources.cases.plan.amount')}</TableCell>
                <TableCell align="right">{translate('resources.cases.plan.paidAmount')}</TableCell>
                <TableCell align="right">{translate('resources.cases.plan.remaining')}</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {plan.installments.map((installment) => (
                <TableRow key={installment.id}>
                  <TableCell>{installment.sequence}</TableCell>
                  <TableCell sx={{ whiteSpace: 'nowrap' }}>{installment.dueDate}</TableCell>
                  <TableCell align="right">{formatYuan(installment.amount)}</TableCell>
                  <TableCell align="right">{formatYuan(installment.paidAmount)}</TableCell>
                  <TableCell align="right">
                    {formatYuan(remaining(installment.amount, installment.paidAmount))}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </Box>
      )}
      {/* The case's own balance, for reference beside the plan. */}
      <Typography variant="caption" color="text.secondary" component="p" sx={{ mt: 1 }}>
        {translate('resources.cases.form.outstandingHint', {
          amount: formatYuan(record.outstandingAmount),
        })}
      </Typography>
    </Panel>
  );
};

const OPEN_VISIT: readonly string[] = [
  VisitStatus.PLANNED,
  VisitStatus.CONFIRMED,
  VisitStatus.CHECKED_IN,
];

type VisitAction = 'confirm' | 'checkIn' | 'outcome';

/** The visits not yet ended, each with the next step of its workflow. */
export const VisitsPanel = ({ record, records }: { record: CaseDetail; records: CaseRecords }) => {
  const translate = useTranslate();
  const can = useCan();
  const formatTime = useFormatTime(record.institution.timeZone);
  const list = useListFormat();
  const [action, setAction] = useState<{ kind: VisitAction; visit: VisitRecord }>();
  const visits = (records.sources.visits ?? []).filter((visit) =>
    OPEN_VISIT.includes(visit.status),
  );
  const canWrite = can(Permission.VISITS_WRITE) && record.status !== 'CLOSED';
  const close = () => setAction(undefined);
  return (
    <Panel title="resources.cases.visits.title" testId="visits-panel">
      {visits.length === 0 ? (
        <Empty text="resources.cases.visits.none" />
      ) : (
        <Stack spacing={2}>
          {visits.map((visit) => (
            <Box key={visit.id} data-testid="open-visit" data-status={visit.status}>
              <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
                <Chip
                  size="small"
                  color="secondary"
                  label={translate(`enums.visitStatus.${visit.status}`)}
                />
                <Typography variant="body2" sx={{ fontVariantNumeric: 'tabular-nums' }}>
                  {formatTime(visit.windowStart)} – {formatTime(visit.windowEnd)}
                </Typography>
              </Stack>
              <Typography variant="body2" sx={{ mt: 0.5 }}>
                {visit.purpose}
              </Typography>
              <Typography variant="caption" color="text.secondary" component="p">
                {visit.address}
              </Typography>
              <Typography variant="caption" color="text.secondary" component="p">
                {translate('resources.cases.visits.collectors', {
                  names: list(visit.collectors.map((collector) => collector.displayName)),
                })}
              </Typography>
              {canWrite && (
                <Stack direction="row" spacing={1} sx={{ mt: 1 }}>
                  {visit.status === VisitStatus.PLANNED && (
                    <Button
                      size="small"
                      variant="outlined"
                      onClick={() => setAction({ kind: 'confirm', visit })}
                    >
                      {translate('resources.cases.actions.confirmVisit')}
                    </Button>
                  )}
                  {visit.status === VisitStatus.CONFIRMED && (
                    <Button
                      size="small"
                      variant="outlined"
                      onClick={() => setAction({ kind: 'checkIn', visit })}
                    >
                      {translate('resources.cases.actions.checkInVisit')}
                    </Button>
                  )}
                  {(visit.status === VisitStatus.CONFIRMED ||
                    visit.status === VisitStatus.CHECKED_IN) && (
                    <Button
                      size="small"
                      variant="outlined"
                      onClick={() => setAction({ kind: 'outcome', visit })}
                    >
                      {translate('resources.cases.actions.recordVisitOutcome')}
                    </Button>
                  )}
                </Stack>
              )}
            </Box>
          ))}
        </Stack>
      )}
      <Suspense fallback={null}>
        {action?.kind === 'confirm' && (
          <ConfirmVisitDialog record={record} visit={action.visit} open onClose={close} />
        )}
        {action?.kind === 'checkIn' && (
          <CheckInVisitDialog record={record} visit={action.visit} open onClose={close} />
        )}
        {action?.kind === 'outcome' && (
          <VisitOutcomeDialog record={record} visit={action.visit} open onClose={close} />
        )}
      </Suspense>
    </Panel>
  );
};
