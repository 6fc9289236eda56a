import { describe, expect, it } from 'vitest';

import { fromZonedWall, nowInput, toZonedWall, zonedToday } from './zonedTime';

describe('zoned wall times', () => {
  it("shows an instant as the institution's wall time", () => {
    expect(toZonedWall('2026-03-01T14:30:00Z', 'Asia/Shanghai')).toBe('2026-03-01T22:30');
    expect(toZonedWall('2026-03-01T14:30:00Z', 'America/New_York')).toBe('2026-03-01T09:30');
    expect(toZonedWall('nonsense', 'Asia/Shanghai')).toBe('');
  });

  it("reads a typed wall time in the institution's zone, whatever the viewer's zone", () => {
    expect(fromZonedWall('2026-03-01T22:30', 'Asia/Shanghai')).toBe('2026-03-01T14:30:00.000Z');
    expect(fromZonedWall('2026-03-01T22:30:00', 'Asia/Shanghai')).toBe('2026-03-01T14:30:00.000Z');
    expect(fromZonedWall('2026-07-01T09:00', 'America/New_York')).toBe('2026-07-01T13:00:00.000Z');
  });

  it('round-trips', () => {
    const wall = '2026-11-23T07:59';
    expect(toZonedWall(fromZonedWall(wall, 'Asia/Shanghai') ?? '', 'Asia/Shanghai')).toBe(wall);
  });

  it('refuses what is not a wall time', () => {
    expect(fromZonedWall('', 'Asia/Shanghai')).toBeUndefined();
    expect(fromZonedWall('2026-03-01', 'Asia/Shanghai')).toBeUndefined();
    expect(fromZonedWall(undefined, 'Asia/Shanghai')).toBeUndefined();
  });

  it("gives today's date in the zone", () => {
    // 17:00 UTC is already the next day in Shanghai.
    expect(zonedToday('Asia/Shanghai', new Date('2026-03-01T17:00:00Z'))).toBe('2026-03-02');
    expect(zonedToday('UTC', new Date('2026-03-01T17:00:00Z'))).toBe('2026-03-01');
  });
});

describe('nowInput', () => {
  it('sends null (now) for the untouched value and the instant for a typed one', () => {
    const input = nowInput('Asia/Shanghai', new Date('2026-03-01T14:30:20Z'));
    expect(input.initial).toBe('2026-03-01T22:30');
    expect(input.toInstant('2026-03-01T22:30')).toBeNull();
    expect(input.toInstant('2026-03-01T21:00')).toBe('2026-03-01T13:00:00.000Z');
    expect(input.toInstant('')).toBeNull();
  });
});
