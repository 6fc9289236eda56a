import { Box, Grid, MenuItem, Paper, Stack, TextField, Typography } from '@mui/material';
import { addDays } from '@arrears/domain';
import { useState } from 'react';
import { Title, useGetList, useLocaleState, useTranslate } from 'react-admin';

import { useInstitutionTimeZone } from '../common/institution';
import { MAX_PAGE_SIZE } from '../dataProvider';
import type { UserRecord } from '../dataProvider/types';
import { visitsByDay } from './agenda';
import { DayNavigator } from './DayNavigator';
import { formatLocalDate, mondayOf, todayIn, weekOf, weekRange } from './time';
import { useDateParam, useVisitsBetween } from './useVisitsBetween';
import { VisitCard } from './VisitCard';
import { VisitsViewStatus } from './VisitsViewStatus';
import { VisitViewTabs } from './VisitViewTabs';

/** Everyone's visits, or one collector's. */
const ALL = '';

/**
 * A week of visits, Monday to Sunday in the institution's time zone: seven columns with each
 * day's visits as cards (window, status, borrower, address, collectors, actions), a week at a
 * time, for everyone or one collector.
 */
export const VisitWeek = () => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const timeZone = useInstitutionTimeZone();
  const today = todayIn(timeZone);
  const [date, setDate] = useDateParam(mondayOf(today));
  const monday = mondayOf(date);
  const days = weekOf(monday);
  const [collectorId, setCollectorId] = useState(ALL);
  const loaded = useVisitsBetween(weekRange(monday, timeZone), collectorId || undefined);
  const { visits, isPending } = loaded;
  const byDay = visitsByDay(visits, days, timeZone);

  return (
    <Box sx={{ mt: 1 }} data-testid="visit-week">
      <Title title="visits.week.title" />
      <VisitViewTabs value="week" />
      <DayNavigator
        date={monday}
        heading={translate('visits.week.heading', {
          from: formatLocalDate(monday, locale, { weekday: false }),
          to: formatLocalDate(addDays(monday, 6), locale, { weekday: false }),
        })}
        onChange={(day) => setDate(mondayOf(day))}
        previous={addDays(monday, -7)}
        next={addDays(monday, 7)}
        today={mondayOf(today)}
        labels={{
          previous: 'visits.week.previousWeek',
          next: 'visits.week.nextWeek',
          today: 'visits.week.thisWeek',
          pick: 'visits.week.pickDay',
        }}
      />
      <VisitsViewStatus timeZone={timeZone} visits={loaded}>
        <CollectorSelect value={collectorId} onChange={setCollectorId} />
      </VisitsViewStatus>
      <Grid container spacing={1} columns={{ xs: 1, md: 7 }}>
        {days.map((day) => {
          const dayVisits = byDay.get(day) ?? [];
          const isToday = day === today;
          return (
            <Grid key={day} size={1}>
              <Paper
                component="section"
                variant="outlined"
                aria-label={formatLocalDate(day, locale)}
                data-testid="week-day"
                sx={{
                  p: 1,
                  height: '100%',
                  minHeight: { md: 240 },
                  bgcolor: isToday ? 'action.hover' : undefined,
                  borderColor: isToday ? 'primary.main' : undefined,
                }}
              >
                <Typography
                  variant="subtitle2"
                  component="h3"
                  color={isToday ? 'primary' : 'text.primary'}
                  sx={{ mb: 1, fontWeight: isToday ? 700 : 500 }}
                >
                  {formatLocalDate(day, locale, { short: true })}
                  {isToday ? ` · ${translate('visits.agenda.today')}` : ''}
                </Typography>
                <Stack spacing={1}>
                  {dayVisits.length === 0 && !isPending ? (
                    <Typography variant="caption" color="text.secondary">
                      {translate('visits.week.noVisits')}
                    </Typography>
                  ) : null}
                  {dayVisits.map((visit) => (
                    <VisitCard key={visit.id} visit={visit} dense />
                  ))}
                </Stack>
              </Paper>
            </Grid>
          );
        })}
      </Grid>
    </Box>
  );
};

/** The institution's active collectors, to narrow the week to one. */
const CollectorSelect = ({
  value,
  onChange,
}: {
  value: string;
  onChange: (id: string) => void;
}) => {
  const translate = useTranslate();
  const { data, error } = useGetList<UserRecord>('users', {
    filter: { role: ['COLLECTOR'], active: true },
    pagination: { page: 1, perPage: MAX_PAGE_SIZE },
  });
  if (error) return null;
  return (
    <TextField
      select
      size="small"
      label={translate('visits.week.collector')}
      value={value}
      onChange={(event) => onChange(event.target.value)}
      fullWidth={false}
      sx={{ width: 220 }}
    >
      <MenuItem value={ALL}>{translate('visits.week.allCollectors')}</MenuItem>
      {(data ?? []).map((user) => (
        <MenuItem key={user.id} value={user.id}>
          {user.displayName}
        </MenuItem>
      ))}
    </TextField>
  );
};

export default VisitWeek;
