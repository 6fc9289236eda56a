import { Box, Divider, Stack, Typography } from '@mui/material';
import type { ReactNode } from 'react';
import { useTranslate } from 'react-admin';

/**
 * A titled group of fields on a record's page; shows `empty` (a translation key) instead when it
 * is set. `aside` sits beside the title (a button, a chip). `level` is the title's heading
 * level: 2 for a page's own sections, 3 for sections inside a tab or card.
 */
export const Section = ({
  title,
  empty,
  aside,
  level = 2,
  children,
}: {
  title: string;
  empty?: string | undefined;
  aside?: ReactNode;
  level?: 2 | 3;
  children: ReactNode;
}) => {
  const translate = useTranslate();
  const heading = (
    <Typography
      variant={level === 3 ? 'subtitle1' : 'h6'}
      component={level === 3 ? 'h3' : 'h2'}
      sx={level === 3 ? { fontWeight: 600 } : undefined}
      gutterBottom={aside === undefined}
    >
      {translate(title)}
    </Typography>
  );
  return (
    <Box component="section" sx={{ mb: 3 }}>
      {aside === undefined ? (
        heading
      ) : (
        <Stack direction="row" spacing={1} sx={{ alignItems: 'center', mb: 1 }}>
          {heading}
          {aside}
        </Stack>
      )}
      <Divider sx={{ mb: 2 }} />
      {empty ? (
        <Typography variant="body2" color="text.secondary">
          {translate(empty)}
        </Typography>
      ) : (
        <Stack spacing={1.5}>{children}</Stack>
      )}
    </Box>
  );
};
