import {
  Card,
  CardContent,
  Table,
  TableBody,
  TableCell,
  TableContainer,
  TableHead,
  TableRow,
  Typography,
  useTheme,
} from '@mui/material';
import { blue, green, orange } from '@mui/material/colors';
import type { Bucket } from '@arrears/domain';
import type { ReactNode } from 'react';
import { useLocaleState, useTranslate } from 'react-admin';
import {
  Bar,
  BarChart,
  CartesianGrid,
  Cell,
  ComposedChart,
  Legend,
  Line,
  Pie,
  PieChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';

import { formatYuan } from '../common/money';
import {
  formatCount,
  NO_VALUE,
  formatPercent,
  formatRatio,
  formatShortDate,
  formatYuanCompact,
  rateSeries,
  VISIT_OUTCOMES,
  yuanForChart,
} from './format';
import type { CollectionReport, ReportMetrics, VisitOutcomeCounts } from './reportResource';

const CHART_HEIGHT = 300;

/** A titled card holding one chart; `label` names the figure for screen readers. */
export const ChartCard = ({ title, children }: { title: string; children: ReactNode }) => {
  const translate = useTranslate();
  const label = translate(title);
  return (
    <Card component="figure" aria-label={label} sx={{ m: 0, height: '100%' }}>
      <CardContent>
        <Typography variant="subtitle1" component="figcaption" gutterBottom>
          {label}
        </Typography>
        {children}
      </CardContent>
    </Card>
  );
};

const NoData = () => {
  const translate = useTranslate();
  return (
    <Typography
      color="text.secondary"
      sx={{ height: CHART_HEIGHT, display: 'grid', placeItems: 'center' }}
    >
      {translate('dashboard.noData')}
    </Typography>
  );
};

/** Series colours that stay apart from each other (the theme's blues are too alike). */
const COLORS = {
  money: blue[700],
  contacts: orange[700],
  recoveryRate: blue[700],
  promiseKeptRate: green[600],
  rightPartyContactRate: orange[700],
} as const;

/** The three rates by series key, with their labels. */
const RATE_SERIES = [
  { key: 'recoveryRate', label: 'dashboard.kpi.recoveryRate' },
  { key: 'promiseKeptRate', label: 'dashboard.kpi.promiseKeptRate' },
  { key: 'rightPartyContactRate', label: 'dashboard.kpi.rightPartyContactRate' },
] as const;

/** Rates side by side per slice (a bucket, a collector), in percent. */
const RatesChart = ({
  rows,
}: {
  /** `name` on the axis, `title` (default: `name`) in the tooltip. */
  rows: { name: string; title?: string; metrics: ReportMetrics }[];
}) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  if (rows.length === 0) return <NoData />;
  const data = rows.map(({ name, title, metrics }) => ({
    name,
    title: title ?? name,
    ...rateSeries(metrics),
  }));
  return (
    <ResponsiveContainer width="100%" height={CHART_HEIGHT}>
      <BarChart data={data} margin={{ top: 8, right: 8, left: 0, bottom: 8 }}>
        <CartesianGrid strokeDasharray="3 3" vertical={false} />
        <XAxis dataKey="name" interval={0} tick={{ fontSize: 12 }} />
        <YAxis
          domain={[0, 100]}
          ticks={[0, 25, 50, 75, 100]}
          tickFormatter={(value: number) => `${value}%`}
          width={48}
        />
        <Tooltip
          labelFormatter={(_label, payload) =>
            (payload[0]?.payload as { title?: string } | undefined)?.title ?? _label
          }
          formatter={(value) =>
            typeof value === 'number' ? formatPercent(value / 100, locale) : NO_VALUE
          }
        />
        <Legend />
        {RATE_SERIES.map(({ key, label }) => (
          <Bar
            key={key}
            dataKey={key}
            name={translate(label)}
            fill={COLORS[key]}
            maxBarSize={28}
            isAnimationActive={false}
          />
        ))}
      </BarChart>
    </ResponsiveContainer>
  );
};

/** "M1", "M6+" on the axis (the full "M1 (1–30 days)" is in the tooltip); "Current" translated. */
const bucketShortName = (bucket: Bucket, translate: (key: string) => string): string =>
  bucket === 'CURRENT' ? translate('enums.bucket.CURRENT') : bucket.replace('_PLUS', '+');

export const BucketChart = ({ report }: { report: CollectionReport }) => {
  const translate = useTranslate();
  return (
    <ChartCard title="dashboard.charts.byBucket">
      <RatesChart
        rows={report.byBucket.map(({ bucket, metrics }) => ({
          name: bucketShortName(bucket, translate),
          title: translate(`enums.bucket.${bucket}`),
          metrics,
        }))}
      />
    </ChartCard>
  );
};

const collectorName = (
  collector: CollectionReport['byCollector'][number]['collector'],
  translate: (key: string) => string,
) => collector?.displayName ?? translate('dashboard.unassigned');

export const CollectorChart = ({ report }: { report: CollectionReport }) => {
  const translate = useTranslate();
  return (
    <ChartCard title="dashboard.charts.byCollector">
      <RatesChart
        rows={report.byCollector
          // The unassigned slice has no contacts of a collector to compare.
          .filter(({ collector }) => collector !== null)
          .map(({ collector, metrics }) => ({
            name: collectorName(collector, translate),
            metrics,
          }))}
      />
    </ChartCard>
  );
};

