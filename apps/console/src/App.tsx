import { Admin, Resource } from 'react-admin';

import cases from './cases';
import { createDataProvider } from './dataProvider';
import { i18nProvider } from './i18n';
import { APP_TITLE, Layout } from './Layout';

const dataProvider = createDataProvider({ url: '/graphql' });

export const App = () => (
  <Admin
    title={APP_TITLE}
    layout={Layout}
    dataProvider={dataProvider}
    i18nProvider={i18nProvider}
    // Case data is bank customers' personal data: the console makes no calls home.
    disableTelemetry
  >
    <Resource name="cases" {...cases} />
    {/* Referenced by the case filters; no screens of its own yet. */}
    <Resource name="institutions" recordRepresentation="name" />
  </Admin>
);
