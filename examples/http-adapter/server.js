#!/usr/bin/env node
// @ts-check
/* global process, Buffer, URL */
import { createServer } from 'node:http';
import { pathToFileURL } from 'node:url';
import * as E from 'fp-ts/lib/Either.js';
import { createCampaignEngine, readReport } from '@strive/campaign';
import { createMemoryEventStore } from '@strive/eventlog';
import { describeOpenFailure, openSqliteEventStore } from '@strive/store-sqlite';

/** Request bodies larger than this are refused with 413. */
export const MAX_BODY_BYTES = 1024 * 1024;

/**
 * The HTTP status of an engine outcome: accepted (a duplicate too) 200, invalid 400, conflict 409,
 * rejected by a policy rule 422. Pure.
 * @param {import('@strive/engine').CommandOutcome} outcome
 * @returns {200 | 400 | 409 | 422}
 */
export const statusOf = (outcome) => {
  switch (outcome._tag) {
    case 'Accepted':
      return 200;
    case 'Invalid':
      return 400;
    case 'Conflict':
      return 409;
    case 'Rejected':
      return 422;
  }
};

/**
 * The response body of an outcome, in the shape of a `strive run --json` line (without `line`). Pure.
 * @param {import('@strive/engine').CommandOutcome} o
 */
export const bodyOf = (o) => {
  switch (o._tag) {
    case 'Accepted':
      return o.duplicate
        ? { id: o.commandId, type: o.type, ok: true, duplicate: true, events: [] }
        : { id: o.commandId, type: o.type, ok: true, events: o.events.map((e) => e.type) };
    case 'Invalid':
      return {
        ok: false,
        error: {
          kind: 'invalid',
          rules: [],
          message: o.errors
            .map((e) => `${e.path === '' ? '(command)' : e.path}: ${e.message}`)
            .join('; '),
        },
      };
    case 'Rejected':
      return {
        id: o.commandId,
        type: o.type,
        ok: false,
        error: {
          kind: 'rejected',
          rules: [...new Set(o.failures.map((f) => f.ruleId))],
          message: o.failures.map((f) => `${f.ruleId}: ${f.message}`).join('; '),
        },
      };
    case 'Conflict':
      return {
        id: o.commandId,
        type: o.type,
        ok: false,
        error: { kind: 'conflict', rules: [], message: o.message },
      };
  }
};

/**
 * @param {import('node:http').ServerResponse} res
 * @param {number} status
 * @param {unknown} body
 * @param {Record<string, string>} [headers]
 */
const send = (res, status, body, headers = {}) => {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
  res.end(`${JSON.stringify(body)}\n`);
};

/** @param {string} message */
const invalid = (message) => ({ ok: false, error: { kind: 'invalid', rules: [], message } });

/**
 * Reads a request body up to `MAX_BODY_BYTES`; `undefined` when it is larger. Does I/O.
 * @param {import('node:http').IncomingMessage} req
 * @returns {Promise<string | undefined>}
 */
const readBody = async (req) => {
  /** @type {Buffer[]} */
  const chunks = [];
  let size = 0;
  for await (const chunk of req) {
    const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
    size += buffer.length;
    if (size > MAX_BODY_BYTES) return undefined;
    chunks.push(buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
};

/**
 * An HTTP server over a campaign engine: `POST /commands` decides one command (a JSON object, see
 * docs/campaign.md) and answers its outcome; `GET /report` answers the campaign report. Call `listen` on it.
 * Does I/O once listening.
 * @example
 * const server = createCommandServer(createCampaignEngine(createMemoryEventStore()));
 * server.listen(8080, '127.0.0.1');
 * @param {import('@strive/engine').Engine} engine
 */
export const createCommandServer = (engine) =>
  createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    const handle = async () => {
      if (path === '/commands') {
        if (req.method !== 'POST') return send(res, 405, invalid('use POST'), { allow: 'POST' });
        const text = await readBody(req);
        if (text === undefined)
          return send(res, 413, invalid(`the body is larger than ${MAX_BODY_BYTES} bytes`), {
            connection: 'close',
          });
        /** @type {unknown} */
        let input;
        try {
          input = JSON.parse(text);
        } catch {
          return send(res, 400, invalid('the body is not valid JSON'));
        }
        const outcome = await engine.handle(input);
        return send(res, statusOf(outcome), bodyOf(outcome));
      }
      if (path === '/report') {
        if (req.method !== 'GET') return send(res, 405, invalid('use GET'), { allow: 'GET' });
        return send(res, 200, await readReport(engine));
      }
      return send(res, 404, invalid(`no route ${path}; use POST /commands or GET /report`));
    };
    handle().catch((/** @type {unknown} */ e) => {
      const message = e instanceof Error ? e.message : String(e);
      if (res.headersSent) res.destroy();
      else send(res, 500, { ok: false, error: { kind: 'failure', rules: [], message } });
    });
  });

/**
 * The script: `node server.js [--db FILE|:memory:] [--port N]` serves one campaign engine on
 * 127.0.0.1 until interrupted. Does I/O.
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
  const opened =
    db === ':memory:' ? E.right(createMemoryEventStore()) : openSqliteEventStore({ path: db });
  if (E.isLeft(opened)) {
    process.stderr.write(`http-adapter: ${describeOpenFailure(opened.left)}\n`);
    return 2;
  }
  const store = opened.right;
  const server = createCommandServer(createCampaignEngine(store));
  server.listen(port, '127.0.0.1', () =>
    process.stderr.write(
      `http-adapter: POST /commands, GET /report on http://127.0.0.1:${port} (${db})\n`,
    ),
  );
  const stop = () => server.close(() => void store.close());
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  return 0;
};

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href)
  process.exitCode = await main(process.argv.slice(2));
