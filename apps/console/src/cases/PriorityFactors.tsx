import { Box, LinearProgress, Stack, Tooltip, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';

import type { PriorityScore } from '../dataProvider/types';

/**
 * The factors of a priority score, each as a bar of its points out of its weight, with the
 * API's explanation of what it saw in the tooltip: why this case comes first.
 */
export const PriorityFactors = ({ priority }: { priority: PriorityScore }) => {
  const translate = useTranslate();
  return (
    <Stack spacing={1} data-testid="priority-factors">
      {priority.factors.map((factor) => (
        <Tooltip key={factor.code} title={factor.explanation} placement="left">
          <Box>
            <Stack direction="row" sx={{ justifyContent: 'space-between' }}>
              <Typography variant="body2">
                {translate(`resources.cases.priority.factors.${factor.code}`, { _: factor.code })}
              </Typography>
              <Typography
                variant="body2"
                color="text.secondary"
                sx={{ fontVariantNumeric: 'tabular-nums' }}
              >
                {translate('resources.cases.priority.points', {
                  points: factor.points,
                  weight: factor.weight,
                })}
              </Typography>
            </Stack>
            <LinearProgress
              variant="determinate"
              value={factor.weight > 0 ? (factor.points / factor.weight) * 100 : 0}
              aria-label={translate(`resources.cases.priority.factors.${factor.code}`, {
                _: factor.code,
              })}
              sx={{ height: 6, borderRadius: 3 }}
            />
          </Box>
        </Tooltip>
      ))}
    </Stack>
  );
};
