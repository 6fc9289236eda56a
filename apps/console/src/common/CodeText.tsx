import { Typography } from '@mui/material';
import type { ReactNode } from 'react';

/** A code, key or id in a monospace font on one line (receipt codes, key prefixes, ids). */
export const CodeText = ({ title, children }: { title?: string; children: ReactNode }) => (
  <Typography
    component="span"
    variant="body2"
    title={title}
    sx={{ fontFamily: 'monospace', whiteSpace: 'nowrap' }}
  >
    {children}
  </Typography>
);
