import { defineMessages } from '../i18n/define';

export const messages = defineMessages(
  { worklist: { title: '我的工作台' } },
  { worklist: { title: 'My worklist' } },
);
