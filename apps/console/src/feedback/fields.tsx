import { FeedbackStatus } from '@arrears/domain';
import CheckCircleOutlineIcon from '@mui/icons-material/CheckCircleOutline';
import { Chip, Stack, Typography, type ChipProps } from '@mui/material';
import { useLocaleState, useRecordContext, useTranslate } from 'react-admin';

import { CodeText } from '../common/CodeText';
import { formatDateTime } from '../common/dateTime';
import { institutionTimeZone } from '../common/institution';
import type { FeedbackRecord } from '../dataProvider/types';
import { acknowledgeState, resolveState, roughDuration, type DeadlineState } from './sla';

const STATUS_COLOR: Record<FeedbackStatus, ChipProps['color']> = {
  RECEIVED: 'warning',
  ACKNOWLEDGED: 'info',
  INVESTIGATING: 'primary',
  RESOLVED: 'success',
  REJECTED: 'default',
};

/** The feedback's status as a coloured chip: open ones stand out, closed ones recede. */
export const FeedbackStatusField = () => {
  const record = useRecordContext<FeedbackRecord>();
  const translate = useTranslate();
  if (!record) return null;
  return (
    <Chip
      size="small"
      color={STATUS_COLOR[record.status] ?? 'default'}
      variant={
        record.status === FeedbackStatus.RESOLVED || record.status === FeedbackStatus.REJECTED
          ? 'outlined'
          : 'filled'
      }
      label={translate(`enums.feedbackStatus.${record.status}`)}
    />
  );
};

/** "3 天" / "5 hours": a span in its largest whole unit. */
export const useDurationText = () => {
  const translate = useTranslate();
  return (ms: number) => {
    const { unit, count } = roughDuration(ms);
    return translate(`feedback.sla.units.${unit}`, { smart_count: count });
  };
};

/**
 * A service-level deadline (acknowledge by / resolve by) in the institution's time zone,
 * marked when it is missed (red, with how late), close (amber, with how long is left), met
 * late, or met. `data-sla` carries the state for tests and styling.
 */
export const DeadlineField = ({
  deadline,
  compact = false,
}: {
  deadline: 'acknowledge' | 'resolve';
  /** In a list: a met deadline is only greyed, without its check mark. */
  compact?: boolean;
}) => {
  const record = useRecordContext<FeedbackRecord>();
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const duration = useDurationText();
  if (!record) return null;
  const now = Date.now();
  const due = deadline === 'acknowledge' ? record.acknowledgeDueAt : record.resolveDueAt;
  const state: DeadlineState =
    deadline === 'acknowledge' ? acknowledgeState(record, now) : resolveState(record, now);
  const zone = institutionTimeZone();
  const left = Date.parse(due) - now;
  return (
    <Stack
      direction="row"
      useFlexGap
      spacing={0.5}
      sx={{ alignItems: 'center', flexWrap: 'wrap', columnGap: 1 }}
      data-sla={state}
    >
      <Typography
        component="span"
        variant="body2"
        title={zone}
        color={
          state === 'late'
            ? 'error'
            : state === 'dueSoon'
              ? 'warning.main'
              : state === 'met' || state === 'metLate'
                ? 'text.secondary'
                : undefined
        }
        sx={{ whiteSpace: 'nowrap', fontWeight: state === 'late' ? 600 : undefined }}
      >
        {formatDateTime(due, locale, zone)}
      </Typography>
      {state === 'late' ? (
        <Chip
          size="small"
          color="error"
          label={translate('feedback.sla.late', { duration: duration(left) })}
        />
      ) : state === 'dueSoon' ? (
        <Chip
          size="small"
          color="warning"
          variant="outlined"
          label={translate('feedback.sla.left', { duration: duration(left) })}
        />
      ) : state === 'metLate' ? (
        <Chip size="small" variant="outlined" label={translate('feedback.sla.metLate')} />
      ) : state === 'met' && !compact ? (
        <CheckCircleOutlineIcon
          fontSize="small"
          color="success"
          titleAccess={translate('feedback.sla.met')}
        />
      ) : null}
    </Stack>
  );
};

/** The receipt code the borrower was given, in a monospace font. */
export const ReceiptCodeField = () => {
  const record = useRecordContext<FeedbackRecord>();
  if (!record) return null;
  return <CodeText>{record.receiptCode}</CodeText>;
};
