import * as E from 'fp-ts/lib/Either.js';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { appendToStream, isStoreUnavailable, verify } from '@strive/eventlog';
import { createPostgresEventStore } from './createPostgresEventStore.js';
import { startCutAfterCommitProxy, type CutAfterCommitProxy } from './cutAfterCommitProxy.js';
import { describePg } from './pgSuite.js';

const at = '2010-05-10T09:00:00+08:00';
const batch = [1, 2, 3].map((n) => ({
  eventId: `0190a000-0000-7000-8000-00000000000${n}`,
  type: 'Pledged',
  data: { n },
  metadata: { at },
}));

describePg('idempotent retries after an unknown outcome', ({ url, store }) => {
  let proxy: CutAfterCommitProxy;
  beforeAll(async () => {
    const u = new URL(url);
    proxy = await startCutAfterCommitProxy({ host: u.hostname, port: Number(u.port || 5432) });
  });
  afterAll(async () => proxy.close());
  const viaProxy = (schema: string, maxRetries: number) => {
    const u = new URL(url);
    u.hostname = '127.0.0.1';
    u.port = String(proxy.port);
    return createPostgresEventStore({ connectionString: u.toString(), schema, maxRetries });
  };

  it('stores a batch once when the store retries after the COMMIT reply was lost', async () => {
    const direct = store();
    await direct.ready();
    const s = viaProxy(direct.schema, 2);
    await s.ready();
    proxy.arm();
    const r = await appendToStream(s, 'pledges', batch, { expectedVersion: 'no-stream' });
    await s.close();
    expect(proxy.cuts()).toBe(1);
    expect(E.isRight(r) && r.right.duplicate && r.right.globalPositions).toEqual([1, 2, 3]);
    expect((await direct.head()).globalPosition).toBe(3);
    expect(await verify(direct)).toMatchObject({ _tag: 'ChainVerified', events: 3 });
  });

  it('answers StoreUnavailable without retries, and the caller retry is a duplicate', async () => {
    const direct = store();
    await direct.ready();
    const s = viaProxy(direct.schema, 0);
    await s.ready();
    const cutsBefore = proxy.cuts();
    proxy.arm();
    const first = await appendToStream(s, 'pledges', batch, { expectedVersion: 'no-stream' });
    expect(proxy.cuts()).toBe(cutsBefore + 1);
    expect(E.isLeft(first) && isStoreUnavailable(first.left) && first.left.reason).toMatch(
      /unknown/,
    );
    const retry = await appendToStream(s, 'pledges', batch, { expectedVersion: 'no-stream' });
    await s.close();
    expect(E.isRight(retry) && retry.right.duplicate).toBe(true);
    expect(await direct.streamVersion('pledges')).toBe(3);
    expect((await direct.head()).globalPosition).toBe(3);
  });
});
