import { InvalidTransitionError } from './errors.js';

export interface StateMachine<S extends string> {
  readonly name: string;
  can(from: S, to: S): boolean;
  /** The states `from` may move to; empty for a final state. */
  next(from: S): readonly S[];
  /** @throws InvalidTransitionError (code CONFLICT) listing the allowed moves. */
  assert(from: S, to: S): void;
  isFinal(state: S): boolean;
}

/**
 * A status lifecycle written as data: each state lists where it may go, a state listing
 * nothing is final. Typing `transitions` as a Record over S forces every state to appear.
 */
export function defineStateMachine<S extends string>(
  name: string,
  transitions: Record<S, readonly S[]>,
): StateMachine<S> {
  // A Map, so a state read from storage that is not in S finds nothing rather than a
  // property of Object.prototype ("constructor", "toString").
  const moves = new Map<string, readonly S[]>(
    Object.entries<readonly S[]>(transitions).map(([from, to]) => [from, Object.freeze([...to])]),
  );
  const next = (from: S): readonly S[] => moves.get(from) ?? [];

  return Object.freeze({
    name,
    next,
    can: (from: S, to: S) => next(from).includes(to),
    isFinal: (state: S) => next(state).length === 0,
    assert(from: S, to: S): void {
      if (!next(from).includes(to)) throw new InvalidTransitionError(name, from, to, next(from));
    },
  });
}
