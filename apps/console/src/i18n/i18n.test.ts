import englishMessages from 'ra-language-english';
import { describe, expect, it } from 'vitest';

import { ENUM_CHOICES } from '../common/enums';
import { DEFAULT_LOCALE, i18nProvider, messages } from './index';
import { raMessagesZhCN } from './ra-zh-CN';

type Tree = { [key: string]: Tree | string | undefined };

/** Every leaf of a message tree as [dotted key, message]. */
const leaves = (tree: Tree, prefix = ''): Array<[string, string]> =>
  Object.entries(tree).flatMap(([key, value]): Array<[string, string]> => {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') return [[path, value]];
    return value ? leaves(value, path) : [];
  });

const placeholders = (message: string): string[] =>
  [...message.matchAll(/%\{(\w+)\}/g)].map(([, name]) => name ?? '').sort();

describe('zh-CN messages for react-admin', () => {
  const english = new Map(leaves(englishMessages));
  const chinese = new Map(leaves(raMessagesZhCN));

  it('translate exactly the keys ra-language-english has', () => {
    expect([...chinese.keys()].sort()).toEqual([...english.keys()].sort());
  });

  it('use only placeholders the English message offers', () => {
    for (const [key, message] of chinese) {
      const offered = new Set(placeholders(english.get(key) ?? ''));
      const used = placeholders(message).filter((name) => !offered.has(name));
      expect(used, key).toEqual([]);
    }
  });
});

describe('i18nProvider', () => {
  it('starts in zh-CN and offers English', () => {
    expect(DEFAULT_LOCALE).toBe('zh-CN');
    expect(i18nProvider.getLocale()).toBe('zh-CN');
    expect(i18nProvider.getLocales?.()).toEqual([
      { locale: 'zh-CN', name: '简体中文' },
      { locale: 'en', name: 'English' },
    ]);
  });

  it('translates react-admin and console messages in both locales', async () => {
    const { translate } = i18nProvider;
    expect(translate('resources.cases.name', { smart_count: 2 })).toBe('案件');
    expect(translate('resources.cases.fields.borrower.fullName')).toBe('借款人');
    expect(
      translate('ra.navigation.page_range_info', { offsetBegin: 1, offsetEnd: 25, total: 73 }),
    ).toBe('第 1-25 条，共 73 条');
    expect(translate('ra.action.bulk_actions', { smart_count: 3 })).toBe('已选择 3 项');

    await i18nProvider.changeLocale('en');
    try {
      expect(translate('resources.cases.name', { smart_count: 2 })).toBe('Cases');
      expect(translate('enums.caseStatus.PROMISED')).toBe('Promised');
      expect(translate('ra.action.bulk_actions', { smart_count: 3 })).toBe('3 items selected');
    } finally {
      await i18nProvider.changeLocale(DEFAULT_LOCALE);
    }
  });

  it.each(Object.keys(messages))('labels every enum choice in %s', (locale) => {
    const keys = new Set(leaves(messages[locale as keyof typeof messages]).map(([key]) => key));
    const choices = Object.values(ENUM_CHOICES).flat();
    expect(choices.length).toBeGreaterThan(0);
    expect(choices.filter(({ name }) => !keys.has(name))).toEqual([]);
  });
});
