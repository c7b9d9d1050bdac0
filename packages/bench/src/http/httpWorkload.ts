import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { getRequestListener } from '@hono/node-server';
import { createCampaignEngine } from '@strive/campaign';
import { generateCommands } from '@strive/campaign';
import type { Principal } from '@strive/engine';
import { createMemoryEventStore } from '@strive/eventlog';
import { createStriveHttp } from '@strive/http';

/** H1: campaign commands, one after another, each sent by its own actor. */
const H1 = { orgs: 40, membersPerOrg: 10, evaluators: 10, seed: 7 } as const;

/** The first `n` commands of H1's synthetic campaign, as objects and as JSON bodies. Pure. */
export const httpCommands = (n: number): ReadonlyArray<{ body: string; actor: string }> =>
  [...generateCommands(H1)].slice(0, n).map((command) => {
    const actor = command['actor'];
    const who =
      typeof actor === 'object' && actor !== null && 'id' in actor && 'role' in actor
        ? `${String(actor.id)}:${String(actor.role)}`
        : 'nobody:none';
    return { body: JSON.stringify(command), actor: who };
  });

/** The bench's authenticator: the principal named in `x-principal` (`id:role`), no crypto. Pure. */
const principalOf = (request: Request): Principal | undefined => {
  const [id, role] = (request.headers.get('x-principal') ?? '').split(':');
  return id === undefined || role === undefined ? undefined : { id, roles: [role] };
};

const clock = (): Date => new Date('2030-01-01T00:00:00Z');

/**
 * Commands/s of `engine.handle` on a fresh memory store, parsing each body as an adapter would, with
 * the principal and clock the adapter passes. Does I/O (memory store).
 */
export const directRate = async (
  commands: ReadonlyArray<{ body: string; actor: string }>,
): Promise<number> => {
  const store = createMemoryEventStore();
  const engine = createCampaignEngine(store);
  const started = performance.now();
  for (const c of commands) {
    const [id = '', role = ''] = c.actor.split(':');
    const outcome = await engine.handle(JSON.parse(c.body), {
      principal: { id, roles: [role] },
      now: clock(),
    });
    if (outcome._tag !== 'Accepted') throw new Error(`H1 direct: ${JSON.stringify(outcome)}`);
  }
  const rate = commands.length / ((performance.now() - started) / 1000);
  await store.close();
  return rate;
};

/** Serves `fetch` in `node:http` on 127.0.0.1 and POSTs every command to it; answers commands/s. */
const postRate = async (
  fetchHandler: (request: Request) => Promise<Response>,
  commands: ReadonlyArray<{ body: string; actor: string }>,
): Promise<number> => {
  const listener = getRequestListener(fetchHandler);
  const server: Server = createServer((req, res) => void listener(req, res));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address: AddressInfo | string | null = server.address();
  if (address === null || typeof address === 'string') throw new Error('not listening on TCP');
  const url = `http://127.0.0.1:${address.port}/commands`;
  const started = performance.now();
  for (const c of commands) {
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-principal': c.actor },
      body: c.body,
    });
    const text = await res.text();
    if (res.status !== 200) throw new Error(`H1: ${res.status} ${text}`);
  }
  const rate = commands.length / ((performance.now() - started) / 1000);
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
  return rate;
};

/**
 * Commands/s through `POST /commands` of `@strive/http` in `node:http` on 127.0.0.1, the client
 * (`fetch`, keep-alive) in the same process, on a fresh memory store. Does I/O (loopback).
 */
export const httpRate = async (
  commands: ReadonlyArray<{ body: string; actor: string }>,
): Promise<number> => {
  const store = createMemoryEventStore();
  const http = createStriveHttp({
    engine: createCampaignEngine(store),
    store,
    authenticate: principalOf,
    clock,
    rateLimit: { capacity: 1e9, refillPerSecond: 1e9 },
  });
  const rate = await postRate(http.fetch, commands);
  await http.close();
  await store.close();
  return rate;
};

/**
 * Requests/s of the same bodies to a Fetch handler that reads the body and answers a fixed JSON
 * line: the floor of the bridge, the loopback and the client, with no Strive work. Does I/O.
 */
export const emptyRate = (
  commands: ReadonlyArray<{ body: string; actor: string }>,
): Promise<number> =>
  postRate(async (request) => {
    await request.text();
    return new Response('{"ok":true}\n', { headers: { 'content-type': 'application/json' } });
  }, commands);
