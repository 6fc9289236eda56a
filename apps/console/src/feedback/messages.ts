import { defineMessages } from '../i18n/define';

export const messages = defineMessages(
  { resources: { feedback: { name: '借款人反馈' } } },
  { resources: { feedback: { name: 'Feedback |||| Feedback' } } },
);
