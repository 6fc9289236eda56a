import { Alert, AlertTitle, Box, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';

import type { PolicyReason } from '../dataProvider/types';
import { useFormatTime } from './hooks';

/**
 * The rules that refuse a contact, each by its name in the user's language with the API's
 * explanation beside it, and the next allowed time in the institution's zone. Used for a
 * refused action and for the check made before one.
 */
export const PolicyReasons = ({
  reasons,
  nextAllowedAt,
  timeZone,
}: {
  reasons: readonly PolicyReason[];
  nextAllowedAt: string | null | undefined;
  timeZone: string | undefined;
}) => {
  const translate = useTranslate();
  const formatTime = useFormatTime(timeZone);
  return (
    <Box component="span" sx={{ display: 'block' }}>
      {reasons.length > 0 && (
        <Box component="ul" sx={{ m: 0, pl: 2.5 }}>
          {reasons.map((reason) => (
            <li key={`${reason.code}:${reason.message}`}>
              <Typography component="span" variant="body2" sx={{ fontWeight: 500 }}>
                {translate(`enums.policyRule.${reason.code}`, { _: reason.code })}
              </Typography>
              {reason.message && (
                <Typography component="span" variant="body2" sx={{ opacity: 0.8 }} lang="en">
                  {' — '}
                  {reason.message}
                </Typography>
              )}
            </li>
          ))}
        </Box>
      )}
      <Typography component="span" variant="body2" sx={{ display: 'block', mt: 0.5 }}>
        {nextAllowedAt
          ? translate('resources.cases.policy.nextAllowed', { time: formatTime(nextAllowedAt) })
          : translate('resources.cases.policy.noNextTime')}
      </Typography>
    </Box>
  );
};

/** A refused action: what refused it and when it would be allowed. */
export const PolicyRefusal = ({
  reasons,
  nextAllowedAt,
  timeZone,
}: {
  reasons: readonly PolicyReason[];
  nextAllowedAt: string | null;
  timeZone: string | undefined;
}) => {
  const translate = useTranslate();
  return (
    <Alert severity="error" data-testid="policy-refusal" sx={{ mb: 2 }}>
      <AlertTitle>{translate('resources.cases.policy.refusedTitle')}</AlertTitle>
      <PolicyReasons reasons={reasons} nextAllowedAt={nextAllowedAt} timeZone={timeZone} />
    </Alert>
  );
};
