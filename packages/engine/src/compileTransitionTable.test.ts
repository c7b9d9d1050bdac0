import fc from 'fast-check';
import * as t from 'io-ts';
import { describe, expect, it } from 'vitest';
import { setup, transition, type AnyStateMachine, type StateValue } from 'xstate';
import { compileTransitionTable } from './compileTransitionTable.js';
import { defineWorkflow } from './defineWorkflow.js';
import { order, orderMachine } from './fixtures/orderWorkflow.js';
import { foldEvents, initialState } from './foldEvents.js';
import { machineEvent, settle, stepTable } from './stepTable.js';
import type { AnyWorkflow } from './Workflow.js';

const toValue = (dotted: string): StateValue => {
  const [head, ...rest] = dotted.split('.');
  return rest.length === 0 ? (head ?? '') : { [head ?? '']: toValue(rest.join('.')) };
};
const toDotted = (value: StateValue): string =>
  typeof value === 'string'
    ? value
    : Object.entries(value)
        .map(([k, v]) => (v === undefined ? k : `${k}.${toDotted(v)}`))
        .join(',');

/** Our table's step vs XState's own `transition()`, from the same state and context. */
const agree = (
  machine: AnyStateMachine,
  workflow: AnyWorkflow,
  value: string,
  context: unknown,
  type: string,
  data: unknown,
) => {
  const ours = stepTable(workflow.table, value, context, type, data);
  const settled =
    ours === undefined
      ? value
      : settle(workflow.table, ours, context, () => machineEvent(type, data));
  const snapshot = machine.resolveState({ value: toValue(value), context });
  const [next] = transition(machine, snapshot, machineEvent(type, data) as never);
  // eslint-disable-next-line @typescript-eslint/no-unsafe-assignment -- AnyStateMachine's snapshots are untyped
  const nextValue: StateValue = next.value;
  expect(settled).toBe(toDotted(nextValue));
};

const orderEvent = fc.oneof(
  fc.record({
    type: fc.constant('ItemAdded'),
    data: fc.record({ sku: fc.constant('a'), price: fc.integer({ min: 0, max: 60 }) }),
  }),
  fc.record({ type: fc.constant('OrderPlaced'), data: fc.constant({}) }),
  fc.record({
    type: fc.constant('PaymentReceived'),
    data: fc.record({ amount: fc.integer({ min: 0, max: 100 }) }),
  }),
  fc.record({ type: fc.constant('OrderCancelled'), data: fc.record({ reason: fc.constant('r') }) }),
  fc.record({ type: fc.constant('Shipped'), data: fc.record({ carrier: fc.constant('ups') }) }),
);

describe('compileTransitionTable', () => {
  it('agrees with XState transition() on random event sequences (differential)', () => {
    fc.assert(
      fc.property(fc.array(orderEvent, { maxLength: 30 }), (events) => {
        let state = initialState(order);
        for (const [i, e] of events.entries()) {
          agree(orderMachine, order, state.value, state.context, e.type, e.data);
          const at = '2026-01-01T00:00:00Z';
          const stored = {
            eventId: `e${i}`,
            streamId: 's',
            streamPosition: i + 1,
            globalPosition: i + 1,
            type: e.type,
            schemaVersion: e.type === 'PaymentReceived' ? 2 : 1,
            data: e.data,
            metadata: { at },
            prevHash: '',
            hash: '',
          };
          state = foldEvents(order, [stored], state);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('handles eventless, wildcard and parent transitions as XState does', () => {
    const machine = setup({
      types: {
        context: {} as { n: number },
        events: {} as { type: 'GO' } | { type: 'BUMP'; by: number } | { type: 'RESET' },
      },
      guards: { big: ({ context }) => context.n >= 3 },
    }).createMachine({
      id: 'm',
      initial: 'a',
      context: { n: 0 },
      on: { RESET: '.a' },
      states: {
        a: { on: { GO: 'b' } },
        b: { always: [{ guard: 'big', target: 'c' }], on: { '*': 'a' } },
        c: { initial: 'c1', states: { c1: { on: { GO: 'c2' } }, c2: {} } },
      },
    });
    const wf = defineWorkflow({
      name: 'm',
      version: 1,
      machine,
      initialContext: { n: 0 },
      events: {
        GO: { codec: t.strict({}), schemaVersion: 1 },
        BUMP: { codec: t.strict({ by: t.number }), schemaVersion: 1 },
        RESET: { codec: t.strict({}), schemaVersion: 1 },
      },
    });
    expect(wf.table.leaves).toEqual(['a', 'b', 'c.c1', 'c.c2']);
    fc.assert(
      fc.property(
        fc.constantFrom('a', 'b', 'c.c1', 'c.c2'),
        fc.integer({ min: 0, max: 5 }),
        fc.constantFrom('GO', 'BUMP', 'RESET'),
        (value, n, type) =>
          agree(machine, wf, value, { n }, type, type === 'BUMP' ? { by: 1 } : {}),
      ),
    );
  });

  it('refuses machines the table cannot represent, saying what to use instead', () => {
    const base = setup({ guards: { g: () => true } });
    const parallel = base.createMachine({ type: 'parallel', states: { x: {}, y: {} } });
    expect(() => compileTransitionTable(parallel, [])).toThrow(/parallel/);
    const delayed = base.createMachine({
      initial: 'a',
      states: { a: { after: { 1000: 'b' } }, b: {} },
    });
    expect(() => compileTransitionTable(delayed, [])).toThrow(/schedule\(\) timers/);
    const inline = setup({}).createMachine({
      initial: 'a',
      states: { a: { on: { E: { guard: () => true, target: 'b' } } }, b: {} },
    });
    expect(() => compileTransitionTable(inline, ['E'])).toThrow(/named guard/);
  });
});
