import {
  appendToStream,
  createMemoryEventStore,
  type EventStore,
  type LastEvents,
  type ReadStreamOptions,
  type StoredEvent,
} from '@strive/eventlog';
import * as t from 'io-ts';
import { describe, expect, it } from 'vitest';
import { setup } from 'xstate';
import { createEngine } from './createEngine.js';
import { accept, reject } from './Decision.js';
import { defineCommand, type StreamRef } from './defineCommand.js';
import { defineWorkflow } from './defineWorkflow.js';
import { headOf, type HeadWorkflow } from './headOf.js';

const branches = defineWorkflow({
  name: 'branch',
  machine: setup({ types: { context: {} as { members: string[] } } }).createMachine({
    context: { members: [] },
    initial: 'open',
    states: { open: { on: { Joined: {}, Closed: 'closed' } }, closed: {} },
  }),
  events: { Joined: t.strict({ memberId: t.string }), Closed: t.strict({}) },
  evolve: { Joined: (c, { memberId }) => ({ members: [...c.members, memberId] }) },
});

/** Closing a branch: not before the last event of any of its members, read at their heads. */
const close = defineCommand({
  type: 'Close',
  fields: { branchId: t.string },
  streams: (cmd) => ({ branch: { workflow: branches, streamId: `branch-${cmd.branchId}` } }),
  // #region heads
  derivedStreams: (_cmd, { branch }) => {
    const refs: Record<`member:${string}`, StreamRef<HeadWorkflow>> = {};
    for (const id of branch.context.members) refs[`member:${id}`] = headOf(`member-${id}`);
    return refs;
  },
  // #endregion heads
  decide: (cmd, states, { at }) => {
    heads.push(Object.entries(states).map(([alias, s]) => [alias, s.version, s.lastAt, s.context]));
    const late = Object.values(states).some((s) => s.lastAt !== null && s.lastAt > at);
    return late
      ? reject({ ruleId: 'clock', message: `${cmd.branchId}: a member moved after ${at}` })
      : accept({ branch: [branches.event('Closed', {})] });
  },
});
const heads: unknown[][] = [];

const actor = { id: 'desk', role: 'librarian' };
const event = (type: string, data: object, at: string) => ({
  type,
  data: { ...data },
  metadata: { at },
});

/** A store holding branch b1 with members m1 (two events) and m2 (none), counting stream reads. */
const seeded = async (reads: ReadStreamOptions[]): Promise<EventStore> => {
  const inner = createMemoryEventStore();
  await appendToStream(
    inner,
    'branch-b1',
    [
      event('Joined', { memberId: 'm1' }, '2026-05-01T09:00:00Z'),
      event('Joined', { memberId: 'm2' }, '2026-05-01T09:00:00Z'),
    ],
    { expectedVersion: 'no-stream' },
  );
  await appendToStream(
    inner,
    'member-m1',
    [event('Borrowed', {}, '2026-05-01T09:30:00Z'), event('Borrowed', {}, '2026-05-01T10:30:00Z')],
    { expectedVersion: 'no-stream' },
  );
  return {
    ...inner,
    readStream: (streamId, options = {}) => {
      if (streamId.startsWith('member-')) reads.push(options);
      return inner.readStream(streamId, options);
    },
  };
};

describe('headOf: streams read only at their head', () => {
  it('gives decide each stream’s version and last time from one read of its last event', async () => {
    heads.length = 0;
    const reads: ReadStreamOptions[] = [];
    const engine = createEngine({ store: await seeded(reads), commands: [close] });
    const early = await engine.handle({
      type: 'Close',
      id: 'c1',
      at: '2026-05-01T10:00:00Z',
      actor,
      branchId: 'b1',
    });
    expect(early._tag).toBe('Rejected');
    expect(heads[0]?.slice(1)).toEqual([
      ['member:m1', 2, '2026-05-01T10:30:00Z', null],
      ['member:m2', 0, null, null],
    ]);
    expect(reads).toEqual([
      { direction: 'backward', batchSize: 1 },
      { direction: 'backward', batchSize: 1 },
    ]);
    const later = await engine.handle({
      type: 'Close',
      id: 'c2',
      at: '2026-05-01T11:00:00Z',
      actor,
      branchId: 'b1',
    });
    expect(later._tag).toBe('Accepted');
    // Heads are never cached: the second command reads them again.
    expect(reads).toHaveLength(4);
    const head = headOf('member-m1');
    expect(await engine.load(head.workflow, head.streamId)).toEqual({
      value: 'head',
      context: null,
      version: 2,
      lastAt: '2026-05-01T10:30:00Z',
    });
  });

  it('checks a head’s version in the append: a racing event makes the command decide again', async () => {
    heads.length = 0;
    const reads: ReadStreamOptions[] = [];
    const store = await seeded(reads);
    let appends = 0;
    const raced: EventStore = {
      ...store,
      appendMany: async (requests, options) => {
        appends += 1;
        if (appends === 1)
          await appendToStream(
            store,
            'member-m2',
            [event('Borrowed', {}, '2026-05-01T11:30:00Z')],
            {
              expectedVersion: 'any',
            },
          );
        return store.appendMany(requests, options);
      },
    };
    const engine = createEngine({ store: raced, commands: [close] });
    const outcome = await engine.handle({
      type: 'Close',
      id: 'c1',
      at: '2026-05-01T11:00:00Z',
      actor,
      branchId: 'b1',
    });
    expect(appends).toBe(1);
    expect(outcome._tag).toBe('Rejected');
    expect(heads.map((h) => h[2])).toEqual([
      ['member:m2', 0, null, null],
      ['member:m2', 1, '2026-05-01T11:30:00Z', null],
    ]);
    expect((await engine.load(branches, 'branch-b1')).value).toBe('open');
  });

  it('refuses events decided for a head: a bug in the command, said before anything is stored', async () => {
    const bad = defineCommand({
      type: 'Touch',
      fields: { memberId: t.string },
      streams: (cmd) => ({ member: headOf(`member-${cmd.memberId}`) }),
      decide: () =>
        accept({
          member: [
            {
              type: 'TimerScheduled',
              data: { timerId: 't', fireAt: '2026-06-01T00:00:00Z', command: { type: 'X' } },
            },
          ],
        }),
    });
    const store = await seeded([]);
    const engine = createEngine({ store, commands: [bad] });
    await expect(
      engine.handle({ type: 'Touch', id: 't1', at: '2026-05-01T11:00:00Z', actor, memberId: 'm1' }),
    ).rejects.toThrow(/read only at its head \(headOf\)/);
    expect(await store.streamVersion('member-m1')).toBe(2);
  });
});

