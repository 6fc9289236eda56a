import { Admin, Resource } from 'react-admin';

import audit from './audit';
import { authProvider, session } from './auth';
import borrowers from './borrowers';
import cases from './cases';
import contacts from './contacts';
import { createDataProvider } from './dataProvider';
import feedback from './feedback';
import { i18nProvider } from './i18n';
import { APP_TITLE, Layout } from './Layout';
import partnerApps from './partnerApps';
import tasks from './tasks';
import users from './users';
import visits from './visits';

// Every API call carries the signed-in session's token (renewed when it is about to expire).
const dataProvider = createDataProvider({ url: '/graphql', auth: session });

export const App = () => (
  <Admin
    title={APP_TITLE}
    layout={Layout}
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
    {/* Referenced by the case filters; no screens of its own. */}
    <Resource name="institutions" recordRepresentation="name" />
  </Admin>
);
