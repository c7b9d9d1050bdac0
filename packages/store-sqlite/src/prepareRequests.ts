import * as E from 'fp-ts/lib/Either.js';
import {
  invalidEvent,
  isExpectedVersion,
  prepareEvents,
  type AppendError,
  type AppendRequest,
  type PreparedRequest,
  type ValidationOptions,
} from '@strive/eventlog';

const VERSION_REASON = 'must be a version >= 0, "no-stream", "exists" or "any"';

/** Checks an `ExpectedVersion` at the write boundary. Pure. */
export const checkExpectedVersion = (
  u: unknown,
  path: string,
): E.Either<AppendError, AppendRequest['expectedVersion']> =>
  isExpectedVersion(u) ? E.right(u) : E.left(invalidEvent(path, VERSION_REASON));

/**
 * Validates the requests of an `appendMany` with `prepareEvents`, before any I/O; errors carry the
 * request's index in their path. Pure except for `newId`.
 */
export const prepareRequests = (
  requests: unknown,
  newId: () => string,
  options: ValidationOptions,
): E.Either<AppendError, PreparedRequest[]> => {
  if (!Array.isArray(requests)) return E.left(invalidEvent('requests', 'must be an array'));
  const out: PreparedRequest[] = [];
  for (const [i, r] of requests.entries()) {
    const req: unknown = r;
    if (typeof req !== 'object' || req === null || Array.isArray(req))
      return E.left(invalidEvent(`requests[${i}]`, 'must be an object'));
    const at = `requests[${i}]`;
    const streamId: unknown = 'streamId' in req ? req.streamId : undefined;
    const version = checkExpectedVersion(
      'expectedVersion' in req ? req.expectedVersion : undefined,
      `${at}.expectedVersion`,
    );
    if (E.isLeft(version)) return version;
    const events = prepareEvents(
      streamId,
      'events' in req ? req.events : undefined,
      newId,
      options,
      `${at}.events`,
    );
    if (E.isLeft(events))
      return E.left(
        events.left.path === 'streamId' ? { ...events.left, path: `${at}.streamId` } : events.left,
      );
    if (typeof streamId !== 'string')
      return E.left(invalidEvent(`${at}.streamId`, 'must be a string'));
    out.push({ streamId, expectedVersion: version.right, events: events.right });
  }
  return E.right(out);
};
