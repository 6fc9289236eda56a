import polyglotI18nProvider from 'ra-i18n-polyglot';
import englishMessages from 'ra-language-english';
import type { I18nProvider, TranslationMessages } from 'react-admin';

import { appMessagesEn } from './en';
import { raMessagesZhCN } from './ra-zh-CN';
import { appMessagesZhCN } from './zh-CN';

export const DEFAULT_LOCALE = 'zh-CN';

export const LOCALES = [
  { locale: 'zh-CN', name: '简体中文' },
  { locale: 'en', name: 'English' },
] as const;

export type LocaleCode = (typeof LOCALES)[number]['locale'];

export const messages: Record<LocaleCode, TranslationMessages> = {
  'zh-CN': { ...raMessagesZhCN, ...appMessagesZhCN },
  en: { ...englishMessages, ...appMessagesEn },
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
