import { defineMessages } from '../i18n/define';

export const messages = defineMessages(
  { dashboard: { title: '概览' } },
  { dashboard: { title: 'Dashboard' } },
);
