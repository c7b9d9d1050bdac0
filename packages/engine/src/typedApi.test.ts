// Type tests of the typed API: checked by `tsc -b` (each `@ts-expect-error` must meet an error).
import * as t from 'io-ts';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { setup } from 'xstate';
import { accept, reject } from './Decision.js';
import { commandsFor } from './commandsFor.js';
import { defineCommand } from './defineCommand.js';
import { defineProjection } from './defineProjection.js';
import { defineWorkflow } from './defineWorkflow.js';

const lamp = defineWorkflow({
  name: 'lamp',
  version: 1,
  machine: setup({ types: { context: {} as { watts: number } } }).createMachine({
    context: { watts: 0 },
    initial: 'off',
    states: { off: { on: { SwitchedOn: 'on' } }, on: { on: { SwitchedOff: 'off' } } },
  }),
  events: { SwitchedOn: t.strict({ watts: t.number }), SwitchedOff: t.strict({}) },
  evolve: { SwitchedOn: (_c, { watts }) => ({ watts }) },
});

const envelope = <T extends string>(type: T) => ({
  type,
  id: 'c1',
  at: '2026-01-01T00:00:00Z',
  actor: { id: 'ana', role: 'employee' },
});

describe('the typed engine API', () => {
  it('types a workflow’s events, context and initial context from the machine', () => {
    expectTypeOf(lamp.event('SwitchedOn', { watts: 5 })).toEqualTypeOf<{
      readonly type: 'SwitchedOn';
      readonly data: { watts: number };
    }>();
    expectTypeOf(lamp.initialContext).toEqualTypeOf<{ watts: number }>();
    // @ts-expect-error: no such event type
    lamp.event('SwitchedOnn', { watts: 5 });
    // @ts-expect-error: wrong data for the type
    lamp.event('SwitchedOn', { watts: 'five' });
  });

  it('types decide: command fields, state, and the events of each alias', () => {
    defineCommand({
      type: 'SwitchOn',
      fields: { lampId: t.string, watts: t.number },
      workflow: lamp,
      streamId: (cmd) => `lamp-${cmd.lampId}`,
      decide: (cmd, state, ctx) => {
        expectTypeOf(cmd.watts).toEqualTypeOf<number>();
        expectTypeOf(cmd.actor).toEqualTypeOf<{ id: string; role: string }>();
        expectTypeOf(state.context.watts).toEqualTypeOf<number>();
        expectTypeOf(ctx.at).toEqualTypeOf<string>();
        return state.value === 'on'
          ? reject({ ruleId: 'lamp.off', message: 'already on' })
          : accept(lamp.event('SwitchedOn', { watts: cmd.watts }));
      },
    });
    defineCommand({
      type: 'SwitchOff',
      fields: { lampId: t.string },
      workflow: lamp,
      streamId: (cmd: { lampId: string }) => `lamp-${cmd.lampId}`,
      // @ts-expect-error: an event type the workflow does not declare
      decide: () => accept({ type: 'Exploded', data: {} }),
    });
  });

  it('refuses an unknown alias, an event of another type and wrong data', () => {
    const streams = (cmd: { lampId: string }) => ({
      lamp: { workflow: lamp, streamId: `lamp-${cmd.lampId}` },
    });
    const fields = { lampId: t.string };
    defineCommand({ type: 'A', fields, streams, decide: () => accept({ lamp: [] }) });
    // @ts-expect-error: `bulb` is not one of the command's streams
    defineCommand({ type: 'B', fields, streams, decide: () => accept({ lamp: [], bulb: [] }) });
    defineCommand({
      type: 'C',
      fields,
      streams,
      // @ts-expect-error: SwitchedOn needs `watts`
      decide: () => accept({ lamp: [{ type: 'SwitchedOn', data: {} }] }),
    });
    defineCommand({
      type: 'D',
      fields,
      streams,
      // @ts-expect-error: wrong data through the typed constructor
      decide: () => accept({ lamp: [lamp.event('SwitchedOn', {})] }),
    });
  });

  it('types the commands of commandsFor, and needs the fields its stream id reads', () => {
    const lampCommand = commandsFor(lamp, (cmd: { lampId: string }) => `lamp-${cmd.lampId}`);
    const switchOn = lampCommand({
      type: 'SwitchOn',
      fields: { lampId: t.string, watts: t.number },
      decide: (cmd, state) => {
        expectTypeOf(cmd.watts).toEqualTypeOf<number>();
        expectTypeOf(state.context.watts).toEqualTypeOf<number>();
        return accept(lamp.event('SwitchedOn', { watts: cmd.watts }));
      },
    });
    expect(switchOn.streams({ ...envelope('SwitchOn'), lampId: '7', watts: 1 })).toEqual({
      lamp: { workflow: lamp, streamId: 'lamp-7' },
    });
    // @ts-expect-error: the stream id reads `lampId`, which these fields lack
    lampCommand({ type: 'Off', fields: { bulbId: t.string }, decide: () => accept() });
    // @ts-expect-error: `lampId` decodes to a number, the stream id needs a string
    lampCommand({ type: 'Off', fields: { lampId: t.number }, decide: () => accept() });
    lampCommand({
      type: 'Off',
      fields: { lampId: t.string },
      // @ts-expect-error: an event type the workflow does not declare
      decide: () => accept({ type: 'Exploded', data: {} }),
    });
  });

  it('types projection recipes from the workflow’s codecs', () => {
    defineProjection({
      name: 'lamps',
      version: 1,
      workflows: [lamp],
      initial: () => ({ watts: 0 }),
      apply: {
        SwitchedOn: (row, data) => {
          expectTypeOf(data).toEqualTypeOf<{ watts: number }>();
          row.watts = data.watts;
        },
      },
    });
    const unknownType = () =>
      // @ts-expect-error: no such event type in the workflows
      defineProjection({
        name: 'lamps',
        version: 1,
        workflows: [lamp],
        initial: () => ({ watts: 0 }),
        apply: { Exploded: () => undefined },
      });
    expect(unknownType).toThrow('no workflow of the projection declares "Exploded"');
  });
});
