import { Permission } from '@arrears/domain';
import { describe, expect, it } from 'vitest';

import { permissionKey } from '../common/access';
import { messages } from './messages';

describe('permission labels', () => {
  it('key a permission without its colon', () => {
    expect(permissionKey('cases:read')).toBe('cases_read');
  });

  it.each(['zh-CN', 'en'] as const)('name every permission in %s', (locale) => {
    const labels: Record<string, string> = messages[locale].users.permissions;
    const missing = Object.values(Permission).filter((p) => !labels[permissionKey(p)]);
    expect(missing).toEqual([]);
  });
});
