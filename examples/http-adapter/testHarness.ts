import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { getRequestListener } from '@hono/node-server';
import type { Principal } from '@strive/engine';
import { createMemoryEventStore, type EventStore } from '@strive/eventlog';
import type { RateLimitOptions } from '@strive/http';
import { createJwtAuthenticator } from './authenticateJwt.js';
import { mintToken } from './mintToken.js';
import { TOKEN_AUDIENCE, TOKEN_ISSUER, createCampaignHttp } from './server.js';

// Shared by the example's socket tests: the campaign server on 127.0.0.1 (port 0) with HS256 tokens
// and an injected clock, and a client that mints tokens and posts commands.

const data = join(fileURLToPath(new URL('.', import.meta.url)), '..', 'data');

/** The Zhengzhou 2010 example: its command lines and its expected outcomes (unknown JSON). Does I/O. */
export const readExample = (): { lines: string[]; expected: unknown } => ({
  lines: readFileSync(join(data, 'zhengzhou-2010.commands.jsonl'), 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== ''),
  expected: JSON.parse(readFileSync(join(data, 'zhengzhou-2010.expected.json'), 'utf8')),
});

/** The HS256 secret of the tests. */
const SECRET = new TextEncoder().encode('a test secret of at least 32 characters!');

/** A running campaign server: its base URL, store and clock. */
export interface CampaignServer {
  readonly base: string;
  readonly store: EventStore;
  readonly setClock: (at: string | Date) => void;
  readonly now: () => Date;
  readonly head: () => Promise<number>;
  readonly stop: () => Promise<void>;
}

/** Starts the campaign server over a fresh memory store. Does I/O. */
export const startCampaignServer = async (
  o: {
    readonly rateLimit?: RateLimitOptions | false;
    readonly authenticate?: (r: Request) => Promise<Principal | undefined>;
  } = {},
): Promise<CampaignServer> => {
  let clock = new Date('2010-05-10T01:00:00Z');
  const now = (): Date => clock;
  const store = createMemoryEventStore();
  const app = createCampaignHttp({
    store,
    authenticate:
      o.authenticate ??
      createJwtAuthenticator({
        key: SECRET,
        algorithms: ['HS256'],
        issuer: TOKEN_ISSUER,
        audience: TOKEN_AUDIENCE,
        clock: now,
      }),
    clock: now,
    rateLimit: o.rateLimit ?? false,
    maxBodyBytes: 64 * 1024,
  });
  const listener = getRequestListener(app.fetch);
  const server: Server = createServer((req, res) => void listener(req, res));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address: AddressInfo | string | null = server.address();
  if (address === null || typeof address === 'string') throw new Error('not listening on TCP');
  return {
    base: `http://127.0.0.1:${address.port}`,
    store,
    now,
    setClock: (at) => {
      clock = new Date(at);
    },
    head: async () => (await store.head()).globalPosition,
    stop: async () => {
      await app.close();
      await new Promise((resolve) => server.close(resolve));
      await store.close();
    },
  };
};

/** An HS256 token for `sub` in `roles`, valid an hour from `now` (override any claim input). */
export const tokenFor = (
  sub: string,
  roles: readonly string[],
  now: Date,
  o: { readonly ttlSeconds?: number; readonly key?: Uint8Array; readonly audience?: string } = {},
): Promise<string> =>
  mintToken({
    key: o.key ?? SECRET,
    alg: 'HS256',
    sub,
    roles,
    issuer: TOKEN_ISSUER,
    audience: o.audience ?? TOKEN_AUDIENCE,
    now,
    ttlSeconds: o.ttlSeconds ?? 3600,
  });

/** POSTs a body to /commands; answers the status and the JSON body. Does I/O. */
export const postCommand = async (
  base: string,
  body: string,
  token: string | undefined,
  contentType = 'application/json',
): Promise<{ status: number; json: Record<string, unknown> }> => {
  const res = await fetch(`${base}/commands`, {
    method: 'POST',
    headers: {
      'content-type': contentType,
      ...(token === undefined ? {} : { authorization: `Bearer ${token}` }),
    },
    body,
  });
  const json: unknown = await res.json();
  if (typeof json !== 'object' || json === null) throw new Error('the body is not a JSON object');
  return { status: res.status, json: { ...json } };
};

/** The rule ids of a refusal body (empty for anything else). Pure. */
export const rulesOf = (json: Record<string, unknown>): string[] => {
  const error = json['error'];
  return typeof error === 'object' &&
    error !== null &&
    'rules' in error &&
    Array.isArray(error.rules)
    ? error.rules.map(String)
    : [];
};
