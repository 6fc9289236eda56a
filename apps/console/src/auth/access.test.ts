import { describe, expect, it } from 'vitest';

import { RESOURCES } from '../dataProvider';
import { ACCESS_RULES, canRoleAccess } from './access';
import { createAuthProvider } from './authProvider';
import { createReauth } from './reauth';
import type { Session } from './session';
import type { SessionUser } from './tokenStore';

/** The menu each role gets: the pages whose `list` it may open, in the menu's order. */
const MENU = [
  'dashboard',
  'worklist',
  'cases',
  'borrowers',
  'visits',
  'contacts',
  'feedback',
  'tasks',
  'users',
  'partnerApps',
  'auditEvents',
] as const;
const menuOf = (role: string) => MENU.filter((resource) => canRoleAccess(role, resource, 'list'));

describe('canRoleAccess: menus by role (the issue)', () => {
  it('gives the collector the worklist, cases, visits, contacts and tasks', () => {
    expect(menuOf('COLLECTOR')).toEqual(['worklist', 'cases', 'visits', 'contacts', 'tasks']);
  });

  it('gives the supervisor the dashboard, cases, borrowers, visits, contacts, feedback and tasks', () => {
    expect(menuOf('SUPERVISOR')).toEqual([
      'dashboard',
      'cases',
      'borrowers',
      'visits',
      'contacts',
      'feedback',
      'tasks',
    ]);
  });

  it('gives the admin everything but the collector worklist, with users, partner apps and the audit log', () => {
    expect(menuOf('ADMIN')).toEqual(MENU.filter((resource) => resource !== 'worklist'));
    expect(canRoleAccess('ADMIN', 'collectionPolicies', 'edit')).toBe(true);
    expect(canRoleAccess('ADMIN', 'dailyCycle', 'run')).toBe(true);
  });

  it('gives the auditor the dashboard, cases and the audit log', () => {
    expect(menuOf('AUDITOR')).toEqual(['dashboard', 'cases', 'auditEvents']);
  });

  it('keeps the policy and the daily cycle to admins', () => {
    for (const role of ['SUPERVISOR', 'COLLECTOR', 'AUDITOR']) {
      expect(canRoleAccess(role, 'collectionPolicies', 'edit'), role).toBe(false);
      expect(canRoleAccess(role, 'dailyCycle', 'run'), role).toBe(false);
    }
  });
});

describe('canRoleAccess: actions follow the API permissions', () => {
  it('lets the auditor read cases but never change them', () => {
    for (const action of ['list', 'show', 'export']) {
      expect(canRoleAccess('AUDITOR', 'cases', action), action).toBe(true);
    }
    for (const action of ['create', 'edit', 'delete', 'assign']) {
      expect(canRoleAccess('AUDITOR', 'cases', action), action).toBe(false);
    }
    expect(canRoleAccess('AUDITOR', 'auditEvents', 'verify')).toBe(true);
  });

  it('lets a collector log contacts and work visits, not assign cases or reveal PII', () => {
    expect(canRoleAccess('COLLECTOR', 'contacts', 'create')).toBe(true);
    expect(canRoleAccess('COLLECTOR', 'visits', 'checkIn')).toBe(true);
    expect(canRoleAccess('COLLECTOR', 'cases', 'edit')).toBe(true);
    expect(canRoleAccess('COLLECTOR', 'cases', 'assign')).toBe(false);
    expect(canRoleAccess('COLLECTOR', 'borrowers', 'revealPII')).toBe(false);
    // A case's borrower opens, though borrowers are not in the collector's menu.
    expect(canRoleAccess('COLLECTOR', 'borrowers', 'show')).toBe(true);
  });

  it('lets a supervisor reveal PII and release holds; the admin does neither PII nor contacts', () => {
    expect(canRoleAccess('SUPERVISOR', 'borrowers', 'revealPII')).toBe(true);
    expect(canRoleAccess('SUPERVISOR', 'holds', 'release')).toBe(true);
    expect(canRoleAccess('ADMIN', 'borrowers', 'revealPII')).toBe(false);
    expect(canRoleAccess('ADMIN', 'contacts', 'create')).toBe(false);
  });

  it('never edits or deletes a contact, and nobody creates feedback in the console', () => {
    for (const role of ['ADMIN', 'SUPERVISOR', 'COLLECTOR', 'AUDITOR']) {
      expect(canRoleAccess(role, 'contacts', 'edit'), role).toBe(false);
      expect(canRoleAccess(role, 'contacts', 'delete'), role).toBe(false);
      expect(canRoleAccess(role, 'feedback', 'create'), role).toBe(false);
    }
  });

  it('follows the resource for field-level checks, and allows resources it does not know', () => {
    expect(canRoleAccess('SUPERVISOR', 'users.role', 'edit')).toBe(false);
    expect(canRoleAccess('ADMIN', 'users.role', 'edit')).toBe(true);
    expect(canRoleAccess('AUDITOR', 'somethingNew', 'edit')).toBe(true);
  });

  it('allows nothing without a role', () => {
    expect(canRoleAccess(undefined, 'cases', 'list')).toBe(false);
    expect(canRoleAccess('ROOT', 'somethingNew', 'list')).toBe(false);
  });

  it('has a rule for every resource of the data provider', () => {
    expect(RESOURCES.filter((resource) => !ACCESS_RULES[resource])).toEqual([]);
  });
});

describe('authProvider.getPermissions / canAccess', () => {
  const user = (role: SessionUser['role']): SessionUser => ({
    id: 'u1',
    displayName: '审计员',
    email: 'auditor@psbc.demo',
    role,
    institution: { id: 'i1', code: 'PSBC', name: '邮储银行', timeZone: 'Asia/Shanghai' },
  });
  const sessionOf = (current: SessionUser | undefined): Session => ({
    user: () => current,
    lastUser: () => current,
    token: () => Promise.resolve(current ? 't' : undefined),
    renew: () => Promise.resolve(undefined),
    login: () => Promise.reject(new Error('not used')),
    logout: () => Promise.resolve(),
  });

  it("returns the signed-in user's role and answers canAccess by it", async () => {
    const authProvider = createAuthProvider(sessionOf(user('AUDITOR')), createReauth());
    await expect(authProvider.getPermissions?.({})).resolves.toBe('AUDITOR');
    await expect(
      authProvider.canAccess?.({ resource: 'auditEvents', action: 'list' }),
    ).resolves.toBe(true);
    await expect(authProvider.canAccess?.({ resource: 'cases', action: 'edit' })).resolves.toBe(
      false,
    );
  });

  it('denies everything when nobody is signed in', async () => {
    const authProvider = createAuthProvider(sessionOf(undefined), createReauth());
    await expect(authProvider.getPermissions?.({})).resolves.toBeUndefined();
    await expect(authProvider.canAccess?.({ resource: 'cases', action: 'list' })).resolves.toBe(
      false,
    );
  });
});
