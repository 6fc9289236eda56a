import { messages, type LocaleCode } from '../../src/i18n';

/**
 * The console's own words, so tests find elements by what a person reads. `key` is a
 * react-admin/console translation key; `%{name}` placeholders are filled from `values`; for a
 * `singular |||| plural` message the first form is taken unless `plural` is set.
 */
export function t(
  key: string,
  values: Record<string, string | number> = {},
  { locale = 'zh-CN', plural = false }: { locale?: LocaleCode; plural?: boolean } = {},
): string {
  let node: unknown = messages[locale];
  for (const part of key.split('.')) {
    node =
      typeof node === 'object' && node !== null
        ? (node as Record<string, unknown>)[part]
        : undefined;
  }
  if (typeof node !== 'string') throw new Error(`no ${locale} message for ${key}`);
  const forms = node.split('||||').map((form) => form.trim());
  const text = (plural ? forms[forms.length - 1] : forms[0])!;
  return text.replace(/%\{(\w+)\}/g, (_, name: string) => String(values[name] ?? `%{${name}}`));
}

/** `t` in English. */
export const en = (key: string, values: Record<string, string | number> = {}) =>
  t(key, values, { locale: 'en' });

/** A pattern matching the message with any values in its placeholders. */
export function pattern(key: string, options?: { locale?: LocaleCode; plural?: boolean }): RegExp {
  const text = t(key, {}, options);
  const escaped = text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/%\\\{\w+\\\}/g, '.*');
  return new RegExp(escaped);
}
