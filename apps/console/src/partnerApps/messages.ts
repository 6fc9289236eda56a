import { defineMessages } from '../i18n/define';

export const messages = defineMessages(
  { resources: { partnerApps: { name: '合作方应用' } } },
  { resources: { partnerApps: { name: 'Partner app |||| Partner apps' } } },
);
