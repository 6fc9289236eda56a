import { Admin, Resource } from 'react-admin';

import { authProvider, session } from './auth';
import cases from './cases';
import { createDataProvider } from './dataProvider';
import { i18nProvider } from './i18n';
import { APP_TITLE, Layout } from './Layout';

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
    {/* Referenced by the case filters; no screens of its own yet. */}
    <Resource name="institutions" recordRepresentation="name" />
  </Admin>
);