/** A memory store holding branch b9 with 600 members, m0 to m599; their ids. */
const branchOf600 = async () => {
  const inner = createMemoryEventStore();
  const ids = Array.from({ length: 600 }, (_, i) => `m${i}`);
  await appendToStream(
    inner,
    'branch-b9',
    ids.map((memberId) => event('Joined', { memberId }, '2026-05-01T09:00:00Z')),
    { expectedVersion: 'no-stream' },
  );
  return { inner, ids };
};

const closeB9 = { type: 'Close', id: 'c9', at: '2026-05-01T11:00:00Z', actor, branchId: 'b9' };

describe('many derived streams', () => {
  it('loads at most 256 at a time, and every one of them', async () => {
    const { inner } = await branchOf600();
    let inFlight = 0;
    let most = 0;
    const store: EventStore = {
      ...inner,
      readStream: async function* (streamId, options) {
        inFlight += 1;
        most = Math.max(most, inFlight);
        try {
          // One turn of the event loop inside each read, so that concurrent reads overlap.
          await new Promise((resolve) => setImmediate(resolve));
          yield* inner.readStream(streamId, options);
        } finally {
          inFlight -= 1;
        }
      },
    };
    heads.length = 0;
    const engine = createEngine({ store, commands: [close] });
    const outcome = await engine.handle(closeB9);
    expect(outcome._tag).toBe('Accepted');
    expect(heads[0]).toHaveLength(601);
    expect(most).toBe(256);
  });
});

describe('heads from a store with readLastEvents', () => {
  /** 600 members of branch b9, 300 of them with one event; `readLastEvents` over `readStream`. */
  const withLastEvents = async (calls: number[], memberReads: string[]) => {
    const { inner, ids } = await branchOf600();
    for (const id of ids.filter((_, i) => i % 2 === 0))
      await appendToStream(inner, `member-${id}`, [event('Borrowed', {}, `2026-05-01T10:00:00Z`)], {
        expectedVersion: 'no-stream',
      });
    const store: EventStore & LastEvents = {
      ...inner,
      readStream: (streamId, options) => {
        if (streamId.startsWith('member-')) memberReads.push(streamId);
        return inner.readStream(streamId, options);
      },
      readLastEvents: async (streamIds) => {
        calls.push(streamIds.length);
        const last = new Map<string, StoredEvent>();
        for (const id of streamIds)
          for await (const e of inner.readStream(id, { direction: 'backward', batchSize: 1 }))
            last.set(id, e);
        return last;
      },
    };
    return { store, plain: inner };
  };

  it('reads every head in one call per chunk, no stream read each, and decides the same', async () => {
    const calls: number[] = [];
    const memberReads: string[] = [];
    const { store } = await withLastEvents(calls, memberReads);
    heads.length = 0;
    const outcome = await createEngine({ store, commands: [close] }).handle(closeB9);
    const batched = heads.splice(0);
    expect(calls).toEqual([256, 256, 88]);
    expect(memberReads).toEqual([]);
    const { plain } = await withLastEvents([], []);
    const alone = await createEngine({ store: plain, commands: [close] }).handle(closeB9);
    expect(heads[0]).toEqual(batched[0]);
    expect(batched[0]?.[1]).toEqual(['member:m0', 1, '2026-05-01T10:00:00Z', null]);
    expect(batched[0]?.[2]).toEqual(['member:m1', 0, null, null]);
    expect(outcome._tag).toBe('Accepted');
    expect(alone._tag).toBe('Accepted');
  });
});
