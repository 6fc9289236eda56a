import { defineMessages } from '../i18n/define';

export const messages = defineMessages(
  { resources: { contacts: { name: '催记' } } },
  { resources: { contacts: { name: 'Contact |||| Contacts' } } },
);
