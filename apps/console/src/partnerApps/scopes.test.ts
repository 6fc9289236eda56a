import { PARTNER_SCOPES } from '@arrears/domain';
import { describe, expect, it } from 'vitest';

import { messages } from '../users/messages';
import { onScopesInput, SCOPE_CHOICES } from './scopes';

describe('partner scopes', () => {
  it('offers exactly the scopes the API accepts, each labelled in both languages', () => {
    expect(SCOPE_CHOICES.map((choice) => choice.id)).toEqual([...PARTNER_SCOPES]);
    for (const locale of ['zh-CN', 'en'] as const) {
      const labels: Record<string, string> = messages[locale].users.permissions;
      for (const choice of SCOPE_CHOICES) {
        const key = choice.name.replace('users.permissions.', '');
        expect(labels[key], `${locale} ${choice.id}`).toBeTruthy();
      }
    }
  });

  it("puts the API's per-scope errors under the one scopes input", () => {
    expect(
      onScopesInput({
        'scopes.1': '"audit:read" is not a partner scope',
        'scopes.3': '"x" is not a partner scope',
        name: 'must not be empty',
        'root.serverError': 'bad input',
      }),
    ).toEqual({
      scopes: '"audit:read" is not a partner scope; "x" is not a partner scope',
      name: 'must not be empty',
      'root.serverError': 'bad input',
    });
  });
});
