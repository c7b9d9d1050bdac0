import * as E from 'fp-ts/lib/Either.js';
import {
  appendToStream,
  createMemoryEventStore,
  type EventStore,
  type StoredEvent,
} from '@strive/eventlog';
import { computeEventHash } from '@strive/eventlog/adapter';
import { expect, it } from 'vitest';
import { consumeEvents, type ConsumedEvent } from './consumeEvents.js';
import { ensureEventStream } from './ensureEventStream.js';
import { encodeEvent } from './eventMessage.js';
import { describeNats, freshStream } from './natsTestEnv.js';
import { runRelay } from './runRelay.js';
import { subjectOf } from './subjectOf.js';

const metadata = { at: '2026-03-01T10:00:00+01:00' };

const appendSome = async (store: EventStore, n: number): Promise<void> => {
  for (let i = 0; i < n; i++) {
    const streamId = i % 3 === 0 ? `claim-${i % 5}` : `payment-${i % 4}`;
    const type = i % 3 === 0 ? 'ClaimApproved' : i % 2 === 0 ? 'PaymentScheduled' : 'PaymentSent';
    const r = await appendToStream(store, streamId, [{ type, data: { i }, metadata }], {
      expectedVersion: 'any',
    });
    if (E.isLeft(r)) throw new Error('append');
  }
};

/** The first `n` messages of a stream (then stops the consumer). */
const firstMessages = async (
  gen: AsyncGenerator<ConsumedEvent>,
  n: number,
): Promise<ConsumedEvent[]> => {
  const out: ConsumedEvent[] = [];
  if (n === 0) return out;
  for await (const m of gen) {
    out.push(m);
    if (out.length >= n) break;
  }
  return out;
};

describeNats('runRelay and consumeEvents against NATS JetStream', (nats) => {
  it('publishes every event once, in log order, by subject; a republish is dropped as a duplicate', async () => {
    const { name, prefix } = freshStream();
    nats.track(name);
    await ensureEventStream(nats.jsm(), { name, subjects: [`${prefix}.>`], storage: 'memory' });
    const store = createMemoryEventStore();
    await appendSome(store, 60);
    const commits: [number, number, number][] = [];
    const opts = {
      name: 'all',
      store,
      js: nats.js(),
      subject: subjectOf(prefix),
      batchSize: 25,
      pollIntervalMs: 10,
      onCommit: (c: number, p: number, d: number) => commits.push([c, p, d]),
    };
    const relay = runRelay(opts);
    await relay.waitFor(60);
    await relay.stop();
    expect(commits).toEqual([
      [25, 25, 0],
      [50, 25, 0],
      [60, 10, 0],
    ]);
    // Forget the checkpoint: the whole log is published again and JetStream drops all 60.
    await store.resetProjection('relay:all');
    commits.length = 0;
    const again = runRelay(opts);
    await again.waitFor(60);
    await again.stop();
    expect(commits.reduce((n, [, , d]) => n + d, 0)).toBe(60);
    const info = await nats.jsm().streams.info(name);
    expect(info.state.messages).toBe(60);
    const read = await firstMessages(
      consumeEvents({ js: nats.js(), stream: name, chain: true }),
      60,
    );
    const events = read.map((m) => (E.isRight(m.event) ? m.event.right : undefined));
    const log: StoredEvent[] = [];
    for await (const e of store.readAll()) log.push(e);
    expect(events).toEqual(log);
    expect(read[0]?.subject).toBe(`${prefix}.claim.ClaimApproved`);
    expect(read[1]?.subject).toBe(`${prefix}.payment.PaymentSent`);
  });

  it('publishes only the chosen types; a filtered consumer reads its subjects', async () => {
    const { name, prefix } = freshStream();
    nats.track(name);
    await ensureEventStream(nats.jsm(), { name, subjects: [`${prefix}.>`], storage: 'memory' });
    const store = createMemoryEventStore();
    await appendSome(store, 30);
    const relay = runRelay({
      name: 'claims',
      store,
      js: nats.js(),
      types: ['ClaimApproved', 'PaymentSent'],
      subject: subjectOf(prefix),
      pollIntervalMs: 10,
    });
    await relay.waitFor(30);
    await relay.stop();
    expect((await nats.jsm().streams.info(name)).state.messages).toBe(10 + 10);
    const claims = await firstMessages(
      consumeEvents({ js: nats.js(), stream: name, filterSubjects: [`${prefix}.claim.>`] }),
      10,
    );
    expect(claims.every((m) => E.isRight(m.event) && m.event.right.type === 'ClaimApproved')).toBe(
      true,
    );
  });

  it('tells a forged message: altered content, and content re-hashed by the forger (the chain)', async () => {
    const store = createMemoryEventStore();
    await appendSome(store, 3);
    const log: StoredEvent[] = [];
    for await (const e of store.readAll()) log.push(e);
    const [first, second, third] = log;
    if (first === undefined || second === undefined || third === undefined)
      throw new Error('setup');
    const js = nats.js();
    const fresh = async (): Promise<{ name: string; subject: (e: StoredEvent) => string }> => {
      const { name, prefix } = freshStream();
      nats.track(name);
      await ensureEventStream(nats.jsm(), { name, subjects: [`${prefix}.>`], storage: 'memory' });
      return { name, subject: subjectOf(prefix) };
    };
    const altered = { ...second, data: { i: 999 } };
    const resealed = { ...altered, hash: computeEventHash(altered) };
    // Altered content, and a body that is no event: the own-hash check tells them.
    const a = await fresh();
    for (const [body, id] of [
      [encodeEvent(first), first.eventId],
      [encodeEvent(altered), 'forged-1'],
      [new TextEncoder().encode('{"not":"an event"}'), 'forged-2'],
    ] as const)
      await js.publish(a.subject(second), body, { msgID: id });
    const plain = await firstMessages(consumeEvents({ js, stream: a.name }), 3);
    expect(plain.map((m) => (E.isLeft(m.event) ? m.event.left.reason : 'ok'))).toEqual([
      'ok',
      `event ${second.eventId}: content does not match its hash`,
      'not a stored event envelope',
    ]);
    // A forger who re-hashes passes the own-hash check; the chain breaks at the next genuine event.
    const b = await fresh();
    for (const e of [first, resealed, third])
      await js.publish(b.subject(e), encodeEvent(e), { msgID: `${e.eventId}:${e.hash}` });
    const own = await firstMessages(consumeEvents({ js, stream: b.name }), 3);
    expect(own.every((m) => E.isRight(m.event))).toBe(true);
    const chained = await firstMessages(consumeEvents({ js, stream: b.name, chain: true }), 3);
    expect(chained.map((m) => (E.isLeft(m.event) ? m.event.left.reason : 'ok'))).toEqual([
      'ok',
      'ok',
      'prevHash does not match the previous event',
    ]);
  });
});
