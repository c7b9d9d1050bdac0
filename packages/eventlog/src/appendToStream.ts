import * as E from 'fp-ts/lib/Either.js';
import { invalidEvent, type AppendError, type InvalidEvent } from './errors.js';
import type { NewEvent } from './EventEnvelope.js';
import { isExpectedVersion } from './ExpectedVersion.js';
import type { AppendOptions, AppendResult, EventLog } from './EventStore.js';

/** `appendMany`'s path of the single request, as the caller of `appendToStream` wrote it. */
const localPath = (path: string): string =>
  path === 'requests[0].expectedVersion'
    ? 'options.expectedVersion'
    : path.startsWith('requests[0].')
      ? path.slice('requests[0].'.length)
      : path;

const relocated = (e: AppendError): AppendError =>
  e._tag === 'InvalidEvent' ? ({ ...e, path: localPath(e.path) } satisfies InvalidEvent) : e;

/**
 * Appends events to one stream if it is at `options.expectedVersion`, all or nothing: sugar over
 * `appendMany` with one request, so any `EventLog` (or decorator over one) has it. Errors locate the
 * value in these arguments (`streamId`, `options.expectedVersion`, `events[2].data.x`). Does I/O.
 * @example
 * const r = await appendToStream(store, 'order-1', [{ type: 'Placed', data: {}, metadata: { at } }], { expectedVersion: 'no-stream' });
 * if (E.isRight(r)) console.log(r.right.streamVersion); // 1
 */
export const appendToStream = async (
  log: Pick<EventLog, 'appendMany'>,
  streamId: string,
  events: readonly NewEvent[],
  options: AppendOptions,
): Promise<E.Either<AppendError, AppendResult>> => {
  // Checked as `prepareRequests` checks a request, for callers the types do not bind (JavaScript).
  const given: unknown = options;
  if (typeof given !== 'object' || given === null)
    return E.left(invalidEvent('options', 'must be an object with an expectedVersion'));
  const expectedVersion: unknown = Object.getOwnPropertyDescriptor(given, 'expectedVersion')?.value;
  if (!isExpectedVersion(expectedVersion))
    return E.left(
      invalidEvent(
        'options.expectedVersion',
        'must be a non-negative integer, "no-stream", "exists" or "any"',
      ),
    );
  const request = { streamId, expectedVersion, events };
  const written = await (options.inline === undefined
    ? log.appendMany([request])
    : log.appendMany([request], { inline: options.inline }));
  if (E.isLeft(written)) return E.left(relocated(written.left));
  const [result] = written.right;
  if (result === undefined) throw new Error('appendMany gave no result for its one request');
  return E.right(result);
};
