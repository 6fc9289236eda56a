import { defineMessages } from '../i18n/define';

export const messages = defineMessages(
  { resources: { borrowers: { name: '借款人' } } },
  { resources: { borrowers: { name: 'Borrower |||| Borrowers' } } },
);
