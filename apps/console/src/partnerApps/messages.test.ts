import { describe, expect, it } from 'vitest';

import { messages } from '../i18n';
import { messageAt as lookup } from '../i18n/define';

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
