import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { getRequestListener, serve } from '@hono/node-server';
import { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { campaignsProjection, createCampaignEngine } from '@strive/campaign';
import type { Principal } from '@strive/engine';
import { createMemoryEventStore } from '@strive/eventlog';
import { createStriveHttp, type StriveHttp } from './createStriveHttp.js';

// The handler over real sockets on 127.0.0.1, mounted unchanged in node:http (through
// getRequestListener) and in Hono (served by @hono/node-server): the same requests, the same answers.

const launch = {
  type: 'LaunchCampaign',
  id: 'c1',
  at: '2010-05-10T09:00:00+08:00',
  campaignId: 'zz2010',
  title: 'Strive',
  endsAt: '2012-12-31T23:59:59+08:00',
  objectives: ['serve the people'],
  principles: ['seek real results'],
};
const clockAt = new Date('2010-05-10T01:00:30Z');

/** Test principals by bearer token: the token is `id:role,role`. */
const authenticate = (request: Request): Principal | undefined => {
  const token = /^Bearer (.+)$/.exec(request.headers.get('authorization') ?? '')?.[1];
  const [id, roles] = token?.split(':') ?? [];
  return id === undefined || roles === undefined ? undefined : { id, roles: roles.split(',') };
};

const portOf = (server: Server): number => {
  const address: AddressInfo | string | null = server.address();
  if (address === null || typeof address === 'string') throw new Error('not listening on TCP');
  return address.port;
};

interface Mounted {
  readonly base: string;
  readonly http: StriveHttp;
  readonly head: () => Promise<number>;
  readonly stop: () => Promise<void>;
}

const build = () => {
  const store = createMemoryEventStore();
  const http = createStriveHttp({
    engine: createCampaignEngine(store),
    store,
    authenticate,
    readModels: { campaigns: campaignsProjection },
    clock: () => clockAt,
    maxBodyBytes: 4096,
    rateLimit: { capacity: 20, refillPerSecond: 0.5 },
  });
  return { store, http, head: async () => (await store.head()).globalPosition };
};

const mounted = (server: Server, built: ReturnType<typeof build>): Mounted => ({
  base: `http://127.0.0.1:${portOf(server)}`,
  http: built.http,
  head: built.head,
  stop: async () => {
    await built.http.close();
    await new Promise((resolve) => server.close(resolve));
    await built.store.close();
  },
});

const mountNode = async (): Promise<Mounted> => {
  const built = build();
  const listener = getRequestListener(built.http.fetch);
  const server = createServer((req, res) => void listener(req, res));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return mounted(server, built);
};

const mountHono = async (): Promise<Mounted> => {
  const built = build();
  const app = new Hono();
  app.get('/health', (c) => c.text('ok'));
  app.all('/*', (c) => built.http.fetch(c.req.raw));
  const server = await new Promise<Server>((resolve) => {
    const s: unknown = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () =>
      resolve(s as Server),
    );
  });
  return mounted(server, built);
};

const post = (base: string, body: string, token?: string, contentType = 'application/json') =>
  fetch(`${base}/commands`, {
    method: 'POST',
    headers: {
      'content-type': contentType,
      ...(token === undefined ? {} : { authorization: `Bearer ${token}` }),
    },
    body,
  });

describe.each([
  ['node:http', mountNode],
  ['Hono', mountHono],
])('createStriveHttp in %s', (_name, mount) => {
  let m: Mounted;
  beforeAll(async () => {
    m = await mount();
  });
  afterAll(() => m.stop());

  it('answers 401 without a principal, 403 for another actor, 200 for the principal itself', async () => {
    const noToken = await post(m.base, JSON.stringify(launch));
    expect(noToken.status).toBe(401);
    expect(noToken.headers.get('www-authenticate')).toBe('Bearer');
    const other = await post(
      m.base,
      JSON.stringify({ ...launch, actor: { id: 'cc', role: 'committee' } }),
      'intruder:committee',
    );
    expect(other.status).toBe(403);
    expect(await other.json()).toMatchObject({
      error: { kind: 'rejected', rules: ['auth.principal'] },
    });
    expect(await m.head()).toBe(0);
    const ok = await post(m.base, JSON.stringify(launch), 'cc:committee');
    expect(ok.status).toBe(200);
    expect(await ok.json()).toEqual({
      id: 'c1',
      type: 'LaunchCampaign',
      ok: true,
      events: ['CampaignLaunched'],
    });
  });

  it('stamps an omitted at with its clock, and refuses an at beyond the skew (422 clock.skew)', async () => {
    const { at: _at, ...undated } = { ...launch, id: 'c2', campaignId: 'zz2011' };
    const stamped = await post(m.base, JSON.stringify(undated), 'cc:committee');
    expect(stamped.status).toBe(200);
    const future = await post(
      m.base,
      JSON.stringify({
        ...launch,
        id: 'c3',
        campaignId: 'zz2012',
        at: '2011-05-10T09:00:00+08:00',
      }),
      'cc:committee',
    );
    expect(future.status).toBe(422);
    expect(await future.json()).toMatchObject({ error: { rules: ['clock.skew'] } });
  });

  it('serves read models by name and key, 404 for unknown ones', async () => {
    const get = (path: string) =>
      fetch(`${m.base}${path}`, { headers: { authorization: 'Bearer reader:public' } });
    const doc = await get('/read-models/campaigns/campaign-zz2010');
    expect(doc.status).toBe(200);
    expect(await doc.json()).toMatchObject({ key: 'campaign-zz2010', value: { title: 'Strive' } });
    expect((await get('/read-models/campaigns/nope')).status).toBe(404);
    expect((await get('/read-models/nope/campaign-zz2010')).status).toBe(404);
    expect((await fetch(`${m.base}/read-models/campaigns/campaign-zz2010`)).status).toBe(401);
  });

  it('refuses 405, 404, 415, 413 and 400 writing nothing', async () => {
    const before = await m.head();
    const wrong = await fetch(`${m.base}/commands`, { headers: { authorization: 'Bearer a:b' } });
    expect(wrong.status).toBe(405);
    expect(wrong.headers.get('allow')).toBe('POST');
    expect((await fetch(`${m.base}/nowhere`)).status).toBe(404);
    const again = JSON.stringify({ ...launch, id: 'c9', campaignId: 'zz2013' });
    expect((await post(m.base, again, 'cc:committee', 'text/plain')).status).toBe(415);
    expect((await post(m.base, `"${'x'.repeat(5000)}"`, 'cc:committee')).status).toBe(413);
    expect((await post(m.base, '{"type":', 'cc:committee')).status).toBe(400);
    expect(await m.head()).toBe(before);
  });

  it('limits each principal with a token bucket: 429 with Retry-After, others unaffected', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 25; i += 1)
      statuses.push((await post(m.base, '{}', 'greedy:public')).status);
    expect(statuses.filter((s) => s === 400)).toHaveLength(20);
    expect(statuses.filter((s) => s === 429)).toHaveLength(5);
    const limited = await post(m.base, '{}', 'greedy:public');
    expect(limited.headers.get('retry-after')).toBe('2');
    expect((await post(m.base, '{}', 'patient:public')).status).toBe(400);
  });
});
