import { FeedbackStatus, isFeedbackClosed } from '@arrears/domain';
import {
  Box,
  Divider,
  List as MuiList,
  ListItem,
  ListItemText,
  Step,
  StepContent,
  StepLabel,
  Stepper,
  Typography,
} from '@mui/material';
import {
  Link,
  RecordContextProvider,
  useCanAccess,
  useCreatePath,
  useGetList,
  useLocaleState,
  useRecordContext,
  useTranslate,
} from 'react-admin';

import { ActorField } from '../audit/ActorField';
import { formatDateTime } from '../common/dateTime';
import { institutionTimeZone } from '../common/institution';
import type { AuditEventRecord, FeedbackRecord } from '../dataProvider/types';
import { feedbackMilestones } from './history';

const useFormatInstant = () => {
  const [locale] = useLocaleState();
  const zone = institutionTimeZone();
  return (iso: string) => formatDateTime(iso, locale, zone);
};

/**
 * What happened to the feedback: its milestones (came in, taken up, closed with the
 * resolution) for every reader, and for those who may read the audit log every status change
 * with who made it.
 */
export const FeedbackHistory = () => {
  const record = useRecordContext<FeedbackRecord>();
  const translate = useTranslate();
  const format = useFormatInstant();
  const { canAccess: canReadAudit } = useCanAccess({ resource: 'auditEvents', action: 'list' });
  if (!record) return null;
  const milestones = feedbackMilestones(record);
  const open = !isFeedbackClosed(record.status);
  return (
    <Box component="section">
      <Typography variant="h6" gutterBottom>
        {translate('feedback.sections.history')}
      </Typography>
      <Divider sx={{ mb: 2 }} />
      <Stepper orientation="vertical" nonLinear activeStep={-1}>
        {milestones.map((entry) => (
          <Step key={entry.step} completed expanded>
            <StepLabel
              optional={
                <Typography variant="caption" color="text.secondary">
                  {format(entry.at)}
                </Typography>
              }
            >
              {translate(`feedback.history.${entry.step}`, {
                status: translate(`enums.feedbackStatus.${entry.status}`),
              })}
            </StepLabel>
            <StepContent>
              {entry.note ? (
                <Typography variant="body2" sx={{ whiteSpace: 'pre-wrap' }}>
                  {entry.note}
                </Typography>
              ) : null}
            </StepContent>
          </Step>
        ))}
        {open ? (
          <Step expanded>
            <StepLabel
              optional={
                <Typography variant="caption" color="text.secondary">
                  {translate('feedback.history.dueBy', { at: format(record.resolveDueAt) })}
                </Typography>
              }
            >
              {translate('feedback.history.pending')}
            </StepLabel>
          </Step>
        ) : null}
      </Stepper>
      {canReadAudit ? <FeedbackAuditTrail feedbackId={record.id} /> : null}
    </Box>
  );
};

const statusOf = (snapshot: unknown): FeedbackStatus | undefined => {
  if (typeof snapshot !== 'object' || snapshot === null || !('status' in snapshot))
    return undefined;
  const { status } = snapshot as { status: unknown };
  return typeof status === 'string' && status in FeedbackStatus
    ? (status as FeedbackStatus)
    : undefined;
};

/** The feedback's own audit events, oldest first, each linking to the event. */
const FeedbackAuditTrail = ({ feedbackId }: { feedbackId: string }) => {
  const translate = useTranslate();
  const format = useFormatInstant();
  const createPath = useCreatePath();
  const { data, isPending, error } = useGetList<AuditEventRecord>(
    'auditEvents',
    {
      filter: { entityType: 'Feedback', entityId: feedbackId },
      pagination: { page: 1, perPage: 50 },
    },
    { retry: false },
  );
  const summary = (event: AuditEventRecord): string => {
    const from = statusOf(event.before);
    const to = statusOf(event.after);
    if (event.action === 'feedback.create') return translate('feedback.history.audit.created');
    if (to && from !== to) {
      return translate('feedback.history.audit.status', {
        from: from ? translate(`enums.feedbackStatus.${from}`) : '—',
        to: translate(`enums.feedbackStatus.${to}`),
      });
    }
    return translate('feedback.history.audit.updated');
  };
  return (
    <Box sx={{ mt: 2 }}>
      <Typography variant="subtitle2" gutterBottom>
        {translate('feedback.history.audit.title')}
      </Typography>
      {isPending ? null : error || !data?.length ? (
        <Typography variant="body2" color="text.secondary">
          {translate('feedback.history.audit.none')}
        </Typography>
      ) : (
        <MuiList dense disablePadding>
          {[...data].reverse().map((event) => (
            <RecordContextProvider key={event.id} value={event}>
              <ListItem disableGutters>
                <ListItemText
                  primary={
                    <Link to={createPath({ resource: 'auditEvents', id: event.id, type: 'show' })}>
                      {summary(event)}
                    </Link>
                  }
                  secondary={
                    <>
                      {format(event.occurredAt)} · <ActorField />
                    </>
                  }
                  slotProps={{ secondary: { component: 'span' } }}
                />
              </ListItem>
            </RecordContextProvider>
          ))}
        </MuiList>
      )}
    </Box>
  );
};
