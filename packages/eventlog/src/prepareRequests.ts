import * as E from 'fp-ts/lib/Either.js';
import { invalidEvent, type InvalidEvent } from './errors.js';
import { isExpectedVersion, type ExpectedVersion } from './ExpectedVersion.js';
import type { PreparedRequest } from './planAppend.js';
import { prepareEvents, type ValidationOptions } from './prepareEvents.js';
import { MAX_STREAM_ID_LENGTH, nameProblem } from './validateName.js';

/** An own property of an object, never one inherited from its prototype. */
const own = (o: object, key: string): unknown => Object.getOwnPropertyDescriptor(o, key)?.value;

const REQUEST_KEYS = new Set(['streamId', 'expectedVersion', 'events']);

const expectedVersionProblem = 'must be a non-negative integer, "no-stream", "exists" or "any"';

/**
 * A request that only checks its stream's version, built apart from those with events: a
 * campaign-level command checks 45,000 streams in one append, and objects of one allocation site that
 * all survive a scavenge make V8 allocate that site's later objects in the old generation, where
 * every command's request then kept its young events alive through scavenges. Pure.
 */
const versionOnly = (streamId: string, expectedVersion: ExpectedVersion): PreparedRequest => ({
  streamId,
  expectedVersion,
  events: [],
});

/**
 * Validates the argument of `appendMany(requests)`, before any I/O; errors locate the value
 * (`requests[1].streamId`, `requests[0].events[3].metadata.at`). Repeated streams are refused later by
 * `planAppend`. Pure except for `newId`.
 */
export const prepareRequests = (
  requests: unknown,
  newId: () => string,
  validation: ValidationOptions = {},
): E.Either<InvalidEvent, readonly PreparedRequest[]> => {
  if (!Array.isArray(requests)) return E.left(invalidEvent('requests', 'must be an array'));
  const out: PreparedRequest[] = [];
  const ids = new Set<string>();
  for (let i = 0; i < requests.length; i++) {
    const path = `requests[${i}]`;
    const r: unknown = requests[i];
    if (typeof r !== 'object' || r === null || Array.isArray(r))
      return E.left(invalidEvent(path, 'must be an object { streamId, expectedVersion, events }'));
    const extra = Object.keys(r).find((k) => !REQUEST_KEYS.has(k));
    if (extra !== undefined) return E.left(invalidEvent(`${path}.${extra}`, 'unknown field'));
    const streamId = own(r, 'streamId');
    const expectedVersion = own(r, 'expectedVersion');
    const streamProblem = nameProblem(streamId, MAX_STREAM_ID_LENGTH);
    if (streamProblem !== null || typeof streamId !== 'string')
      return E.left(invalidEvent(`${path}.streamId`, streamProblem ?? 'must be a string'));
    if (!isExpectedVersion(expectedVersion))
      return E.left(invalidEvent(`${path}.expectedVersion`, expectedVersionProblem));
    const prepared = prepareEvents(streamId, own(r, 'events'), newId, validation, `${path}.events`);
    if (E.isLeft(prepared)) return prepared;
    for (const [j, e] of prepared.right.entries()) {
      if (ids.has(e.eventId))
        return E.left(
          invalidEvent(`${path}.events[${j}].eventId`, 'event id repeated within the batch'),
        );
      ids.add(e.eventId);
    }
    out.push(
      prepared.right.length === 0
        ? versionOnly(streamId, expectedVersion)
        : { streamId, expectedVersion, events: prepared.right },
    );
  }
  return E.right(out);
};
