import { defineMessages } from '../i18n/define';

export const messages = defineMessages(
  { resources: { tasks: { name: '待办' } } },
  { resources: { tasks: { name: 'Task |||| Tasks' } } },
);
