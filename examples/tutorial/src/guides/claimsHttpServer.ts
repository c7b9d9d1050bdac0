import { createServer, type IncomingMessage, type Server } from 'node:http';
import { createEngine, type CommandOutcome, type Principal } from '@strive/engine';
import type { EventStore } from '@strive/eventlog';
import { claimCommands } from '../claimCommands.js';
import { claimsProjection } from '../claimsProjection.js';

// #region status
/** The HTTP status of a command outcome: the tagged outcome maps one to one. Pure. */
const statusOf = (outcome: CommandOutcome): number => {
  switch (outcome._tag) {
    case 'Accepted':
      return outcome.duplicate ? 200 : 201;
    case 'Invalid':
      return 400;
    case 'Rejected': // 403: the sender may not act as the command's actor
      return outcome.failures.some((f) => f.ruleId === 'auth.principal') ? 403 : 422;
    case 'Conflict':
      return 409;
  }
};
// #endregion status

const bodyOf = async (request: IncomingMessage): Promise<unknown> => {
  let text = '';
  for await (const chunk of request) text += String(chunk);
  try {
    return JSON.parse(text);
  } catch {
    return text; // not JSON: the engine answers Invalid
  }
};

// #region server
/**
 * An app that embeds the engine: POST /commands handles one command as the principal the app's
 * session names (401 without one), GET /claims reads the projection. One engine per process, over
 * whatever store the app opened. Does I/O.
 */
export const claimsHttpServer = (
  store: EventStore,
  principalOf: (request: IncomingMessage) => Principal | undefined,
): Server => {
  const engine = createEngine({ store, commands: claimCommands, projections: [claimsProjection] });
  return createServer((request, response) => {
    const reply = (status: number, body: unknown): void => {
      response.writeHead(status, { 'content-type': 'application/json' });
      response.end(JSON.stringify(body));
    };
    const principal = principalOf(request);
    if (principal === undefined) return reply(401, { error: 'sign in first' });
    const route = `${request.method} ${request.url}`;
    const work =
      route === 'POST /commands'
        ? bodyOf(request).then(async (command) => {
            const outcome = await engine.handle(command, { principal, now: new Date() });
            reply(statusOf(outcome), outcome);
          })
        : route === 'GET /claims'
          ? engine.project(claimsProjection).then(async (claims) => reply(200, await claims.all()))
          : Promise.resolve(reply(404, { error: `no route ${route}` }));
    work.catch((e: unknown) => reply(503, { error: String(e) })); // the store is unavailable
  });
};
// #endregion server
