import { createSqliteEventStore } from '@strive/store-sqlite';
import { afterAll, describe, expect, it } from 'vitest';
import { claimsHttpServer } from './claimsHttpServer.js';

const store = createSqliteEventStore({ path: ':memory:' });
const server = claimsHttpServer(store).listen(0, '127.0.0.1');
const url = (path: string): string => {
  const address = server.address();
  if (address === null || typeof address === 'string')
    throw new Error('the server is not listening');
  return `http://127.0.0.1:${address.port}${path}`;
};
const post = (command: unknown) =>
  fetch(url('/commands'), { method: 'POST', body: JSON.stringify(command) });
const ana = { id: 'ana', role: 'employee' };
const at = '2026-03-02T09:00:00+01:00';

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  await store.close();
});

describe('an app embedding the engine over HTTP', () => {
  it('maps outcomes to statuses and serves the projection', async () => {
    const open = { type: 'OpenClaim', id: 'h1', at, actor: ana, claimId: '9', title: 'Taxi' };
    expect((await post(open)).status).toBe(201);
    expect((await post(open)).status).toBe(200);
    expect((await post({ ...open, id: 'h2' })).status).toBe(422);
    expect((await post({ ...open, id: 'h3', title: 7 })).status).toBe(400);
    const claims = await (await fetch(url('/claims'))).json();
    expect(claims).toEqual([
      {
        key: 'claim-9',
        value: { title: 'Taxi', state: 'draft', totalCents: 0, reviewedBy: '-' },
      },
    ]);
    expect((await fetch(url('/nowhere'))).status).toBe(404);
  });
});
