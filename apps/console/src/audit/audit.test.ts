import { describe, expect, it } from 'vitest';

import { AUDIT_ACTIONS, AUDIT_ENTITY_TYPES, AUDIT_VERBS, splitAction } from './actions';
import { parseActor, userActor } from './actor';
import { formatFromDay, formatToDay, parseFromDay, parseToDay } from './dayRange';
import { auditDiff, flatten, isIsoInstant, valueText } from './diff';
import { messages } from './messages';

describe('parseActor', () => {
  it('reads users, partner apps, the system and anonymous callers', () => {
    expect(parseActor('user:019356ae-a778')).toEqual({ kind: 'user', id: '019356ae-a778' });
    expect(parseActor('partner:abc')).toEqual({ kind: 'partner', id: 'abc' });
    expect(parseActor('system')).toEqual({ kind: 'system' });
    expect(parseActor('anonymous')).toEqual({ kind: 'anonymous' });
    expect(parseActor('user:')).toEqual({ kind: 'other', raw: 'user:' });
    expect(parseActor('robot')).toEqual({ kind: 'other', raw: 'robot' });
    expect(parseActor(userActor('u1'))).toEqual({ kind: 'user', id: 'u1' });
  });
});

describe('audit actions', () => {
  it('splits an action into its entity type and verb', () => {
    expect(splitAction('case.update')).toEqual({ entityType: 'Case', verb: 'update' });
    expect(splitAction('caseHold.create')).toEqual({ entityType: 'CaseHold', verb: 'create' });
    expect(splitAction('borrower.revealPii')).toEqual({
      entityType: 'Borrower',
      verb: 'revealPii',
    });
    expect(splitAction('spaceship.launch')).toBeUndefined();
    expect(splitAction('case')).toBeUndefined();
  });

  it('lists every action the API records, each splittable', () => {
    expect(AUDIT_ACTIONS).toContain('feedback.update');
    expect(AUDIT_ACTIONS).toContain('borrower.revealPii');
    expect(AUDIT_ACTIONS.filter((action) => !splitAction(action))).toEqual([]);
  });
});

describe('auditDiff', () => {
  it('shows a create as every property added', () => {
    expect(auditDiff(null, { status: 'RECEIVED', rating: null })).toEqual([
      { path: 'status', before: undefined, after: 'RECEIVED', change: 'added' },
      { path: 'rating', before: undefined, after: null, change: 'added' },
    ]);
  });

  it('shows a delete as every property removed', () => {
    expect(auditDiff({ id: 'h1' }, null)).toEqual([
      { path: 'id', before: 'h1', after: undefined, change: 'removed' },
    ]);
  });

  it("shows an update's changed properties, nested ones by path", () => {
    const rows = auditDiff(
      { status: 'RECEIVED', acknowledgedAt: null, address: { city: '昆明', district: '五华' } },
      {
        status: 'ACKNOWLEDGED',
        acknowledgedAt: '2026-11-23T01:00:00.000Z',
        address: { city: '昆明', district: '盘龙' },
        phones: '[redacted]',
      },
    );
    expect(rows.map((row) => [row.path, row.change])).toEqual([
      ['status', 'changed'],
      ['acknowledgedAt', 'changed'],
      ['address.city', 'unchanged'],
      ['address.district', 'changed'],
      ['phones', 'added'],
    ]);
  });

  it('compares arrays as a whole', () => {
    expect(auditDiff({ scopes: ['cases:read'] }, { scopes: ['cases:read'] })[0]?.change).toBe(
      'unchanged',
    );
    expect(
      auditDiff({ scopes: ['cases:read'] }, { scopes: ['cases:read', 'contacts:write'] })[0]
        ?.change,
    ).toBe('changed');
  });

  it('reads a snapshot that is not an object as one value', () => {
    expect(flatten('text')).toEqual(new Map([['', 'text']]));
    expect(flatten(null).size).toBe(0);
  });
});

describe('diff values', () => {
  it('writes strings as they are and the rest as JSON', () => {
    expect(valueText('a')).toBe('a');
    expect(valueText(3)).toBe('3');
    expect(valueText(null)).toBe('null');
    expect(valueText(['a', 'b'])).toBe('["a","b"]');
    expect(valueText(undefined)).toBe('');
  });

  it('recognises the instants the API writes', () => {
    expect(isIsoInstant('2026-11-23T01:42:06.516Z')).toBe(true);
    expect(isIsoInstant('2026-11-23T09:42:06+08:00')).toBe(true);
    expect(isIsoInstant('2026-11-23')).toBe(false);
    expect(isIsoInstant('PSBC-2026-11-23T01:42')).toBe(false);
  });
});

describe('day filters in the institution time zone', () => {
  const zone = 'Asia/Shanghai';

  it("turns a picked day into that local day's bounds", () => {
    expect(parseFromDay('2026-11-20', zone)).toBe('2026-11-19T16:00:00.000Z');
    expect(parseToDay('2026-11-20', zone)).toBe('2026-11-20T16:00:00.000Z');
    expect(parseFromDay('', zone)).toBeNull();
    expect(parseToDay('20/11/2026', zone)).toBeNull();
  });

  it('shows the bounds as the days that were picked', () => {
    expect(formatFromDay('2026-11-19T16:00:00.000Z', zone)).toBe('2026-11-20');
    expect(formatToDay('2026-11-20T16:00:00.000Z', zone)).toBe('2026-11-20');
    expect(formatFromDay(undefined, zone)).toBe('');
    expect(formatToDay('not a date', zone)).toBe('');
    expect(formatToDay('2026-11-20', zone)).toBe('2026-11-20');
  });

  it('follows the zone it is given', () => {
    expect(parseFromDay('2026-07-04', 'America/New_York')).toBe('2026-07-04T04:00:00.000Z');
  });
});

describe('audit labels', () => {
  it.each(['zh-CN', 'en'] as const)('name every entity type and verb in %s', (locale) => {
    const { entityTypes, verbs } = messages[locale].audit;
    expect(
      AUDIT_ENTITY_TYPES.filter((type) => !(entityTypes as Record<string, string>)[type]),
    ).toEqual([]);
    expect(AUDIT_VERBS.filter((verb) => !(verbs as Record<string, string>)[verb])).toEqual([]);
  });
});
