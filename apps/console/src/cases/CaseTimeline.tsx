import { Money, type ContactChannel } from '@arrears/domain';
import AppIcon from '@mui/icons-material/AppShortcut';
import AuditIcon from '@mui/icons-material/VerifiedUser';
import EmailIcon from '@mui/icons-material/Email';
import FeedbackIcon from '@mui/icons-material/Feedback';
import HoldIcon from '@mui/icons-material/PauseCircle';
import LetterIcon from '@mui/icons-material/MarkunreadMailbox';
import PaymentIcon from '@mui/icons-material/Payments';
import PhoneIcon from '@mui/icons-material/Phone';
import PlanIcon from '@mui/icons-material/EventNote';
import ReleaseIcon from '@mui/icons-material/PlayCircle';
import SmsIcon from '@mui/icons-material/Sms';
import VisitIcon from '@mui/icons-material/DirectionsWalk';
import {
  Alert,
  Avatar,
  Box,
  Chip,
  LinearProgress,
  List,
  ListItem,
  ListItemAvatar,
  ListItemText,
  Stack,
  Typography,
} from '@mui/material';
import { useMemo, useState, type ReactNode } from 'react';
import { useTranslate } from 'react-admin';

import { formatYuan } from '../common/money';
import { useFormatTime, useListFormat } from './hooks';
import {
  auditChanges,
  buildTimeline,
  filterTimeline,
  TIMELINE_KINDS,
  type TimelineEntry,
  type TimelineKind,
} from './timeline';
import type { CaseRecords } from './useCaseRecords';

const KIND_COLOR: Record<TimelineKind, string> = {
  contact: 'primary.main',
  visit: 'secondary.main',
  plan: 'info.main',
  payment: 'success.main',
  feedback: 'warning.main',
  hold: 'error.main',
  audit: 'grey.600',
};

const CHANNEL_ICON: Record<ContactChannel, ReactNode> = {
  PHONE: <PhoneIcon fontSize="small" />,
  SMS: <SmsIcon fontSize="small" />,
  EMAIL: <EmailIcon fontSize="small" />,
  LETTER: <LetterIcon fontSize="small" />,
  APP: <AppIcon fontSize="small" />,
};

const iconOf = (entry: TimelineEntry): ReactNode => {
  switch (entry.kind) {
    case 'contact':
      return CHANNEL_ICON[entry.record.channel] ?? <PhoneIcon fontSize="small" />;
    case 'visit':
      return <VisitIcon fontSize="small" />;
    case 'plan':
      return <PlanIcon fontSize="small" />;
    case 'payment':
      return <PaymentIcon fontSize="small" />;
    case 'feedback':
      return <FeedbackIcon fontSize="small" />;
    case 'hold':
      return entry.event === 'released' ? (
        <ReleaseIcon fontSize="small" />
      ) : (
        <HoldIcon fontSize="small" />
      );
    case 'audit':
      return <AuditIcon fontSize="small" />;
  }
};

/**
 * How a case's audit event shows a changed field: its label (under `resources.cases.fields`)
 * and its values, as enum labels, amounts (the audit trail stores fen) or text. A field not
 * listed shows by its name alone.
 */
const AUDIT_FIELDS: Record<string, { label: string; value?: 'fen' | 'text' | `enum:${string}` }> = {
  status: { label: 'status', value: 'enum:caseStatus' },
  stage: { label: 'stage', value: 'enum:caseStage' },
  bucket: { label: 'bucket', value: 'enum:bucket' },
  product: { label: 'product', value: 'enum:product' },
  principalFen: { label: 'principalAmount', value: 'fen' },
  outstandingFen: { label: 'outstandingAmount', value: 'fen' },
  overdueFen: { label: 'overdueAmount', value: 'fen' },
  priority: { label: 'priority', value: 'text' },
  nextAction: { label: 'nextAction', value: 'text' },
  nextActionAt: { label: 'nextActionAt' },
  closeReason: { label: 'closeReason', value: 'text' },
  hardshipRequestedAt: { label: 'hardshipRequestedAt' },
  assignee: { label: 'assignee.displayName' },
};

/**
 * The case's single timeline: contacts, visits, plans, payments, feedback, holds and (for the
 * roles that may read it) the audit trail of the case, newest first, each with its icon, a
 * label in the user's language and its time in the institution's zone. Chips above it switch
 * kinds on and off.
 */
