import { Alert, LinearProgress, Stack, Typography } from '@mui/material';
import type { ReactNode } from 'react';
import { useTranslate } from 'react-admin';

import type { useVisitsBetween } from './useVisitsBetween';

/**
 * Under the agenda's and the week's navigator: the view's own control (`children`: a switch, a
 * collector picker) beside the time zone the view is in, then whether its visits are loading,
 * could not be read, or were more than one page.
 */
export const VisitsViewStatus = ({
  timeZone,
  visits: { visits, isPending, error, truncated },
  children,
}: {
  timeZone: string;
  visits: ReturnType<typeof useVisitsBetween>;
  children: ReactNode;
}) => {
  const translate = useTranslate();
  return (
    <>
      <Stack direction="row" spacing={2} sx={{ alignItems: 'center', mb: 2 }}>
        {children}
        <Typography variant="body2" color="text.secondary">
          {translate('visits.agenda.timeZone', { timeZone })}
        </Typography>
      </Stack>
      {isPending ? <LinearProgress sx={{ mb: 2 }} /> : null}
      {error ? (
        <Alert severity="error" sx={{ mb: 2 }}>
          {error.message
            ? translate(error.message, { _: error.message })
            : translate('ra.notification.http_error')}
        </Alert>
      ) : null}
      {truncated ? (
        <Alert severity="warning" sx={{ mb: 2 }}>
          {translate('visits.agenda.truncated', { count: visits.length })}
        </Alert>
      ) : null}
    </>
  );
};
