import polyglotI18nProvider from 'ra-i18n-polyglot';
import englishMessages from 'ra-language-english';
import type { I18nProvider, TranslationMessages } from 'react-admin';

import { messages as auditMessages } from '../audit/messages';
import { messages as authMessages } from '../auth/messages';
import { messages as borrowersMessages } from '../borrowers/messages';
import { messages as casesMessages } from '../cases/messages';
import { messages as contactsMessages } from '../contacts/messages';
import { messages as dashboardMessages } from '../dashboard/messages';
import { messages as feedbackMessages } from '../feedback/messages';
import { messages as partnerAppsMessages } from '../partnerApps/messages';
import { messages as policyMessages } from '../policy/messages';
import { messages as tasksMessages } from '../tasks/messages';
import { messages as usersMessages } from '../users/messages';
import { messages as visitsMessages } from '../visits/messages';
import { messages as worklistMessages } from '../worklist/messages';
import { mergeMessages, type LocalizedMessages, type MessageTree } from './define';
import { appMessagesEn } from './en';
import { raMessagesZhCN } from './ra-zh-CN';
import { appMessagesZhCN } from './zh-CN';

export const DEFAULT_LOCALE = 'zh-CN';

export const LOCALES = [
  { locale: 'zh-CN', name: '简体中文' },
  { locale: 'en', name: 'English' },
] as const;

export type LocaleCode = (typeof LOCALES)[number]['locale'];

/** Each screen folder's own messages, kept beside its screens. */
const FOLDER_MESSAGES: LocalizedMessages<MessageTree>[] = [
  auditMessages,
  authMessages,
  borrowersMessages,
  casesMessages,
  contactsMessages,
  dashboardMessages,
  feedbackMessages,
  partnerAppsMessages,
  policyMessages,
  tasksMessages,
  usersMessages,
  visitsMessages,
  worklistMessages,
];

export const messages: Record<LocaleCode, TranslationMessages> = {
  'zh-CN': mergeMessages(
    raMessagesZhCN as MessageTree,
    appMessagesZhCN,
    ...FOLDER_MESSAGES.map((m) => m['zh-CN']),
  ) as TranslationMessages,
  en: mergeMessages(
    englishMessages as MessageTree,
    appMessagesEn,
    ...FOLDER_MESSAGES.map((m) => m.en),
  ) as TranslationMessages,
};

const isLocaleCode = (locale: string): locale is LocaleCode => Object.hasOwn(messages, locale);

/**
 * zh-CN by default, English on request (react-admin's locale menu appears in the app bar
 * because there are two locales, and remembers the choice in its store).
 */
export const i18nProvider: I18nProvider = polyglotI18nProvider(
  (locale) => messages[isLocaleCode(locale) ? locale : DEFAULT_LOCALE],
  DEFAULT_LOCALE,
  [...LOCALES],
);
