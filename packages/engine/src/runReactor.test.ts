import { createMemoryEventStore } from '@strive/eventlog';
import { describe, expect, it } from 'vitest';
import { createEngine } from './createEngine.js';
import { reactorProjectionName } from './defineReactor.js';
import { tallyCommands, tallyReactor } from './fixtures/tallyReactor.js';
import { listParkedReactions, requestParkedRetry, retryParkedReaction } from './parkedReactions.js';
import { reactionCommandId } from './reactionCommandId.js';
import { reactToEvent, DEFAULT_REACTOR_RETRY } from './reactToEvent.js';
import { runReactor } from './runReactor.js';

const at = '2026-03-01T10:00:00+01:00';
const actor = { id: 'ann', role: 'clerk' };
const noteCmd = (i: number, tally = 'main') => ({
  type: 'Note',
  id: `note-cmd-${i}`,
  at,
  actor,
  noteId: String(i),
  tally,
});

const setup = () => {
  const store = createMemoryEventStore();
  const engine = createEngine({ store, commands: tallyCommands, sleep: async () => {} });
  return { store, engine };
};
const fast = {
  sleep: () => new Promise<void>((r) => setImmediate(r)),
  random: () => 0.5,
  pollIntervalMs: 5,
};

const countedOn = async (
  store: ReturnType<typeof createMemoryEventStore>,
  tally: string,
): Promise<string[]> => {
  const ids: string[] = [];
  for await (const e of store.readStream(`tally-${tally}`)) ids.push(e.metadata.commandId ?? '');
  return ids;
};

