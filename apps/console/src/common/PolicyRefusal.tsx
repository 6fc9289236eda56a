import { Alert, AlertTitle, Box, Typography } from '@mui/material';
import { useLocaleState, useTranslate } from 'react-admin';

import type { PolicyReason } from '../dataProvider/types';
import { formatDateTime } from './dateTime';

export interface PolicyReasonsProps {
  reasons: readonly PolicyReason[];
  nextAllowedAt: string | null | undefined;
  /** The institution's zone, for the next allowed time. */
  timeZone: string | undefined;
  /**
   * The sentence saying when it would be allowed, for a screen with its own wording; by default
   * the case page's (`resources.cases.policy.nextAllowed` / `noNextTime`).
   */
  next?: string;
  /** What stands between a rule's name and the API's explanation. */
  separator?: string;
}

/**
 * The rules that refuse a contact or a visit, each by its name in the user's language with the
 * API's explanation beside it, and the next allowed time in the institution's zone. Used for a
 * refused action and for the checks made before one.
 */
export const PolicyReasons = ({
  reasons,
  nextAllowedAt,
  timeZone,
  next,
  separator = ' — ',
}: PolicyReasonsProps) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
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
                  {separator}
                  {reason.message}
                </Typography>
              )}
            </li>
          ))}
        </Box>
      )}
      <Typography component="span" variant="body2" sx={{ display: 'block', mt: 0.5 }}>
        {next ??
          (nextAllowedAt
            ? translate('resources.cases.policy.nextAllowed', {
                time: formatDateTime(nextAllowedAt, locale, timeZone),
              })
            : translate('resources.cases.policy.noNextTime'))}
      </Typography>
    </Box>
  );
};

/** A refused action, in the dialog that asked for it: what refused it and when it would be allowed. */
export const PolicyRefusalAlert = ({
  title = 'resources.cases.policy.refusedTitle',
  ...reasons
}: PolicyReasonsProps & {
  /** Translation key of the alert's title. */
  title?: string;
}) => {
  const translate = useTranslate();
  return (
    <Alert severity="error" data-testid="policy-refusal" sx={{ mb: 2 }}>
      <AlertTitle>{translate(title)}</AlertTitle>
      <PolicyReasons {...reasons} />
    </Alert>
  );
};
