#!/usr/bin/env node
// @ts-check
/* global process, URL, Response */
import { createServer } from 'node:http';
import { pathToFileURL } from 'node:url';
import { getRequestListener } from '@hono/node-server';
import * as E from 'fp-ts/lib/Either.js';
import {
  campaignsProjection,
  createCampaignEngine,
  readReport,
  subjectsProjection,
} from '@strive/campaign';
import { createMemoryEventStore } from '@strive/eventlog';
import { createStriveHttp } from '@strive/http';
import { describeOpenFailure, openSqliteEventStore } from '@strive/store-sqlite';
import { createJwtAuthenticator, loadVerificationKey } from './authenticateJwt.js';

/** The issuer and audience the example's tokens carry (mintToken.js signs them). */
export const TOKEN_ISSUER = 'strive-example';
export const TOKEN_AUDIENCE = 'strive-campaign';

// #region app
/**
 * The campaign over HTTP: `@strive/http` (POST /commands, GET /events, GET /read-models/campaigns|subjects/:key)
 * plus `GET /report`, every route behind `authenticate`. Does I/O when called.
 * @example
 * const app = createCampaignHttp({ store, authenticate });
 * createServer(getRequestListener(app.fetch)).listen(8080, '127.0.0.1');
 * @param {{ store: import('@strive/eventlog').EventStore, authenticate: (request: Request) => Promise<import('@strive/engine').Principal | undefined>, clock?: () => Date, rateLimit?: import('@strive/http').RateLimitOptions | false, maxBodyBytes?: number }} o
 */
export const createCampaignHttp = (o) => {
  const engine = createCampaignEngine(o.store);
  const http = createStriveHttp({
    engine,
    store: o.store,
    authenticate: o.authenticate,
    readModels: { campaigns: campaignsProjection, subjects: subjectsProjection },
    ...(o.clock === undefined ? {} : { clock: o.clock }),
    ...(o.rateLimit === undefined ? {} : { rateLimit: o.rateLimit }),
    ...(o.maxBodyBytes === undefined ? {} : { maxBodyBytes: o.maxBodyBytes }),
  });
  return {
    /** @param {Request} request */
    fetch: async (request) => {
      if (new URL(request.url).pathname !== '/report') return http.fetch(request);
      if ((await o.authenticate(request)) === undefined)
        return Response.json(
          {
            ok: false,
            error: { kind: 'unauthenticated', rules: [], message: 'send a valid credential' },
          },
          { status: 401, headers: { 'www-authenticate': 'Bearer' } },
        );
      return Response.json(await readReport(engine));
    },
    close: http.close,
  };
};
// #endregion app

/**
 * The script: `node server.js [--db FILE|:memory:] [--port N]` with `STRIVE_JWT_SECRET` set (HS256),
 * or `--public-key FILE --alg EdDSA|ES256`; serves one campaign on 127.0.0.1 until interrupted. Does I/O.
 * @param {readonly string[]} args
 */
const main = async (args) => {
  const flag = (/** @type {string} */ name, /** @type {string} */ fallback) => {
    const i = args.indexOf(name);
    return i >= 0 ? (args[i + 1] ?? fallback) : fallback;
  };
  const db = flag('--db', ':memory:');
  const port = Number(flag('--port', '8080'));
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    process.stderr.write('http-adapter: --port must be a whole number from 0 to 65535\n');
    return 2;
  }
  const publicKeyFile = flag('--public-key', '');
  const alg = flag('--alg', 'EdDSA');
  if (alg !== 'EdDSA' && alg !== 'ES256') {
    process.stderr.write('http-adapter: --alg must be EdDSA or ES256\n');
    return 2;
  }
  const secret = process.env['STRIVE_JWT_SECRET'] ?? '';
  if (publicKeyFile === '' && secret === '') {
    process.stderr.write(
      'http-adapter: set STRIVE_JWT_SECRET (HS256) or pass --public-key FILE --alg EdDSA|ES256\n',
    );
    return 2;
  }
  const { key, algorithms } = await loadVerificationKey(
    publicKeyFile === '' ? { secret } : { publicKeyFile, alg },
  );
  const opened =
    db === ':memory:' ? E.right(createMemoryEventStore()) : openSqliteEventStore({ path: db });
  if (E.isLeft(opened)) {
    process.stderr.write(`http-adapter: ${describeOpenFailure(opened.left)}\n`);
    return 2;
  }
  const store = opened.right;
  // #region mount
  const app = createCampaignHttp({
    store,
    authenticate: createJwtAuthenticator({
      key,
      algorithms,
      issuer: TOKEN_ISSUER,
      audience: TOKEN_AUDIENCE,
    }),
  });
  const listener = getRequestListener(app.fetch);
  const server = createServer((req, res) => void listener(req, res));
  server.listen(port, '127.0.0.1', () =>
    process.stderr.write(
      `http-adapter: POST /commands, GET /events, /read-models, /report on http://127.0.0.1:${port} (${db})\n`,
    ),
  );
  const stop = () => void app.close().then(() => server.close(() => void store.close()));
  // #endregion mount
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  return 0;
};

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href)
  process.exitCode = await main(process.argv.slice(2));