describe('reactors', () => {
  it('reacts once to an event delivered twice (same command ids, the second is a duplicate)', async () => {
    const { store, engine } = setup();
    const noted = await engine.handle(noteCmd(1));
    if (noted._tag !== 'Accepted') throw new Error('setup');
    const [event] = noted.events;
    if (event === undefined) throw new Error('setup');
    const deps = {
      handle: (i: unknown) => engine.handle(i),
      retry: DEFAULT_REACTOR_RETRY,
      ...fast,
    };
    const handled: string[] = [];
    const spy = {
      ...deps,
      handle: async (input: unknown) => {
        const o = await engine.handle(input);
        handled.push(`${o._tag}:${o._tag === 'Accepted' ? String(o.duplicate) : ''}`);
        return o;
      },
    };
    expect(await reactToEvent(spy, tallyReactor, event)).toEqual({ _tag: 'Reacted', commands: 1 });
    expect(await reactToEvent(spy, tallyReactor, event)).toEqual({ _tag: 'Reacted', commands: 1 });
    expect(handled).toEqual(['Accepted:false', 'Accepted:true']); // delivered twice, handled twice
    expect(await countedOn(store, 'main')).toEqual([reactionCommandId('tally', event.eventId, 0)]); // but counted once
  });

  it('runs from its checkpoint: a second runner over the same log reacts to nothing again', async () => {
    const { store, engine } = setup();
    for (let i = 0; i < 30; i++) await engine.handle(noteCmd(i));
    const first = runReactor({ engine, store, reactor: tallyReactor, batchSize: 7, ...fast });
    await first.waitFor(30);
    await first.stop();
    expect(await countedOn(store, 'main')).toHaveLength(30);
    // Each reaction's events name the event that caused it and the command that appended that event.
    const noted = new Map<string, string | undefined>();
    for await (const e of store.readAll())
      if (e.type === 'Noted') noted.set(e.eventId, e.metadata.commandId);
    for await (const e of store.readStream('tally-main')) {
      expect(noted.has(e.metadata.causationId ?? '')).toBe(true);
      expect(e.metadata.correlationId).toBe(noted.get(e.metadata.causationId ?? ''));
    }
    // The reactor's own Counted events are after 30: the checkpoint covers them too once read.
    const head = (await store.head()).globalPosition;
    expect(head).toBe(60);
    // Forget the checkpoint: every event is delivered again, and nothing is counted twice.
    await store.resetProjection(reactorProjectionName(tallyReactor));
    const again = runReactor({ engine, store, reactor: tallyReactor, ...fast });
    await again.waitFor(head);
    await again.stop();
    expect(await countedOn(store, 'main')).toHaveLength(30);
    expect((await store.head()).globalPosition).toBe(head);
  });

  it('parks a poison event after its retries and goes on with the rest; a retry after a fix reacts', async () => {
    const { store, engine } = setup();
    const tries: string[] = [];
    const counting = {
      handle: async (input: unknown) => {
        const o = await engine.handle(input);
        tries.push(o._tag);
        return o;
      },
    };
    for (let i = 0; i < 5; i++) await engine.handle(noteCmd(i, i === 2 ? 'poison' : 'main'));
    const parkedSeen: string[] = [];
    const runner = runReactor({
      engine: counting,
      store,
      reactor: tallyReactor,
      retry: { attempts: 3 },
      onParked: (p) => parkedSeen.push(p.eventId),
      ...fast,
    });
    await runner.waitFor(5);
    await runner.stop();
    expect(await countedOn(store, 'main')).toHaveLength(4);
    expect(tries.filter((t) => t === 'Rejected')).toHaveLength(3);
    const parked = await listParkedReactions(store, 'tally');
    expect(parked).toHaveLength(1);
    expect(parked[0]).toMatchObject({
      reactor: 'tally',
      eventType: 'Noted',
      streamId: 'note-2',
      globalPosition: 3,
      commandIndex: 0,
      attempts: 3,
      reason: { kind: 'Rejected', message: 'poison tallies are refused' },
    });
    expect(parkedSeen).toEqual([parked[0]?.eventId]);
    const eventId = parked[0]?.eventId ?? '';
    // Still refused: parked again with one more attempt.
    const again = await retryParkedReaction({ engine, store, reactor: tallyReactor, eventId });
    expect(again).toMatchObject({ _tag: 'Parked', parked: { attempts: 4 } });
    // "Fixed" (an engine that maps the poison tally to another): the retry reacts and unparks.
    const fixed = {
      handle: (input: unknown) =>
        engine.handle(
          typeof input === 'object' && input !== null ? { ...input, tally: 'recovered' } : input,
        ),
    };
    const done = await retryParkedReaction({
      engine: fixed,
      store,
      reactor: tallyReactor,
      eventId,
    });
    expect(done).toEqual({ _tag: 'Reacted', commands: 1 });
    expect(await listParkedReactions(store, 'tally')).toEqual([]);
    expect(await countedOn(store, 'recovered')).toEqual([reactionCommandId('tally', eventId, 0)]);
    expect(await retryParkedReaction({ engine, store, reactor: tallyReactor, eventId })).toEqual({
      _tag: 'NotParked',
      eventId,
    });
  });

  it('parks a reaction whose react throws, and one whose handle keeps throwing', async () => {
    const { store, engine } = setup();
    await engine.handle(noteCmd(1));
    const throwing = {
      ...tallyReactor,
      name: 'thrower',
      react: () => {
        throw new Error('boom');
      },
    };
    const r1 = runReactor({ engine, store, reactor: throwing, ...fast });
    await r1.waitFor(1);
    await r1.stop();
    const failing = { handle: () => Promise.reject(new Error('store away')) };
    const r2 = runReactor({
      engine: failing,
      store,
      reactor: { ...tallyReactor, name: 'failing' },
      retry: { attempts: 2 },
      ...fast,
    });
    await r2.waitFor(1);
    await r2.stop();
    expect((await listParkedReactions(store, 'thrower')).map((p) => p.reason)).toEqual([
      { kind: 'ReactFailed', message: 'boom' },
    ]);
    expect(
      (await listParkedReactions(store, 'failing')).map((p) => [p.attempts, p.reason]),
    ).toEqual([[2, { kind: 'Error', message: 'store away' }]]);
  });

  it('with leases, only the holder works and another takes over when it is released', async () => {
    const { store, engine } = setup();
    for (let i = 0; i < 10; i++) await engine.handle(noteCmd(i));
    let holder: string | undefined;
    let token = 0;
    const leases = (owner: string) => ({
      leaseMs: 1000,
      acquire: () => {
        if (holder !== undefined && holder !== owner) return Promise.resolve(undefined);
        holder = owner;
        token += 1;
        return Promise.resolve({
          token,
          renew: () => Promise.resolve(holder === owner),
          release: () => {
            if (holder === owner) holder = undefined;
            return Promise.resolve();
          },
        });
      },
    });
    const a = runReactor({ engine, store, reactor: tallyReactor, leases: leases('a'), ...fast });
    const b = runReactor({ engine, store, reactor: tallyReactor, leases: leases('b'), ...fast });
    await a.waitFor(10);
    expect([a.owning(), b.owning()]).toEqual([true, false]);
    await a.stop();
    await engine.handle(noteCmd(10));
    await b.waitFor(21);
    expect(b.owning()).toBe(true);
    await b.stop();
    expect(await countedOn(store, 'main')).toHaveLength(11);
  });

  it('retries the parked reactions marked by requestParkedRetry when the runner is idle', async () => {
    const { store, engine } = setup();
    let fixed = false;
    const fixable = {
      handle: (input: unknown) =>
        engine.handle(
          fixed && typeof input === 'object' && input !== null
            ? { ...input, tally: 'recovered' }
            : input,
        ),
    };
    for (let i = 0; i < 3; i++) await engine.handle(noteCmd(i, 'poison'));
    const runner = runReactor({
      engine: fixable,
      store,
      reactor: tallyReactor,
      retry: { attempts: 1 },
      ...fast,
    });
    await runner.waitFor(3);
    expect(await listParkedReactions(store, 'tally')).toHaveLength(3);
    fixed = true;
    expect(await requestParkedRetry(store, 'tally', 'nope')).toEqual([]);
    const [first] = await listParkedReactions(store, 'tally');
    expect(await requestParkedRetry(store, 'tally', first?.eventId ?? '')).toEqual([
      first?.eventId,
    ]);
    for (let i = 0; i < 100 && (await listParkedReactions(store, 'tally')).length > 2; i++)
      await new Promise((r) => setTimeout(r, 10));
    expect(await listParkedReactions(store, 'tally')).toHaveLength(2);
    expect(await requestParkedRetry(store, 'tally', 'all')).toHaveLength(2);
    for (let i = 0; i < 100 && (await listParkedReactions(store, 'tally')).length > 0; i++)
      await new Promise((r) => setTimeout(r, 10));
    await runner.stop();
    expect(await listParkedReactions(store, 'tally')).toEqual([]);
    expect(await countedOn(store, 'recovered')).toHaveLength(3);
  });
});
