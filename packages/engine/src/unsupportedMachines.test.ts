import { describe, expect, it } from 'vitest';
import { and, setup } from 'xstate';
import { compileTransitionTable } from './compileTransitionTable.js';

// Every machine shape the transition table cannot represent is refused while the workflow is
// defined, naming the state (the root as "(root)") and what to use instead.
describe('compileTransitionTable refuses what it cannot represent', () => {
  const base = setup({ guards: { g: () => true } });

  it('a history state', () => {
    const m = base.createMachine({
      initial: 'a',
      states: { a: { initial: 'h', states: { h: { type: 'history' }, x: {} } } },
    });
    expect(() => compileTransitionTable(m, [])).toThrow(
      'history state "a.h" is not supported; use compound states',
    );
  });

  it('invoked actors, at the root or in a state', () => {
    const child = setup({}).createMachine({});
    const inRoot = setup({ actors: { child } }).createMachine({ invoke: { src: 'child' } });
    expect(() => compileTransitionTable(inRoot, [])).toThrow(
      'state "(root)" invokes actors; the engine folds events only',
    );
    const inState = setup({ actors: { child } }).createMachine({
      initial: 'a',
      states: { a: { invoke: { src: 'child' } } },
    });
    expect(() => compileTransitionTable(inState, [])).toThrow('state "a" invokes actors');
  });

  it("reacting to XState's own events", () => {
    const m = base.createMachine({ on: { 'xstate.init': {} } });
    expect(() => compileTransitionTable(m, [])).toThrow(
      'state "(root)" reacts to "xstate.init", which is not supported',
    );
  });

  it('a named guard that setup does not implement', () => {
    const m = base.createMachine({
      initial: 'a',
      // @ts-expect-error -- the point: a guard name that setup({ guards }) does not declare
      states: { a: { on: { E: { guard: 'missing', target: 'b' } } }, b: {} },
    });
    expect(() => compileTransitionTable(m, ['E'])).toThrow(
      '"E" in "a" names guard "missing", which setup({ guards }) does not implement',
    );
  });

  it('an inline guard, on an event at the root or on an eventless transition', () => {
    const onRoot = setup({}).createMachine({
      initial: 'a',
      on: { E: { guard: () => true, target: '.b' } },
      states: { a: {}, b: {} },
    });
    expect(() => compileTransitionTable(onRoot, ['E'])).toThrow(
      '"E" in "(root)" uses an inline or higher-order guard',
    );
    const always = setup({}).createMachine({
      initial: 'a',
      always: { guard: () => false, target: '.b' },
      states: { a: {}, b: {} },
    });
    expect(() => compileTransitionTable(always, [])).toThrow(
      'always in "(root)" uses an inline or higher-order guard',
    );
  });

  it('a higher-order guard (and, or, not), though it has a type of its own', () => {
    const m = base.createMachine({
      initial: 'a',
      states: { a: { on: { E: { guard: and(['g', 'g']), target: 'b' } } }, b: {} },
    });
    expect(() => compileTransitionTable(m, ['E'])).toThrow(
      '"E" in "a" uses an inline or higher-order guard; use a named guard from setup({ guards })',
    );
  });

  it('a guard that is neither a name nor a { type: string } object, whatever else it carries', () => {
    // XState runs a function guard itself even when it has a `type`, and looks `{ type: 42 }` up as "42".
    const shapes: unknown[] = [Object.assign(() => false, { type: 'g' }), null, { type: 42 }, {}];
    for (const guard of shapes) {
      const m = base.createMachine({
        initial: 'a',
        states: { a: { on: { E: { guard: guard as never, target: 'b' } } }, b: {} },
      });
      expect(() => compileTransitionTable(m, ['E'])).toThrow(
        '"E" in "a" uses an inline or higher-order guard; use a named guard from setup({ guards })',
      );
    }
  });

  it('a transition with several targets', () => {
    const m = base.createMachine({
      initial: 'a',
      states: { a: { on: { E: { target: ['b', 'c'] } } }, b: {}, c: {} },
    });
    expect(() => compileTransitionTable(m, ['E'])).toThrow(
      '"E" in "a" has several targets (parallel regions are not supported)',
    );
  });

  it('accepts a named guard given with params and a machine with only supported shapes', () => {
    const m = base.createMachine({
      initial: 'a',
      states: { a: { on: { E: { guard: { type: 'g', params: { n: 1 } }, target: 'b' } } }, b: {} },
    });
    const table = compileTransitionTable(m, ['E']);
    const [candidate] = table.on.get('a')?.get('E') ?? [];
    expect(candidate?.guard?.name).toBe('g');
    expect(candidate?.guard?.params).toEqual({ n: 1 });
    expect(candidate?.target).toBe('b');
  });
});
