import { Typography } from '@mui/material';
import { useEffect, type ReactNode } from 'react';
import {
  AppBar as RaAppBar,
  Layout as RaLayout,
  LoadingIndicator,
  LocalesMenuButton,
  TitlePortal,
  useLocaleState,
  useTranslate,
} from 'react-admin';

import { reauth } from './auth';
import { ReloginDialog } from './auth/ReloginDialog';
import { Menu } from './Menu';

/** The browser tab's title, before anything is translated. */
export const APP_TITLE = 'Arrears 催收管理';

/** The language switch (简体中文 / English) and react-admin's refresh button. */
const AppBarToolbar = () => (
  <>
    <LocalesMenuButton />
    <LoadingIndicator />
  </>
);

/** react-admin's app bar with the product name before the page title. */
const AppBar = () => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  // Screen readers and the browser's spell checker follow the language switch.
  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);
  return (
    <RaAppBar toolbar={<AppBarToolbar />}>
      <Typography
        variant="h6"
        component="span"
        noWrap
        sx={{ mr: 3, display: { xs: 'none', md: 'block' } }}
      >
        {translate('auth.appTitle')}
      </Typography>
      <TitlePortal />
    </RaAppBar>
  );
};

/**
 * react-admin's layout with the role-based menu, and the dialog that signs the user in again
 * over the page when the session ends under them.
 */
export const Layout = ({ children }: { children: ReactNode }) => (
  <>
    <RaLayout appBar={AppBar} menu={Menu}>
      {children}
    </RaLayout>
    {/* Outside the page's error boundary: it must stay up whatever the page does. */}
    <ReloginDialog reauth={reauth} />
  </>
);
