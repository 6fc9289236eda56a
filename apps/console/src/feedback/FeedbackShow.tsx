import { holdForFeedback, isFeedbackClosed } from '@arrears/domain';
import {
  Alert,
  Box,
  CardContent,
  Chip,
  Divider,
  Grid,
  Paper,
  Rating,
  Stack,
  Typography,
} from '@mui/material';
import type { ReactNode } from 'react';
import { RecordField, Show, TopToolbar, useRecordContext, useTranslate } from 'react-admin';

import { ShowAccessError, useAccessQueryOptions } from '../common/AccessError';
import { CaseLinkField } from '../common/CaseLinkField';
import { InstitutionDateTimeField } from '../common/InstitutionDateTimeField';
import type { FeedbackRecord } from '../dataProvider/types';
import { FeedbackHistory } from './FeedbackHistory';
import { FeedbackStatusActions } from './FeedbackStatusActions';
import { DeadlineField, FeedbackStatusField, ReceiptCodeField } from './fields';
import { isFeedbackOverdue } from './sla';

const Field = RecordField<FeedbackRecord>;

/** One piece of feedback: the borrower's words, its deadlines, its history and what to do next. */
const FeedbackShow = () => {
  const queryOptions = useAccessQueryOptions();
  return (
    <Show
      queryOptions={queryOptions}
      error={<ShowAccessError />}
      actions={<FeedbackShowActions />}
      title={<FeedbackTitle />}
    >
      <FeedbackDetails />
    </Show>
  );
};

const FeedbackTitle = () => {
  const record = useRecordContext<FeedbackRecord>();
  const translate = useTranslate();
  if (!record) return <>{translate('resources.feedback.name', { smart_count: 1 })}</>;
  return <>{translate('feedback.show.title', { receiptCode: record.receiptCode })}</>;
};

const FeedbackShowActions = () => (
  <TopToolbar>
    <FeedbackStatusActions />
  </TopToolbar>
);

const Section = ({ title, children }: { title: string; children: ReactNode }) => {
  const translate = useTranslate();
  return (
    <Box component="section" sx={{ mb: 3 }}>
      <Typography variant="h6" gutterBottom>
        {translate(title)}
      </Typography>
      <Divider sx={{ mb: 2 }} />
      {children}
    </Box>
  );
};

const FeedbackDetails = () => {
  const record = useRecordContext<FeedbackRecord>();
  const translate = useTranslate();
  if (!record) return null;
  const open = !isFeedbackClosed(record.status);
  const hold = holdForFeedback(record.kind, record.category);
  const overdue = isFeedbackOverdue(record, Date.now());
  return (
    <CardContent>
      <Stack direction="row" spacing={1} sx={{ mb: 2, flexWrap: 'wrap', alignItems: 'center' }}>
        <Chip
          label={translate(`enums.feedbackKind.${record.kind}`)}
          color={record.kind === 'COMPLAINT' ? 'error' : 'default'}
          variant="outlined"
        />
        <Chip label={translate(`enums.feedbackCategory.${record.category}`)} variant="outlined" />
        <FeedbackStatusField />
        {overdue ? <Chip color="error" label={translate('feedback.sla.overdue')} /> : null}
      </Stack>
      {hold && open ? (
        <Alert severity="warning" sx={{ mb: 3 }} data-testid="feedback-case-hold">
          {translate('feedback.show.holdOpen', {
            loanNumber: record.case.loanNumber,
            hold: translate(`enums.holdKind.${hold}`),
          })}
        </Alert>
      ) : null}
      <Grid container spacing={4}>
        <Grid size={{ xs: 12, md: 7 }}>
          <Section title="feedback.sections.message">
            <Paper
              variant="outlined"
              component="blockquote"
              sx={{ m: 0, p: 2, borderLeft: 4, borderLeftColor: 'primary.main' }}
            >
              <Typography variant="body1" sx={{ whiteSpace: 'pre-wrap' }}>
                {record.message}
              </Typography>
            </Paper>
            {record.rating != null ? (
              <Stack direction="row" spacing={1} sx={{ mt: 2, alignItems: 'center' }}>
                <Typography variant="body2" color="text.secondary">
                  {translate('resources.feedback.fields.rating')}
                </Typography>
                <Rating value={record.rating} max={5} readOnly size="small" />
                <Typography variant="body2" color="text.secondary">
                  {translate('feedback.show.ratingOf', { rating: record.rating })}
                </Typography>
              </Stack>
            ) : null}
          </Section>
          {record.resolution ? (
            <Section title="feedback.sections.resolution">
              <Typography variant="body1" sx={{ whiteSpace: 'pre-wrap' }}>
                {record.resolution}
              </Typography>
            </Section>
          ) : null}
          <Section title="feedback.sections.sla">
            <Stack spacing={1.5}>
              <Field source="acknowledgeDueAt">
                <DeadlineField deadline="acknowledge" />
              </Field>
              <Field source="acknowledgedAt">
                <InstitutionDateTimeField
                  source="acknowledgedAt"
                  emptyText="feedback.empty.notYet"
                />
              </Field>
              <Field source="resolveDueAt">
                <DeadlineField deadline="resolve" />
              </Field>
              <Field source="closedAt">
                <InstitutionDateTimeField source="closedAt" emptyText="feedback.empty.notYet" />
              </Field>
            </Stack>
          </Section>
          <Section title="feedback.sections.details">
            <Stack spacing={1.5}>
              <Field source="receiptCode">
                <ReceiptCodeField />
              </Field>
              <Field source="case.loanNumber">
                <CaseLinkField />
              </Field>
              <Field source="createdAt" field={InstitutionDateTimeField} />
              <Field source="updatedAt" field={InstitutionDateTimeField} />
            </Stack>
          </Section>
        </Grid>
        <Grid size={{ xs: 12, md: 5 }}>
          <FeedbackHistory />
        </Grid>
      </Grid>
    </CardContent>
  );
};

export default FeedbackShow;
