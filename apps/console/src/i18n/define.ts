/** A message tree: nested keys, strings at the leaves. */
export type MessageTree = { [key: string]: MessageTree | string };

/** The messages of one part of the console in both locales; the English must have the same keys. */
export interface LocalizedMessages<T extends MessageTree> {
  'zh-CN': T;
  en: T;
}

/**
 * Declares one folder's messages: zh-CN (the default) gives the shape, English must match it,
 * so no key can be missing in either. Each folder keeps to its own namespace
 * (`resources.<name>` and, for its own words, a top-level key named after the folder).
 */
export function defineMessages<T extends MessageTree>(zhCN: T, en: T): LocalizedMessages<T> {
  return { 'zh-CN': zhCN, en };
}

/** The message at a dotted key (`visits.actions.confirm`), or undefined when the tree has none. */
export const messageAt = (tree: unknown, key: string): unknown =>
  key
    .split('.')
    .reduce<unknown>(
      (node, part) =>
        node && typeof node === 'object' ? (node as Record<string, unknown>)[part] : undefined,
      tree,
    );

/** Merges message trees; a later tree's leaf wins, sub-trees merge key by key. */
export function mergeMessages(...trees: MessageTree[]): MessageTree {
  const merged: MessageTree = {};
  for (const tree of trees) {
    for (const [key, value] of Object.entries(tree)) {
      const existing = merged[key];
      merged[key] =
        typeof value === 'object' && typeof existing === 'object'
          ? mergeMessages(existing, value)
          : value;
    }
  }
  return merged;
}
