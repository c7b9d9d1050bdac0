import { inRequestContext } from './inRequestContext.js';
import { outcomeJson, type AnyProjection, type Engine, type Principal } from '@strive/engine';
import type { EventStore } from '@strive/eventlog';
import { eventStream, type EventStreamOptions, type OpenStreams } from './eventStream.js';
import { jsonResponse, refusal, statusOf } from './outcomeResponse.js';
import { createRateLimiter, type RateLimitOptions } from './createRateLimiter.js';
import { readJsonBody } from './readJsonBody.js';
import { resumePosition } from './resumePosition.js';

/** What `createStriveHttp` takes. */
export interface StriveHttpOptions {
  readonly engine: Engine;
  /** The engine's store: the live event stream subscribes to it. */
  readonly store: EventStore;
  /**
   * Who sent the request, or `undefined` to answer 401: verify a token or look a session up, then map
   * it to a principal (an id and the roles it may act in). Throw only when the check itself fails.
   */
  readonly authenticate: (
    request: Request,
  ) => Promise<Principal | undefined> | Principal | undefined;
  /** The read models `GET /read-models/:name/:key` serves, by name. */
  readonly readModels?: Readonly<Record<string, AnyProjection>>;
  /** The adapter's clock: stamps an omitted `at`, is the engine's `now`, refills buckets (default: the system clock). */
  readonly clock?: () => Date;
  /** Request bodies larger than this are refused with 413 (default 1 MiB). */
  readonly maxBodyBytes?: number;
  /** Requests per principal (default 60 at once, 20 a second; `false` disables the limit). */
  readonly rateLimit?: RateLimitOptions | false;
  /** The live event stream of `GET /events`. */
  readonly events?: EventStreamOptions;
}

/** A Fetch handler over one engine, and how to end its open event streams. */
export interface StriveHttp {
  /** Answers one request (mount it in `node:http`, Hono, Fastify or Express). Does I/O. */
  readonly fetch: (request: Request) => Promise<Response>;
  /** Ends every open event stream (call before closing the server). Does I/O. */
  readonly close: () => Promise<void>;
  /** How many event streams are open now (a slow client's is closed when its buffer fills). */
  readonly openStreams: () => number;
}

/** Default `maxBodyBytes`. */
export const DEFAULT_MAX_BODY_BYTES = 1024 * 1024;

const ROUTES = 'POST /commands, GET /events, GET /read-models/:name/:key';

const methodNotAllowed = (allow: string): Response =>
  jsonResponse(405, refusal('invalid', `use ${allow}`), { allow });

const isRecord = (u: unknown): u is Readonly<Record<string, unknown>> =>
  typeof u === 'object' && u !== null && !Array.isArray(u);

/**
 * Strive over HTTP as a WHATWG Fetch handler (`Request -> Response`). Every route first authenticates
 * (401 without a principal) and spends one token of the principal's bucket (429 with `Retry-After`).
 * `POST /commands` handles one JSON command as that principal at the adapter's clock (an omitted `at`
 * is stamped with it): 200 accepted, 400 invalid, 403 `auth.principal`, 409 conflict (`retryable`),
 * 413, 415, 422 rejected. `GET /read-models/:name/:key` answers a document (404 if none);
 * `GET /events` streams new events as Server-Sent Events (`Last-Event-ID` or `?after=N` resumes).
 * Does I/O.
 * @example
 * const http = createStriveHttp({ engine, store, authenticate: (req) => sessions.principalOf(req) });
 * createServer(getRequestListener(http.fetch)).listen(8080, '127.0.0.1'); // @hono/node-server
 */
export const createStriveHttp = (options: StriveHttpOptions): StriveHttp => {
  const { engine, store, authenticate } = options;
  const clock = options.clock ?? ((): Date => new Date());
  const maxBodyBytes = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  const limiter =
    options.rateLimit === false
      ? undefined
      : createRateLimiter(options.rateLimit ?? { capacity: 60, refillPerSecond: 20 }, () =>
          clock().getTime(),
        );
  const readModels = new Map(Object.entries(options.readModels ?? {}));
  const open: OpenStreams = new Set();

  const postCommand = async (request: Request, principal: Principal): Promise<Response> => {
    const body = await readJsonBody(request, maxBodyBytes);
    if (body._tag === 'Refused') return jsonResponse(body.status, refusal('invalid', body.message));
    const now = clock();
    const input =
      isRecord(body.value) && !('at' in body.value)
        ? { ...body.value, at: now.toISOString() }
        : body.value;
    const outcome = await inRequestContext(request, () => engine.handle(input, { principal, now }));
    return jsonResponse(statusOf(outcome), outcomeJson(outcome, input));
  };

  const getDocument = async (name: string, key: string): Promise<Response> => {
    const projection = readModels.get(name);
    if (projection === undefined)
      return jsonResponse(404, refusal('invalid', `no read model named ${name}`));
    const model = await engine.project(projection);
    const value = await model.get(key);
    return value === undefined
      ? jsonResponse(404, refusal('invalid', `${name} has no document ${key}`))
      : jsonResponse(200, { key, value, checkpoint: model.checkpoint });
  };

  const route = async (request: Request): Promise<Response> => {
    const url = new URL(request.url);
    const parts = url.pathname.split('/').filter((p) => p !== '');
    const [first, name, key, ...rest] = parts;
    const known =
      (parts.length === 1 && (first === 'commands' || first === 'events')) ||
      (first === 'read-models' && name !== undefined && key !== undefined && rest.length === 0);
    if (!known)
      return jsonResponse(404, refusal('invalid', `no route ${url.pathname}; use ${ROUTES}`));
    const allow = first === 'commands' ? 'POST' : 'GET';
    if (request.method !== allow) return methodNotAllowed(allow);
    const principal = await authenticate(request);
    if (principal === undefined)
      return jsonResponse(401, refusal('unauthenticated', 'send a valid credential'), {
        'www-authenticate': 'Bearer',
      });
    const decision = limiter?.take(principal.id);
    if (decision?._tag === 'Limited')
      return jsonResponse(429, refusal('invalid', 'too many requests'), {
        'retry-after': String(decision.retryAfterSeconds),
      });
    if (first === 'commands') return postCommand(request, principal);
    if (first === 'events') {
      const after = await resumePosition(request, store);
      return after === undefined
        ? jsonResponse(
            400,
            refusal('invalid', 'Last-Event-ID and ?after= must be whole numbers >= 0'),
          )
        : eventStream(store, after, options.events ?? {}, open);
    }
    let decodedName: string;
    let decodedKey: string;
    try {
      decodedName = decodeURIComponent(name ?? '');
      decodedKey = decodeURIComponent(key ?? '');
    } catch {
      return jsonResponse(400, refusal('invalid', 'the path is not valid percent-encoding'));
    }
    return getDocument(decodedName, decodedKey);
  };

  return {
    fetch: (request) =>
      route(request).catch((e: unknown) =>
        jsonResponse(500, refusal('failure', e instanceof Error ? e.message : String(e))),
      ),
    close: async () => {
      await Promise.all([...open].map((end) => end()));
    },
    openStreams: () => open.size,
  };
};
