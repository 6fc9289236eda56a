import { describe, expect, it } from 'vitest';
import { InvalidTransitionError } from './errors.js';
import { defineStateMachine } from './state-machine.js';

type Light = 'RED' | 'GREEN' | 'YELLOW' | 'BROKEN';
const light = defineStateMachine<Light>('Light', {
  RED: ['GREEN', 'BROKEN'],
  GREEN: ['YELLOW', 'BROKEN'],
  YELLOW: ['RED', 'BROKEN'],
  BROKEN: [],
});

describe('defineStateMachine', () => {
  it('allows exactly the listed moves', () => {
    expect(light.name).toBe('Light');
    expect(light.can('RED', 'GREEN')).toBe(true);
    expect(light.can('RED', 'YELLOW')).toBe(false);
    expect(light.can('RED', 'RED')).toBe(false);
    expect(() => light.assert('GREEN', 'YELLOW')).not.toThrow();
  });

  it('lists next states and finds final ones', () => {
    expect(light.next('YELLOW')).toEqual(['RED', 'BROKEN']);
    expect(light.next('BROKEN')).toEqual([]);
    expect(light.isFinal('BROKEN')).toBe(true);
    expect(light.isFinal('RED')).toBe(false);
  });

  it('explains a refused move', () => {
    const act = () => light.assert('RED', 'YELLOW');
    expect(act).toThrow(InvalidTransitionError);
    expect(act).toThrow('Light cannot move from RED to YELLOW (allowed: GREEN, BROKEN)');
    expect(() => light.assert('BROKEN', 'RED')).toThrow(
      'Light cannot move from BROKEN to RED (BROKEN is final)',
    );
  });

  it('knows nothing of a state outside its type, even one named like an Object property', () => {
    const stored = 'constructor' as Light;
    expect(light.next(stored)).toEqual([]);
    expect(light.can(stored, 'RED')).toBe(false);
    expect(() => light.assert(stored, 'RED')).toThrow(InvalidTransitionError);
  });

  it('cannot be changed through what it returns or what it was given', () => {
    const transitions: Record<Light, Light[]> = {
      RED: ['GREEN'],
      GREEN: [],
      YELLOW: [],
      BROKEN: [],
    };
    const machine = defineStateMachine('Copy', transitions);
    transitions.RED.push('BROKEN');
    expect(machine.can('RED', 'BROKEN')).toBe(false);
    expect(() => (machine.next('RED') as Light[]).push('YELLOW')).toThrow(TypeError);
  });
});
