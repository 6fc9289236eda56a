import PlaceIcon from '@mui/icons-material/Place';
import GroupIcon from '@mui/icons-material/Group';
import { Box, Card, CardActionArea, CardContent, Chip, Stack, Typography } from '@mui/material';
import type { VisitStatus } from '@arrears/domain';
import { Link, useCreatePath, useTranslate } from 'react-admin';

import { useInstitutionTimeZone } from '../common/institution';
import type { VisitRecord } from '../dataProvider/types';
import { isOpen } from './agenda';
import { formatWindow } from './time';
import { VisitActions } from './VisitActions';

const STATUS_COLOR: Record<VisitStatus, 'default' | 'primary' | 'success' | 'warning' | 'info'> = {
  PLANNED: 'default',
  CONFIRMED: 'primary',
  CHECKED_IN: 'info',
  COMPLETED: 'success',
  NO_SHOW: 'warning',
  CANCELLED: 'default',
  RESCHEDULED: 'default',
};

/** A visit's status as a coloured chip. */
export const VisitStatusChip = ({ status }: { status: VisitStatus }) => {
  const translate = useTranslate();
  return (
    <Chip
      size="small"
      color={STATUS_COLOR[status]}
      variant={isOpen(status) ? 'filled' : 'outlined'}
      label={translate(`enums.visitStatus.${status}`)}
    />
  );
};

/**
 * One visit on the agenda or the week: its window (institution's time zone), status, case and
 * borrower, address and collectors, and its status actions. The card opens the visit's page.
 * `dense` (the week's narrow columns) puts the actions in a menu and shortens the text.
 */
export const VisitCard = ({ visit, dense = false }: { visit: VisitRecord; dense?: boolean }) => {
  const translate = useTranslate();
  const createPath = useCreatePath();
  const timeZone = useInstitutionTimeZone();
  const closed = !isOpen(visit.status);
  const window = formatWindow(visit.windowStart, visit.windowEnd, timeZone);
  const collectors = visit.collectors
    .map((c) => c.displayName)
    .join(translate('visits.listSeparator'));
  return (
    <Card
      variant="outlined"
      data-testid="visit-card"
      sx={{
        opacity: closed ? 0.7 : 1,
        borderLeftWidth: 4,
        borderLeftColor: closed ? 'divider' : 'primary.main',
      }}
    >
      <CardActionArea
        component={Link}
        to={createPath({ resource: 'visits', id: visit.id, type: 'show' })}
        aria-label={translate('visits.card.open', {
          window,
          loanNumber: visit.case.loanNumber,
        })}
      >
        <CardContent sx={{ p: dense ? 1 : 1.5, '&:last-child': { pb: dense ? 1 : 1.5 } }}>
          <Stack
            direction="row"
            spacing={1}
            sx={{ alignItems: 'center', justifyContent: 'space-between', mb: 0.5 }}
          >
            <Typography
              variant={dense ? 'body2' : 'subtitle1'}
              sx={{ fontWeight: 600, fontVariantNumeric: 'tabular-nums' }}
              title={timeZone}
            >
              {window}
            </Typography>
            <VisitStatusChip status={visit.status} />
          </Stack>
          <Typography variant="body2" noWrap={dense}>
            {visit.case.borrower.fullName}
            <Typography component="span" variant="body2" color="text.secondary">
              {' · '}
              {visit.case.loanNumber}
            </Typography>
          </Typography>
          <Stack direction="row" spacing={0.5} sx={{ alignItems: 'flex-start', mt: 0.5 }}>
            <PlaceIcon fontSize="inherit" color="action" sx={{ mt: '3px' }} />
            <Typography
              variant="caption"
              color="text.secondary"
              noWrap={dense}
              title={visit.address}
            >
              {visit.address}
            </Typography>
          </Stack>
          <Stack direction="row" spacing={0.5} sx={{ alignItems: 'flex-start' }}>
            <GroupIcon fontSize="inherit" color="action" sx={{ mt: '3px' }} />
            <Typography variant="caption" color="text.secondary" noWrap={dense} title={collectors}>
              {collectors}
            </Typography>
          </Stack>
          {!dense && visit.purpose ? (
            <Typography variant="caption" component="p" sx={{ mt: 0.5 }}>
              {visit.purpose}
            </Typography>
          ) : null}
        </CardContent>
      </CardActionArea>
      <Box
        sx={{
          px: dense ? 0.5 : 1.5,
          pb: 1,
          display: 'flex',
          justifyContent: dense ? 'flex-end' : 'flex-start',
        }}
      >
        <VisitActions visit={visit} variant={dense ? 'menu' : 'buttons'} />
      </Box>
    </Card>
  );
};
