import { Typography } from '@mui/material';
import type { ReactNode } from 'react';
import { AppBar as RaAppBar, Layout as RaLayout, TitlePortal } from 'react-admin';

export const APP_TITLE = 'Arrears 催收管理';

/** react-admin's app bar with the product name before the page title. */
const AppBar = () => (
  <RaAppBar>
    <Typography variant="h6" component="span" noWrap sx={{ mr: 3 }}>
      {APP_TITLE}
    </Typography>
    <TitlePortal />
  </RaAppBar>
);

export const Layout = ({ children }: { children: ReactNode }) => (
  <RaLayout appBar={AppBar}>{children}</RaLayout>
);
