import {
  AccessDenied,
  Admin,
  CanAccess,
  CustomRoutes,
  reactRouterProvider,
  Resource,
} from 'react-admin';

import { createAppDataProvider } from './appDataProvider';
import audit from './audit';
import { authProvider, session } from './auth';
import { LoginPage } from './auth/LoginPage';
import borrowers from './borrowers';
import cases from './cases';
import contacts from './contacts';
import { CUSTOM_PAGES } from './customPages';
import { Home } from './dashboard';
import feedback from './feedback';
import { i18nProvider } from './i18n';
import { APP_TITLE, Layout } from './Layout';
import partnerApps from './partnerApps';
import tasks from './tasks';
import users from './users';
import visits from './visits';

// Every API call carries the signed-in session's token (renewed when it is about to expire).
const dataProvider = createAppDataProvider(session);

// react-admin's default router; react-router-dom is not a dependency of its own here.
const { Route } = reactRouterProvider;

export const App = () => (
  <Admin
    title={APP_TITLE}
    layout={Layout}
    loginPage={LoginPage}
    dashboard={Home}
    dataProvider={dataProvider}
    authProvider={authProvider}
    requireAuth
    i18nProvider={i18nProvider}
    // Case data is bank customers' personal data: the console makes no calls home.
    disableTelemetry
  >
    <Resource name="cases" {...cases} />
    <Resource name="borrowers" {...borrowers} />
    <Resource name="contacts" {...contacts} />
    <Resource name="visits" {...visits} />
    <Resource name="feedback" {...feedback} />
    <Resource name="tasks" {...tasks} />
    <Resource name="users" {...users} />
    <Resource name="partnerApps" {...partnerApps} />
    <Resource name="auditEvents" {...audit} />
    {/* Referenced by the case filters; no screens of their own. */}
    <Resource name="institutions" recordRepresentation="name" />
    <CustomRoutes>
      {CUSTOM_PAGES.flatMap(({ path, access, component: Page }) =>
        Page
          ? [
              <Route
                key={path}
                path={path}
                element={
                  // Custom routes get no access check of their own from react-admin.
                  <CanAccess {...access} accessDenied={<AccessDenied />}>
                    <Page />
                  </CanAccess>
                }
              />,
            ]
          : [],
      )}
    </CustomRoutes>
  </Admin>
);
