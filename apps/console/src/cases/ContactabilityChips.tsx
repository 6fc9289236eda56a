import AllowedIcon from '@mui/icons-material/CheckCircleOutline';
import RefusedIcon from '@mui/icons-material/DoNotDisturbOn';
import { Box, Chip, Stack, Tooltip, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';

import { PolicyReasons } from '../common/PolicyRefusal';
import type { ChannelContactability } from '../dataProvider/types';

/**
 * A case's contactability as a row of chips, one per channel: green when the policy allows it
 * now, red when it does not, with the reasons and the next allowed time in the tooltip.
 */
export const ContactabilityChips = ({
  contactability,
  timeZone,
  size = 'small',
}: {
  contactability: readonly ChannelContactability[] | undefined;
  timeZone: string | undefined;
  size?: 'small' | 'medium';
}) => {
  const translate = useTranslate();
  if (!contactability?.length) return null;
  return (
    <Stack
      direction="row"
      useFlexGap
      sx={{ flexWrap: 'wrap', gap: 1 }}
      data-testid="contactability"
    >
      {contactability.map((entry) => {
        const channel = translate(`enums.policyChannel.${entry.channel}`, { _: entry.channel });
        const state = translate(
          entry.allowed ? 'resources.cases.policy.allowed' : 'resources.cases.policy.refused',
        );
        const chip = (
          <Chip
            size={size}
            color={entry.allowed ? 'success' : 'error'}
            variant={entry.allowed ? 'outlined' : 'filled'}
            icon={entry.allowed ? <AllowedIcon /> : <RefusedIcon />}
            label={channel}
            aria-label={`${channel}: ${state}`}
            data-channel={entry.channel}
            data-allowed={entry.allowed}
          />
        );
        return entry.allowed ? (
          <Tooltip key={entry.channel} title={`${channel}: ${state}`}>
            {chip}
          </Tooltip>
        ) : (
          <Tooltip
            key={entry.channel}
            title={
              <Box>
                <Typography variant="subtitle2">{`${channel}: ${state}`}</Typography>
                <PolicyReasons
                  reasons={entry.reasons}
                  nextAllowedAt={entry.nextAllowedAt}
                  timeZone={timeZone}
                />
              </Box>
            }
          >
            {chip}
          </Tooltip>
        );
      })}
    </Stack>
  );
};
