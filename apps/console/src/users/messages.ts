import { defineMessages } from '../i18n/define';

export const messages = defineMessages(
  { resources: { users: { name: '用户' } } },
  { resources: { users: { name: 'User |||| Users' } } },
);
