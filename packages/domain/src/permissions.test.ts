import { describe, expect, it } from 'vitest';
import { Role } from './enums.js';
import { PARTNER_SCOPES, Permission, isPartnerScope, roleHasPermission } from './permissions.js';

const WRITES = Object.values(Permission).filter((p) => !p.endsWith(':read'));

describe('role permissions', () => {
  it('lets auditors read and audit, and write nothing', () => {
    for (const permission of WRITES.filter((p) => p !== Permission.AUDIT_READ)) {
      expect(roleHasPermission(Role.AUDITOR, permission)).toBe(false);
    }
    expect(roleHasPermission(Role.AUDITOR, Permission.AUDIT_READ)).toBe(true);
    expect(roleHasPermission(Role.AUDITOR, Permission.CASES_READ)).toBe(true);
  });

  it('keeps case assignment, PII reveal and administration away from collectors', () => {
    for (const permission of [
      Permission.CASES_ASSIGN,
      Permission.PII_REVEAL,
      Permission.USERS_MANAGE,
      Permission.AUDIT_READ,
    ]) {
      expect(roleHasPermission(Role.COLLECTOR, permission)).toBe(false);
    }
    expect(roleHasPermission(Role.COLLECTOR, Permission.CONTACTS_WRITE)).toBe(true);
  });

  it('gives partner apps no administrative or personal-data scope', () => {
    for (const scope of [
      Permission.USERS_MANAGE,
      Permission.PARTNERS_MANAGE,
      Permission.PII_REVEAL,
      Permission.AUDIT_READ,
    ]) {
      expect(isPartnerScope(scope)).toBe(false);
    }
    expect(PARTNER_SCOPES).toContain('contacts:write');
    expect(isPartnerScope('cases:read')).toBe(true);
    expect(isPartnerScope('cases:delete')).toBe(false);
  });
});
