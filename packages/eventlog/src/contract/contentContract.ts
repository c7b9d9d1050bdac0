import { appendToStream } from '../appendToStream.js';
import { expect, it } from 'vitest';
import { GENESIS_HASH } from '../EventEnvelope.js';
import { computeEventHash } from '../hashEvent.js';
import { verify } from '../verifyChain.js';
import { collect, newTestEvent, unwrapRight, type ContractContext } from './contractKit.js';

/** Registers the hash chain, round-trip (Unicode, large payloads) and isolation tests. */
export const contentContract = (ctx: ContractContext): void => {
  it('reports the genesis head for an empty log, and verifies it', async () => {
    const store = ctx.log();
    expect(await store.head()).toEqual({ globalPosition: 0, hash: GENESIS_HASH });
    expect(await verify(store)).toEqual({
      _tag: 'ChainVerified',
      events: 0,
      headHash: GENESIS_HASH,
    });
  });

  it('links every event to the previous hash and stores hashes that recompute from content', async () => {
    const store = ctx.log();
    for (const s of ['a', 'b', 'a'])
      unwrapRight(
        await appendToStream(
          store,
          s,
          [newTestEvent('X', { s }), newTestEvent('Y', [1, 'two', null])],
          {
            expectedVersion: 'any',
          },
        ),
      );
    const events = await collect(store.readAll());
    expect(events[0]?.prevHash).toBe(GENESIS_HASH);
    for (const [i, e] of events.entries()) {
      expect(e.hash).toMatch(/^[0-9a-f]{64}$/);
      expect(computeEventHash(e)).toBe(e.hash);
      if (i > 0) expect(e.prevHash).toBe(events[i - 1]?.hash);
    }
    const head = await store.head();
    expect(head).toEqual({ globalPosition: 6, hash: events.at(-1)?.hash });
    expect(await verify(store)).toEqual({ _tag: 'ChainVerified', events: 6, headHash: head.hash });
  });

  it('round-trips Chinese text and emoji in stream ids, types, data keys and values', async () => {
    const store = ctx.log();
    const streamId = '活动-创先争优-🚀';
    const data = {
      标题: '创先争优',
      text: '争当先锋 💪🏽 👨‍👩‍👧 é (e\u0301) \u00a0 ﬁ',
      list: ['创', '先', '争', '优'],
      '😀': { nested: '北京' },
    };
    const metadata = { at: '2025-06-01T08:00:00+08:00', actor: { id: '张三', role: '书记' } };
    const r = unwrapRight(
      await appendToStream(store, streamId, [{ type: '创先争优.开始', data, metadata }], {
        expectedVersion: 'no-stream',
      }),
    );
    const [read] = await collect(store.readStream(streamId));
    expect(read).toEqual(r.events[0]);
    expect(read?.streamId).toBe(streamId);
    expect(read?.type).toBe('创先争优.开始');
    expect(read?.data).toEqual(data);
    expect(read?.metadata).toEqual(metadata);
    expect(await store.streamVersion(streamId)).toBe(1);
    expect(await verify(store)).toMatchObject({ _tag: 'ChainVerified', events: 1 });
  });

  it('round-trips control characters, escapes and number edge cases inside data', async () => {
    const store = ctx.log();
    const data = {
      nul: 'a\u0000b',
      controls: '\t\n\r\u0001\u001f\u007f',
      quotes: '"\\/\'',
      numbers: [0, -1, 1.5, 1e21, 1e-7, Number.MAX_SAFE_INTEGER, -0.000001],
      empty: { o: {}, a: [], s: '' },
    };
    unwrapRight(
      await appendToStream(store, 's', [newTestEvent('Odd', data)], { expectedVersion: 'any' }),
    );
    const [read] = await collect(store.readAll());
    expect(read?.data).toEqual(data);
    expect(await verify(store)).toMatchObject({ _tag: 'ChainVerified' });
  });

  it('round-trips a large (~900 KB) payload', async () => {
    const store = ctx.log();
    const bytes = Math.min(900_000, ctx.maxEventBytes - 10_000);
    const text = '创先争优'.repeat(Math.floor(bytes / 12));
    const rows = Array.from({ length: 100 }, (_, i) => ({ i, label: `row ${i} 😀` }));
    const data = { text, rows };
    unwrapRight(
      await appendToStream(store, 'big', [newTestEvent('Big', data)], { expectedVersion: 'any' }),
    );
    const [read] = await collect(store.readStream('big'));
    expect(read?.data).toEqual(data);
    expect(await verify(store)).toMatchObject({ _tag: 'ChainVerified', events: 1 });
  });

  it('keeps stored events safe from changes to the caller objects and to returned events', async () => {
    const store = ctx.log();
    const data = { list: [1, 2], inner: { x: 'a' } };
    const event = {
      type: 'T',
      data,
      metadata: { at: '2025-01-01T00:00:00Z', actor: { id: 'u', role: 'r' } },
    };
    const r = unwrapRight(await appendToStream(store, 's', [event], { expectedVersion: 'any' }));
    data.list.push(3);
    data.inner.x = 'changed';
    event.metadata.actor.id = 'someone else';
    const tamper = (f: () => void): void => {
      try {
        f();
      } catch {
        // A frozen event refuses the change; a copied one ignores it. Either is fine.
      }
    };
    const [returned] = r.events;
    const [read] = await collect(store.readAll());
    for (const e of [returned, read]) {
      if (e === undefined) throw new Error('no event');
      tamper(() => Reflect.set(e, 'type', 'Tampered'));
      tamper(() => Reflect.set(e.metadata, 'at', '1999-01-01T00:00:00Z'));
      const d: unknown = e.data;
      if (typeof d === 'object' && d !== null) tamper(() => Reflect.set(d, 'inner', null));
    }
    const [again] = await collect(store.readAll());
    expect(again?.type).toBe('T');
    expect(again?.data).toEqual({ list: [1, 2], inner: { x: 'a' } });
    expect(again?.metadata).toEqual({ at: '2025-01-01T00:00:00Z', actor: { id: 'u', role: 'r' } });
    expect(await store.readEvent(again?.eventId ?? '')).toEqual(again);
    expect(await verify(store)).toMatchObject({ _tag: 'ChainVerified' });
  });
};
