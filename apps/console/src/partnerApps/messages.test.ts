import { describe, expect, it } from 'vitest';

import { messages } from '../i18n';

const lookup = (tree: unknown, key: string): unknown =>
  key
    .split('.')
    .reduce<unknown>(
      (node, part) =>
        node && typeof node === 'object' ? (node as Record<string, unknown>)[part] : undefined,
      tree,
    );

describe('partner app row actions', () => {
  it.each(Object.keys(messages))('name the button and the confirmation of each in %s', (locale) => {
    const tree = messages[locale as keyof typeof messages];
    const missing = (['revoke', 'rotate'] as const)
      .flatMap((action) => [
        `partnerApps.actions.${action}`,
        `partnerApps.${action}.title`,
        `partnerApps.${action}.content`,
        `partnerApps.${action}.confirm`,
      ])
      .filter((key) => typeof lookup(tree, key) !== 'string');
    expect(missing).toEqual([]);
  });
});
