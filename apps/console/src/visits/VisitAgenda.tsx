import {
  Alert,
  Avatar,
  Box,
  Card,
  CardContent,
  CardHeader,
  FormControlLabel,
  Grid,
  Stack,
  Switch,
} from '@mui/material';
import { addDays } from '@arrears/domain';
import { useState } from 'react';
import { Title, useGetIdentity, useLocaleState, useTranslate } from 'react-admin';

import { useInstitutionTimeZone } from '../common/institution';
import { groupByCollector } from './agenda';
import { DayNavigator } from './DayNavigator';
import { dayRange, formatLocalDate, todayIn } from './time';
import { useDateParam, useVisitsBetween } from './useVisitsBetween';
import { VisitCard } from './VisitCard';
import { VisitsViewStatus } from './VisitsViewStatus';
import { VisitViewTabs } from './VisitViewTabs';

/** Visits that no longer happen: hidden from the agenda unless asked for. */
const WITHDRAWN = new Set(['CANCELLED', 'RESCHEDULED']);

/**
 * A day's visits per collector (today by default, in the institution's time zone): each
 * collector's appointments in order, with window, address, case, fellow collectors, status and
 * the status actions. A visit made by two collectors is on both their agendas.
 */
export const VisitAgenda = () => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const timeZone = useInstitutionTimeZone();
  const today = todayIn(timeZone);
  const [date, setDate] = useDateParam(today);
  const [showWithdrawn, setShowWithdrawn] = useState(false);
  const { identity } = useGetIdentity();
  const loaded = useVisitsBetween(dayRange(date, timeZone));
  const { visits, isPending, error } = loaded;

  const shown = showWithdrawn ? visits : visits.filter((v) => !WITHDRAWN.has(v.status));
  const groups = groupByCollector(shown, {
    firstId: identity ? String(identity.id) : undefined,
    locale,
  });

  return (
    <Box sx={{ mt: 1 }} data-testid="visit-agenda">
      <Title title="visits.agenda.title" />
      <VisitViewTabs value="agenda" />
      <DayNavigator
        date={date}
        heading={`${formatLocalDate(date, locale)}${date === today ? ` · ${translate('visits.agenda.today')}` : ''}`}
        onChange={setDate}
        previous={addDays(date, -1)}
        next={addDays(date, 1)}
        today={today}
        labels={{
          previous: 'visits.agenda.previousDay',
          next: 'visits.agenda.nextDay',
          today: 'visits.agenda.today',
          pick: 'visits.agenda.pickDay',
        }}
      />
      <VisitsViewStatus timeZone={timeZone} visits={loaded}>
        <FormControlLabel
          control={
            <Switch
              checked={showWithdrawn}
              onChange={(event) => setShowWithdrawn(event.target.checked)}
            />
          }
          label={translate('visits.agenda.showWithdrawn')}
        />
      </VisitsViewStatus>
      {!isPending && !error && groups.length === 0 ? (
        <Alert severity="info">{translate('visits.agenda.empty')}</Alert>
      ) : null}
      <Grid container spacing={2}>
        {groups.map(({ collector, visits: own }) => (
          <Grid key={collector.id} size={{ xs: 12, md: 6, xl: 4 }}>
            <Card
              component="section"
              aria-label={translate('visits.agenda.collectorAgenda', {
                name: collector.displayName,
              })}
              data-testid="collector-agenda"
            >
              <CardHeader
                avatar={
                  <Avatar sx={{ bgcolor: 'primary.main' }}>
                    {collector.displayName.slice(0, 1)}
                  </Avatar>
                }
                title={collector.displayName}
                subheader={translate('visits.agenda.count', { smart_count: own.length })}
                slotProps={{ title: { variant: 'subtitle1', component: 'h3' } }}
              />
              <CardContent sx={{ pt: 0 }}>
                <Stack spacing={1}>
                  {own.map((visit) => (
                    <VisitCard key={visit.id} visit={visit} />
                  ))}
                </Stack>
              </CardContent>
            </Card>
          </Grid>
        ))}
      </Grid>
    </Box>
  );
};

export default VisitAgenda;