export const CaseTimeline = ({ records, timeZone }: { records: CaseRecords; timeZone: string }) => {
  const translate = useTranslate();
  const formatTime = useFormatTime(timeZone);
  const list = useListFormat();
  const [kinds, setKinds] = useState<ReadonlySet<TimelineKind>>(() => new Set(TIMELINE_KINDS));
  const timeline = useMemo(() => buildTimeline(records.sources), [records.sources]);
  const shown = useMemo(() => filterTimeline(timeline, kinds), [timeline, kinds]);
  const present = useMemo(() => new Set(timeline.map((entry) => entry.kind)), [timeline]);

  const toggle = (kind: TimelineKind) =>
    setKinds((current) => {
      const next = new Set(current);
      if (next.has(kind)) next.delete(kind);
      else next.add(kind);
      return next;
    });

  const enumLabel = (name: string, value: string | null | undefined) =>
    value ? translate(`enums.${name}.${value}`, { _: value }) : '';

  const title = (entry: TimelineEntry): string => {
    const base = 'resources.cases.timeline.events';
    switch (entry.kind) {
      case 'contact':
        return translate(`${base}.contact`, {
          channel: enumLabel('contactChannel', entry.record.channel),
          result: enumLabel('contactResult', entry.record.result),
        });
      case 'visit':
        return translate(`${base}.visit.${entry.event}`);
      case 'plan':
        return translate(`${base}.plan.${entry.event}`, {
          kind: enumLabel('repaymentPlanKind', entry.record.kind),
        });
      case 'payment':
        return translate(`${base}.payment`, { amount: formatYuan(entry.record.amount) });
      case 'feedback':
        return translate(`${base}.feedback.${entry.event}`, {
          kind: enumLabel('feedbackKind', entry.record.kind),
          category: enumLabel('feedbackCategory', entry.record.category),
        });
      case 'hold':
        return translate(`${base}.hold.${entry.event}`, {
          kind: enumLabel('holdKind', entry.record.kind),
        });
      case 'audit': {
        const { action } = entry.record;
        const dot = action.lastIndexOf('.');
        const type = action.slice(0, dot);
        const verb = action.slice(dot + 1);
        const typeLabel = translate(
          `audit.entityTypes.${type.charAt(0).toUpperCase()}${type.slice(1)}`,
          { _: type },
        );
        const verbLabel = translate(`audit.verbs.${verb}`, { _: verb });
        return translate(`${base}.audit`, { action: `${typeLabel} · ${verbLabel}` });
      }
    }
  };

  const details = (entry: TimelineEntry): string[] => {
    const t = 'resources.cases.timeline';
    const lines: string[] = [];
    const by = (name: string | undefined | null) => {
      if (name) lines.push(translate(`${t}.by`, { name }));
    };
    switch (entry.kind) {
      case 'contact': {
        const { record } = entry;
        const parts = [
          enumLabel('contactDirection', record.direction),
          enumLabel('contactOutcome', record.outcome),
          enumLabel('attitude', record.attitude),
        ].filter(Boolean);
        if (parts.length) lines.push(parts.join(' · '));
        if (record.thirdParty) {
          lines.push(translate(`${t}.thirdParty`, { name: record.thirdParty.fullName }));
        }
        if (record.note) lines.push(record.note);
        by(record.madeBy?.displayName);
        break;
      }
      case 'visit': {
        const { record, event } = entry;
        if (event === 'planned') {
          lines.push(
            translate(`${t}.window`, {
              start: formatTime(record.windowStart),
              end: formatTime(record.windowEnd),
            }),
          );
          lines.push(record.purpose);
          lines.push(list(record.collectors.map((collector) => collector.displayName)));
          by(record.plannedBy?.displayName);
        } else if (event === 'confirmed') {
          if (record.confirmedVia)
            lines.push(translate(`${t}.confirmedVia`, { via: record.confirmedVia }));
          by(record.confirmedBy?.displayName);
        } else if (event === 'checkedIn') {
          const yesNo = (value: boolean | null) => translate(value ? `${t}.yes` : `${t}.no`);
          lines.push(
            translate(`${t}.checkIn`, {
              latitude: record.checkInLatitude ?? '',
              longitude: record.checkInLongitude ?? '',
              idShown: yesNo(record.idShown),
              consent: yesNo(record.consentToEnter),
            }),
          );
        } else if (event === 'completed') {
          const parts = [
            enumLabel('attitude', record.attitude),
            enumLabel('willingness', record.willingness),
            enumLabel('overdueReason', record.overdueReason),
          ].filter(Boolean);
          if (parts.length) lines.push(parts.join(' · '));
          if (record.negotiatedResult) lines.push(record.negotiatedResult);
          if (record.note) lines.push(record.note);
          if (record.followUpDate)
            lines.push(translate(`${t}.followUp`, { date: record.followUpDate }));
        } else if (record.note) {
          lines.push(record.note);
        }
        break;
      }
      case 'plan': {
        const { record, event } = entry;
        if (event === 'created') {
          lines.push(
            translate(`${t}.installments`, {
              smart_count: record.installments.length,
              total: formatYuan(record.totalAmount),
            }),
          );
          if (record.note) lines.push(record.note);
          by(record.createdBy?.displayName);
        }
        break;
      }
      case 'payment':
        lines.push(
          translate(`${t}.paymentRef`, {
            channel: enumLabel('paymentChannel', entry.record.channel),
            ref: entry.record.externalRef,
          }),
        );
        break;
      case 'feedback': {
        const { record, event } = entry;
        if (event === 'received') {
          lines.push(translate(`${t}.receipt`, { code: record.receiptCode }));
          lines.push(record.message);
        } else if (event !== 'acknowledged' && record.resolution) {
          lines.push(record.resolution);
        }
        break;
      }
      case 'hold': {
        const { record, event } = entry;
        if (record.channel) lines.push(enumLabel('policyChannel', record.channel));
        if (event === 'placed') {
          lines.push(record.reason);
          by(record.placedBy?.displayName);
        } else {
          if (record.releaseNote) lines.push(record.releaseNote);
          by(record.releasedBy?.displayName);
        }
        break;
      }
      case 'audit': {
        const { record } = entry;
        if (!record.action.endsWith('.update')) break;
        const changes = auditChanges(record.before, record.after).filter(
          ({ field }) => field !== 'updatedAt' && field !== 'version',
        );
        for (const change of changes.slice(0, 5)) {
          const known = AUDIT_FIELDS[change.field];
          const field = translate(`resources.cases.fields.${known?.label ?? change.field}`, {
            _: change.field,
          });
          const show = (value: unknown): string => {
            if (value === null || value === undefined || value === '') return '—';
            if (known?.value === 'fen' && typeof value === 'number') {
              return Number.isSafeInteger(value) ? Money.ofFen(value).format() : String(value);
            }
            if (known?.value?.startsWith('enum:'))
              return enumLabel(known.value.slice(5), String(value));
            return String(value);
          };
          lines.push(
            known?.value ? `${field}: ${show(change.before)} → ${show(change.after)}` : field,
          );
        }
        break;
      }
    }
    return lines.filter(Boolean);
  };

  return (
    <Box data-testid="case-timeline">
      <Stack direction="row" useFlexGap sx={{ flexWrap: 'wrap', gap: 1, mb: 1 }}>
        {TIMELINE_KINDS.filter((kind) => present.has(kind)).map((kind) => (
          <Chip
            key={kind}
            size="small"
            label={translate(`resources.cases.timeline.kinds.${kind}`)}
            color={kinds.has(kind) ? 'primary' : 'default'}
            variant={kinds.has(kind) ? 'filled' : 'outlined'}
            onClick={() => toggle(kind)}
            aria-pressed={kinds.has(kind)}
          />
        ))}
      </Stack>
      {records.failed.length > 0 && (
        <Alert severity="warning" sx={{ mb: 1 }}>
          {translate('resources.cases.timeline.loadFailed', {
            kinds: list(
              records.failed.map((kind) => translate(`resources.cases.timeline.kinds.${kind}`)),
            ),
          })}
        </Alert>
      )}
      {records.isPending && <LinearProgress sx={{ my: 1 }} />}
      {!records.isPending && shown.length === 0 && (
        <Typography variant="body2" color="text.secondary" sx={{ py: 2 }}>
          {translate('resources.cases.timeline.empty')}
        </Typography>
      )}
      <List dense disablePadding>
        {shown.map((entry) => (
          <ListItem
            key={entry.key}
            alignItems="flex-start"
            disableGutters
            data-kind={entry.kind}
            data-event={entry.event}
          >
            <ListItemAvatar sx={{ minWidth: 48 }}>
              <Avatar sx={{ width: 32, height: 32, bgcolor: KIND_COLOR[entry.kind] }}>
                {iconOf(entry)}
              </Avatar>
            </ListItemAvatar>
            <ListItemText
              primary={
                <Stack
                  direction="row"
                  spacing={1}
                  sx={{ justifyContent: 'space-between', alignItems: 'baseline' }}
                >
                  <Typography variant="body2" sx={{ fontWeight: 500 }}>
                    {title(entry)}
                  </Typography>
                  <Typography
                    variant="caption"
                    color="text.secondary"
                    sx={{ whiteSpace: 'nowrap' }}
                    title={timeZone}
                  >
                    {formatTime(entry.at)}
                  </Typography>
                </Stack>
              }
              secondary={details(entry).map((line, index) => (
                <Typography
                  key={index}
                  component="span"
                  variant="body2"
                  color="text.secondary"
                  sx={{ display: 'block', whiteSpace: 'pre-line' }}
                >
                  {line}
                </Typography>
              ))}
              slotProps={{ secondary: { component: 'div' } }}
            />
          </ListItem>
        ))}
      </List>
    </Box>
  );
};
