import { defineMessages } from '../i18n/define';

export const messages = defineMessages(
  { resources: { visits: { name: '上门' } } },
  { resources: { visits: { name: 'Visit |||| Visits' } } },
);
