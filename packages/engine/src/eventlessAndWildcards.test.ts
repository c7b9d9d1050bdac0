import { describe, expect, it } from 'vitest';
import { setup } from 'xstate';
import { compileTransitionTable } from './compileTransitionTable.js';
import { settle, stepTable } from './stepTable.js';

// How the table steps through wildcard descriptors (exact, then the longest wildcard first) and
// eventless transitions (unguarded, targetless, self-targeting, looping), and when a machine is done.
const noEvent = () => ({ type: 'none' });

describe('wildcard transitions', () => {
  const m = setup({}).createMachine({
    initial: 'a',
    states: {
      a: {
        on: {
          'order.paid': 'exact',
          '*': 'any',
          'order.*': 'order',
          'order.paid.*': 'paid',
        },
      },
      exact: {},
      any: {},
      order: {},
      paid: {},
    },
  });
  const types = ['order.paid', 'order.paid.card', 'order.placed', 'orders', 'other'];
  // compiled inside each test, so that mutation testing ties the table's code to these tests
  const table = () => compileTransitionTable(m, types);
  it.each([
    ['order.paid', 'exact'],
    ['order.paid.card', 'paid'],
    ['order.placed', 'order'],
    ['orders', 'any'],
    ['other', 'any'],
  ])('%s goes to %s', (type, target) => {
    expect(stepTable(table(), 'a', {}, type, {})).toBe(target);
  });
});

describe('a descriptor without a wildcard', () => {
  it('matches only its own event type, not types it is a prefix of', () => {
    const m = setup({}).createMachine({
      initial: 'a',
      states: { a: { on: { ab: 'x', '*': 'y' } }, x: {}, y: {} },
    });
    expect(stepTable(compileTransitionTable(m, ['abc']), 'a', {}, 'abc', {})).toBe('y');
  });
});

describe('eventless transitions', () => {
  const m = setup({ guards: { never: () => false } }).createMachine({
    initial: 'a',
    states: {
      a: { always: { target: 'b' } },
      b: { always: [{ guard: 'never', target: 'a' }, { target: 'c' }] },
      c: { always: { actions: [] } },
      d: { always: { target: 'd' } },
      e: { always: { target: 'f' } },
      f: { always: { target: 'e' } },
    },
  });
  const table = () => compileTransitionTable(m, []);
  it('follows unguarded ones, past a guard that fails, to a state with none enabled', () => {
    expect(settle(table(), 'a', {}, noEvent)).toBe('c');
  });
  it('stays on a targetless one and on one that targets its own state', () => {
    expect(settle(table(), 'c', {}, noEvent)).toBe('c');
    expect(settle(table(), 'd', {}, noEvent)).toBe('d');
  });
  it('refuses a loop, saying which guard to make false', () => {
    expect(() => settle(table(), 'e', {}, noEvent)).toThrow(
      'eventless transitions loop from "e"; make one of their guards false',
    );
  });
});

describe("a parent's eventless transition", () => {
  const m = setup({
    guards: { big: ({ context }: { context: { n: number } }) => context.n >= 3 },
  }).createMachine({
    initial: 'a',
    context: { n: 0 },
    always: { guard: 'big', target: '.c' },
    states: { a: {}, b: {}, c: {} },
  });
  it('applies to every child state that has none of its own', () => {
    expect(settle(compileTransitionTable(m, []), 'a', { n: 5 }, noEvent)).toBe('c');
    expect(settle(compileTransitionTable(m, []), 'b', { n: 1 }, noEvent)).toBe('b');
  });
});

describe('final states', () => {
  const m = setup({}).createMachine({
    initial: 'open',
    states: {
      open: {
        initial: 'x',
        on: { CLOSE: 'closed' },
        states: { x: { on: { END: 'y' } }, y: { type: 'final' } },
      },
      closed: { type: 'final', on: { REOPEN: 'open' } },
    },
  });
  const table = () => compileTransitionTable(m, ['CLOSE', 'END', 'REOPEN']);
  it('a top-level final state takes no more events; a nested one still does', () => {
    expect([...table().done]).toEqual(['closed']);
    expect(stepTable(table(), 'closed', {}, 'REOPEN', {})).toBeUndefined();
    expect(stepTable(table(), 'open.y', {}, 'CLOSE', {})).toBe('closed');
  });
  it('lists no candidates for an event a state does not take', () => {
    expect(table().on.get('open.x')?.has('REOPEN')).toBe(false);
  });
});