/** Every collector's numbers, to read exactly what the chart only shows in bars. */
export const CollectorTable = ({ report }: { report: CollectionReport }) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const numeric = { align: 'right' as const, sx: { fontVariantNumeric: 'tabular-nums' } };
  return (
    <ChartCard title="dashboard.table.title">
      <TableContainer>
        <Table size="small" aria-label={translate('dashboard.table.title')}>
          <TableHead>
            <TableRow>
              <TableCell>{translate('dashboard.table.collector')}</TableCell>
              <TableCell {...numeric}>{translate('dashboard.table.recovered')}</TableCell>
              <TableCell {...numeric}>{translate('dashboard.table.outstanding')}</TableCell>
              <TableCell {...numeric}>{translate('dashboard.kpi.recoveryRate')}</TableCell>
              <TableCell {...numeric}>{translate('dashboard.kpi.promiseKeptRate')}</TableCell>
              <TableCell {...numeric}>{translate('dashboard.kpi.rightPartyContactRate')}</TableCell>
              <TableCell {...numeric}>{translate('dashboard.table.contacts')}</TableCell>
              <TableCell {...numeric}>{translate('dashboard.kpi.complaintsPer1000')}</TableCell>
              <TableCell {...numeric}>{translate('dashboard.table.visitsCompleted')}</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {report.byCollector.map(({ collector, metrics }) => (
              <TableRow key={collector?.id ?? 'unassigned'}>
                <TableCell>{collectorName(collector, translate)}</TableCell>
                <TableCell {...numeric}>{formatYuan(metrics.recovered)}</TableCell>
                <TableCell {...numeric}>{formatYuan(metrics.outstanding)}</TableCell>
                <TableCell {...numeric}>{formatPercent(metrics.recoveryRate, locale)}</TableCell>
                <TableCell {...numeric}>{formatPercent(metrics.promiseKeptRate, locale)}</TableCell>
                <TableCell {...numeric}>
                  {formatPercent(metrics.rightPartyContactRate, locale)}
                </TableCell>
                <TableCell {...numeric}>{formatCount(metrics.contacts, locale)}</TableCell>
                <TableCell {...numeric}>
                  {formatRatio(metrics.complaintsPer1000Contacts, locale)}
                </TableCell>
                <TableCell {...numeric}>{formatCount(metrics.visits.completed, locale)}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </TableContainer>
    </ChartCard>
  );
};

/** Recovered money (bars, left axis) and contacts (line, right axis) per week. */
export const WeeklyChart = ({ report }: { report: CollectionReport }) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const data = report.weekly.map((week) => ({
    week: formatShortDate(week.weekStart, locale),
    recovered: yuanForChart(week.recovered),
    recoveredText: formatYuan(week.recovered),
    contacts: week.contacts,
  }));
  return (
    <ChartCard title="dashboard.charts.weekly">
      {data.length === 0 ? (
        <NoData />
      ) : (
        <ResponsiveContainer width="100%" height={CHART_HEIGHT}>
          <ComposedChart data={data} margin={{ top: 8, right: 8, left: 8, bottom: 8 }}>
            <CartesianGrid strokeDasharray="3 3" vertical={false} />
            <XAxis dataKey="week" tick={{ fontSize: 12 }} />
            <YAxis
              yAxisId="money"
              allowDecimals={false}
              tickFormatter={(value: number) => formatYuanCompact(value, locale)}
              width={72}
            />
            <YAxis
              yAxisId="contacts"
              orientation="right"
              allowDecimals={false}
              tickFormatter={(value: number) => formatCount(value, locale)}
              width={48}
            />
            <Tooltip
              formatter={(value, _name, item) =>
                item.dataKey === 'recovered'
                  ? (item.payload as { recoveredText: string }).recoveredText
                  : formatCount(Number(value), locale)
              }
            />
            <Legend />
            <Bar
              yAxisId="money"
              dataKey="recovered"
              name={translate('dashboard.charts.recovered')}
              fill={COLORS.money}
              maxBarSize={32}
              isAnimationActive={false}
            />
            <Line
              yAxisId="contacts"
              dataKey="contacts"
              name={translate('dashboard.charts.contacts')}
              stroke={COLORS.contacts}
              strokeWidth={2}
              dot={{ r: 2 }}
              type="linear"
              isAnimationActive={false}
            />
          </ComposedChart>
        </ResponsiveContainer>
      )}
    </ChartCard>
  );
};

/** How the period's visits ended, as a ring. */
export const VisitsChart = ({ visits }: { visits: VisitOutcomeCounts }) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const theme = useTheme();
  const colors: Record<keyof VisitOutcomeCounts, string> = {
    completed: theme.palette.success.main,
    noShow: theme.palette.warning.main,
    cancelled: theme.palette.error.main,
    rescheduled: theme.palette.info.main,
    open: theme.palette.grey[500],
  };
  const data = VISIT_OUTCOMES.map(({ key, label }) => ({
    key,
    name: translate(label),
    value: visits[key],
  })).filter(({ value }) => value > 0);
  return (
    <ChartCard title="dashboard.charts.visits">
      {data.length === 0 ? (
        <NoData />
      ) : (
        <ResponsiveContainer width="100%" height={CHART_HEIGHT}>
          <PieChart>
            <Pie
              data={data}
              dataKey="value"
              nameKey="name"
              innerRadius="55%"
              outerRadius="80%"
              paddingAngle={2}
              isAnimationActive={false}
            >
              {data.map(({ key }) => (
                <Cell key={key} fill={colors[key]} />
              ))}
            </Pie>
            <Tooltip formatter={(value) => formatCount(Number(value), locale)} />
            <Legend />
          </PieChart>
        </ResponsiveContainer>
      )}
    </ChartCard>
  );
};
