import { describe, expect, it } from 'vitest';

import { actionsFor, groupByCollector, isOpen, visitsByDay } from './agenda';

const wang = { id: 'u1', displayName: '王磊' };
const li = { id: 'u2', displayName: '李娜' };
const zhao = { id: 'u3', displayName: '赵敏' };

const visit = (
  id: string,
  windowStart: string,
  collectors: { id: string; displayName: string }[],
) => ({
  id,
  windowStart,
  collectors,
});

describe('actionsFor', () => {
  it('offers the moves the visit state machine allows', () => {
    expect(actionsFor('PLANNED')).toEqual(['confirm', 'reschedule', 'cancel']);
    expect(actionsFor('CONFIRMED')).toEqual(['checkIn', 'noShow', 'reschedule', 'cancel']);
    expect(actionsFor('CHECKED_IN')).toEqual(['complete']);
  });

  it('offers nothing on a visit that is over', () => {
    for (const status of ['COMPLETED', 'NO_SHOW', 'CANCELLED', 'RESCHEDULED'] as const) {
      expect(actionsFor(status)).toEqual([]);
      expect(isOpen(status)).toBe(false);
    }
  });
});

describe('groupByCollector', () => {
  const morning = visit('v1', '2026-11-24T01:00:00Z', [wang, li]);
  const noon = visit('v2', '2026-11-24T04:00:00Z', [li, zhao]);
  const early = visit('v3', '2026-11-24T00:30:00Z', [li, wang]);

  it('puts a visit on the agenda of each of its collectors, in start order', () => {
    const groups = groupByCollector([morning, noon, early], { locale: 'en' });
    const byId = new Map(groups.map((g) => [g.collector.id, g.visits.map((v) => v.id)]));
    expect(byId.get('u1')).toEqual(['v3', 'v1']);
    expect(byId.get('u2')).toEqual(['v3', 'v1', 'v2']);
    expect(byId.get('u3')).toEqual(['v2']);
  });

  it('lists the signed-in collector first, then by name', () => {
    const groups = groupByCollector([morning, noon], { firstId: 'u3', locale: 'zh-CN' });
    expect(groups[0]?.collector.id).toBe('u3');
    expect(groups).toHaveLength(3);
  });

  it('has no group without visits', () => {
    expect(groupByCollector([])).toEqual([]);
  });
});

describe('visitsByDay', () => {
  it('files each visit under the day it starts on in the zone, by start time', () => {
    const days = ['2026-11-23', '2026-11-24'];
    const lateSunday = visit('a', '2026-11-23T16:30:00Z', [wang]); // 00:30 on the 24th in Shanghai
    const monday = visit('b', '2026-11-23T02:00:00Z', [wang]);
    const outside = visit('c', '2026-11-30T02:00:00Z', [wang]);
    const byDay = visitsByDay([lateSunday, outside, monday], days, 'Asia/Shanghai');
    expect(byDay.get('2026-11-23')?.map((v) => v.id)).toEqual(['b']);
    expect(byDay.get('2026-11-24')?.map((v) => v.id)).toEqual(['a']);
    expect([...byDay.keys()]).toEqual(days);
  });
});
