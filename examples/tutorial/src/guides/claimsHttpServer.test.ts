import { createSqliteEventStore } from '@strive/store-sqlite';
import { afterAll, describe, expect, it } from 'vitest';
import { claimsHttpServer } from './claimsHttpServer.js';

const store = createSqliteEventStore({ path: ':memory:' });
/** The app's sessions: a cookie names a signed-in user and the roles the app gave them. */
const sessions = new Map([['s=ana', { id: 'ana', roles: ['employee'] }]]);
const server = claimsHttpServer(store, (request) =>
  sessions.get(request.headers.cookie ?? ''),
).listen(0, '127.0.0.1');
const url = (path: string): string => {
  const address = server.address();
  if (address === null || typeof address === 'string')
    throw new Error('the server is not listening');
  return `http://127.0.0.1:${address.port}${path}`;
};
const post = (command: unknown, cookie = 's=ana') =>
  fetch(url('/commands'), { method: 'POST', body: JSON.stringify(command), headers: { cookie } });
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
    const claims = await (await fetch(url('/claims'), { headers: { cookie: 's=ana' } })).json();
    expect(claims).toEqual([
      {
        key: 'claim-9',
        value: { title: 'Taxi', state: 'draft', totalCents: 0, reviewedBy: '-' },
      },
    ]);
    expect((await fetch(url('/nowhere'), { headers: { cookie: 's=ana' } })).status).toBe(404);
  });

  it('refuses a client without a session (401) or claiming a role it lacks (403), writing nothing', async () => {
    const before = await store.head();
    const approve = {
      type: 'ReviewClaim',
      id: 'h9',
      at,
      actor: { id: 'ana', role: 'director' },
      claimId: '9',
      decision: 'approve',
      reason: 'I say so',
    };
    expect((await post(approve, 's=nobody')).status).toBe(401);
    expect((await post(approve)).status).toBe(403);
    expect(await store.head()).toEqual(before);
  });
});
