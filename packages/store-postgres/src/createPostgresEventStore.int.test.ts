import * as E from 'fp-ts/lib/Either.js';
import { expect, it } from 'vitest';
import { appendToStream, isConcurrencyConflict, isInvalidEvent, verify } from '@strive/eventlog';
import { describePg } from './pgSuite.js';

const at = '2010-05-10T09:00:00+08:00';
const ev = (type: string, data: Record<string, number | string> = {}) => ({
  type,
  data,
  metadata: { at },
});

const collect = async <A>(it: AsyncIterable<A>): Promise<A[]> => {
  const out: A[] = [];
  for await (const x of it) out.push(x);
  return out;
};

describePg('createPostgresEventStore', ({ store }) => {
  it('appends, reads back, and keeps a verifiable hash chain', async () => {
    const s = store();
    const r = await appendToStream(s, 'c-1', [ev('A', { n: 1 }), ev('B')], {
      expectedVersion: 'no-stream',
    });
    expect(E.isRight(r) && r.right.globalPositions).toEqual([1, 2]);
    const r2 = await s.appendMany([
      { streamId: 'c-2', expectedVersion: 0, events: [ev('C')] },
      { streamId: 'c-1', expectedVersion: 2, events: [ev('D')] },
    ]);
    expect(E.isRight(r2)).toBe(true);
    expect((await collect(s.readStream('c-1'))).map((e) => e.type)).toEqual(['A', 'B', 'D']);
    expect((await collect(s.readAll())).map((e) => e.globalPosition)).toEqual([1, 2, 3, 4]);
    expect(await s.streamVersion('c-1')).toBe(3);
    expect(await verify(s)).toMatchObject({ _tag: 'ChainVerified', events: 4 });
  });

  it('refuses a stale expected version with a ConcurrencyConflict and writes nothing', async () => {
    const s = store();
    await appendToStream(s, 'x', [ev('A')], { expectedVersion: 'no-stream' });
    const r = await appendToStream(s, 'x', [ev('B')], { expectedVersion: 0 });
    expect(E.isLeft(r) && isConcurrencyConflict(r.left) && r.left.actual).toBe(1);
    expect((await s.head()).globalPosition).toBe(1);
  });

  it('refuses bad input before any I/O', async () => {
    const s = store();
    const r = await appendToStream(s, 'x', [{ type: 'A', data: { n: NaN }, metadata: { at } }], {
      expectedVersion: 'any',
    });
    expect(E.isLeft(r) && isInvalidEvent(r.left) && r.left.path).toBe('events[0].data.n');
  });

  it('stores a 1,000-character CJK stream id (hashed in the unique index)', async () => {
    const s = store();
    const id = Array.from({ length: 1000 }, (_, i) =>
      String.fromCharCode(0x4e00 + ((i * 7919) % 20000)),
    ).join('');
    const r = await appendToStream(s, id, [ev('A')], { expectedVersion: 'no-stream' });
    expect(E.isRight(r)).toBe(true);
    expect(await s.streamVersion(id)).toBe(1);
    expect((await collect(s.readStream(id))).length).toBe(1);
  });
});
