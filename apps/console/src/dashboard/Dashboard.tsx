import { Alert, Box, Card, CardContent, Stack, Typography } from '@mui/material';
import type { ReactNode } from 'react';
import {
  Loading,
  Title,
  useCanAccess,
  useGetIdentity,
  useGetOne,
  useLocaleState,
  useTranslate,
} from 'react-admin';

import { formatYuan } from '../common/money';
import { BucketChart, CollectorChart, CollectorTable, VisitsChart, WeeklyChart } from './charts';
import { RunDailyCycleButton } from './DailyCycleDialog';
import {
  formatCount,
  formatDate,
  formatPercent,
  formatRatio,
  visitCompletionRate,
  visitTotal,
} from './format';
import { REPORT_DAYS, type CollectionReportRecord } from './reportResource';

const KpiCard = ({ label, value, detail }: { label: string; value: string; detail: ReactNode }) => (
  <Card sx={{ height: '100%' }} component="section" aria-label={label}>
    <CardContent>
      <Typography variant="body2" color="text.secondary" component="h2">
        {label}
      </Typography>
      <Typography variant="h4" component="p" sx={{ my: 0.5, fontVariantNumeric: 'tabular-nums' }}>
        {value}
      </Typography>
      <Typography variant="caption" color="text.secondary">
        {detail}
      </Typography>
    </CardContent>
  </Card>
);

const KpiCards = ({ report }: { report: CollectionReportRecord }) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const total = report.total;
  const count = (value: number) => formatCount(value, locale);
  const visits = visitTotal(total.visits);
  const cards = [
    {
      label: 'dashboard.kpi.recoveryRate',
      value: formatPercent(total.recoveryRate, locale),
      detail: translate('dashboard.kpi.recoveryRateDetail', {
        recovered: formatYuan(total.recovered),
        outstanding: formatYuan(total.outstanding),
      }),
    },
    {
      label: 'dashboard.kpi.recovered',
      value: formatYuan(total.recovered),
      detail: translate('dashboard.kpi.recoveredDetail'),
    },
    {
      label: 'dashboard.kpi.promiseKeptRate',
      value: formatPercent(total.promiseKeptRate, locale),
      detail: translate('dashboard.kpi.promiseKeptRateDetail', {
        kept: count(total.promisesKept),
        broken: count(total.promisesBroken),
      }),
    },
    {
      label: 'dashboard.kpi.rightPartyContactRate',
      value: formatPercent(total.rightPartyContactRate, locale),
      detail: translate('dashboard.kpi.rightPartyContactRateDetail', {
        reached: count(total.rightPartyContacts),
        calls: count(total.borrowerCalls),
      }),
    },
    {
      label: 'dashboard.kpi.complaintsPer1000',
      value: formatRatio(total.complaintsPer1000Contacts, locale),
      detail: translate('dashboard.kpi.complaintsPer1000Detail', {
        complaints: count(total.complaints),
        contacts: count(total.contacts),
      }),
    },
    {
      label: 'dashboard.kpi.visitsCompleted',
      value: formatPercent(visitCompletionRate(total.visits), locale),
      detail: translate('dashboard.kpi.visitsCompletedDetail', {
        completed: count(total.visits.completed),
        total: count(visits),
      }),
    },
  ];
  return (
    <Box
      sx={{
        display: 'grid',
        gap: 2,
        gridTemplateColumns: {
          xs: '1fr',
          sm: '1fr 1fr',
          lg: 'repeat(3, 1fr)',
          xl: 'repeat(6, 1fr)',
        },
      }}
    >
      {cards.map(({ label, value, detail }) => (
        <KpiCard key={label} label={translate(label)} value={value} detail={detail} />
      ))}
    </Box>
  );
};

/**
 * The reports dashboard (supervisors, admins, auditors): the last 90 days of recovery, promises,
 * right-party contacts, complaints and visits, in total, by bucket, by collector and by week.
 * (Collectors start on their worklist instead: see `Home`.)
 */
export const Dashboard = () => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const { identity } = useGetIdentity();
  const { canAccess: canRunCycle } = useCanAccess({ resource: 'dailyCycle', action: 'run' });
  const {
    data: report,
    isPending,
    error,
  } = useGetOne<CollectionReportRecord>('collectionReports', { id: REPORT_DAYS });

  const timeZone = identity?.timeZone as string | undefined;
  return (
    <Box sx={{ py: 2 }}>
      <Title title="dashboard.title" />
      <Stack
        direction={{ xs: 'column', sm: 'row' }}
        spacing={1}
        sx={{ mb: 2, justifyContent: 'space-between', alignItems: { sm: 'center' } }}
      >
        <Typography variant="body2" color="text.secondary">
          {report
            ? translate('dashboard.period', {
                days: REPORT_DAYS,
                from: formatDate(report.from, locale, timeZone),
                to: formatDate(report.to, locale, timeZone),
              })
            : null}
        </Typography>
        {canRunCycle ? <RunDailyCycleButton /> : null}
      </Stack>
      {isPending ? (
        <Loading />
      ) : error || !report ? (
        <Alert severity="error">
          {error instanceof Error ? error.message : translate('ra.notification.http_error')}
        </Alert>
      ) : (
        <Stack spacing={2}>
          <KpiCards report={report} />
          <Box sx={{ display: 'grid', gap: 2, gridTemplateColumns: { xs: '1fr', lg: '2fr 1fr' } }}>
            <WeeklyChart report={report} />
            <VisitsChart visits={report.total.visits} />
          </Box>
          <Box sx={{ display: 'grid', gap: 2, gridTemplateColumns: { xs: '1fr', lg: '1fr 1fr' } }}>
            <BucketChart report={report} />
            <CollectorChart report={report} />
          </Box>
          <CollectorTable report={report} />
        </Stack>
      )}
    </Box>
  );
};

export default Dashboard;
