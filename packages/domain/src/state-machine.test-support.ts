import { describe, expect, it } from 'vitest';
import { InvalidTransitionError } from './errors.js';
import { type StateMachine } from './state-machine.js';

/**
 * Checks a machine against its transition table as restated by the test, over every ordered
 * pair of states (self-moves included): listed moves pass, every other one throws.
 */
export function describeTransitions<S extends string>(
  machine: StateMachine<S>,
  expected: Record<S, readonly S[]>,
): void {
  const states = Object.keys(expected) as S[];
  const pairs = states.flatMap((from) => states.map((to): [S, S] => [from, to]));
  const allowed = pairs.filter(([from, to]) => expected[from].includes(to));
  const refused = pairs.filter(([from, to]) => !expected[from].includes(to));

  describe(`${machine.name} transitions`, () => {
    it.each(allowed)('allows %s → %s', (from, to) => {
      expect(machine.can(from, to)).toBe(true);
      expect(() => machine.assert(from, to)).not.toThrow();
    });

    it.each(refused)('refuses %s → %s', (from, to) => {
      expect(machine.can(from, to)).toBe(false);
      let error: unknown;
      try {
        machine.assert(from, to);
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(InvalidTransitionError);
      expect(error).toMatchObject({
        code: 'CONFLICT',
        machine: machine.name,
        from,
        to,
        allowed: expected[from],
      });
    });

    it.each(states)('lists the moves out of %s', (state) => {
      expect([...machine.next(state)].sort()).toEqual([...expected[state]].sort());
      expect(machine.isFinal(state)).toBe(expected[state].length === 0);
    });
  });
}
