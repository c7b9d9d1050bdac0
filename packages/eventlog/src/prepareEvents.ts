import * as E from 'fp-ts/lib/Either.js';
import { canonicalCopy } from './canonicalCopy.js';
import { invalidEvent, type InvalidEvent } from './errors.js';
import type { EventMetadata } from './EventEnvelope.js';
import type { JsonValue } from './json.js';
import { prepareMetadata } from './prepareMetadata.js';
import { MAX_EVENT_TYPE_LENGTH, MAX_STREAM_ID_LENGTH, nameProblem } from './validateName.js';

/** An event that passed validation, with its canonical JSON computed once for storage and hashing. */
export interface PreparedEvent {
  readonly eventId: string;
  readonly type: string;
  readonly schemaVersion: number;
  readonly data: JsonValue;
  readonly metadata: EventMetadata;
  readonly dataJson: string;
  readonly metadataJson: string;
}

/** Options every store accepts for validation. */
export interface ValidationOptions {
  /** Largest canonical data + metadata of one event, in UTF-8 bytes (default 1 MiB). */
  readonly maxEventBytes?: number;
}

/** The default per-event size limit: 1 MiB. */
export const DEFAULT_MAX_EVENT_BYTES = 1024 * 1024;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const EVENT_KEYS = new Set(['eventId', 'type', 'schemaVersion', 'data', 'metadata']);

const field = (o: object, key: string): unknown => Reflect.get(o, key);

const unknownField = (o: object): string | undefined => {
  const keys = Object.keys(o);
  for (let i = 0; i < keys.length; i++) if (!EVENT_KEYS.has(keys[i] ?? '')) return keys[i];
  return undefined;
};

/** The last event type found valid: events written together usually share their type. */
let lastType = '';
const typeProblem = (type: unknown): string | null =>
  type === lastType && type !== '' ? null : nameProblem(type, MAX_EVENT_TYPE_LENGTH);

const prepareOne = (
  u: unknown,
  path: string,
  newId: () => string,
  maxBytes: number,
): E.Either<InvalidEvent, PreparedEvent> => {
  if (typeof u !== 'object' || u === null || Array.isArray(u))
    return E.left(invalidEvent(path, 'an event must be an object'));
  const extra = unknownField(u);
  if (extra !== undefined) return E.left(invalidEvent(`${path}.${extra}`, 'unknown event field'));
  const type = field(u, 'type');
  const problem = typeProblem(type);
  if (problem !== null || typeof type !== 'string')
    return E.left(invalidEvent(`${path}.type`, problem ?? 'must be a string'));
  lastType = type;
  const eventId = field(u, 'eventId') ?? newId();
  if (typeof eventId !== 'string' || !UUID.test(eventId))
    return E.left(invalidEvent(`${path}.eventId`, 'must be a lowercase UUID'));
  const version = field(u, 'schemaVersion') ?? 1;
  if (
    typeof version !== 'number' ||
    !Number.isSafeInteger(version) ||
    version < 1 ||
    version > 1_000_000
  )
    return E.left(invalidEvent(`${path}.schemaVersion`, 'must be an integer from 1 to 1,000,000'));
  const data = canonicalCopy(field(u, 'data'), `${path}.data`, {
    maxDepth: 64,
    maxChars: maxBytes,
  });
  if (E.isLeft(data)) return data;
  const metadata = prepareMetadata(field(u, 'metadata'), `${path}.metadata`, maxBytes);
  if (E.isLeft(metadata)) return metadata;
  const dataJson = data.right.json;
  const metadataJson = metadata.right.json;
  // A UTF-16 code unit takes at most 3 bytes in UTF-8: short texts need no byte count.
  const surelySmall = (dataJson.length + metadataJson.length) * 3 <= maxBytes;
  const bytes = surelySmall ? 0 : Buffer.byteLength(dataJson) + Buffer.byteLength(metadataJson);
  if (bytes > maxBytes)
    return E.left(
      invalidEvent(path, `event is ${bytes} bytes, more than the limit of ${maxBytes}`),
    );
  return E.right({
    eventId,
    type,
    schemaVersion: version,
    data: data.right.value,
    metadata: metadata.right.metadata,
    dataJson,
    metadataJson,
  });
};

/**
 * Validates a stream id and a batch of new events at the write boundary, before any I/O. The data and
 * metadata of a prepared event are fresh copies, so later changes to the caller's objects cannot reach the log. Pure
 * except for `newId`, which supplies ids for events that have none.
 */
export const prepareEvents = (
  streamId: unknown,
  events: unknown,
  newId: () => string,
  options: ValidationOptions = {},
  path = 'events',
): E.Either<InvalidEvent, readonly PreparedEvent[]> => {
  const streamProblem = nameProblem(streamId, MAX_STREAM_ID_LENGTH);
  if (streamProblem !== null) return E.left(invalidEvent('streamId', streamProblem));
  if (!Array.isArray(events)) return E.left(invalidEvent(path, 'events must be an array'));
  // No events (a version check): nothing from the sites below, which V8 could pretenure otherwise.
  if (events.length === 0) return E.right([]);
  const maxBytes = options.maxEventBytes ?? DEFAULT_MAX_EVENT_BYTES;
  const out: PreparedEvent[] = [];
  const ids = new Set<string>();
  for (let i = 0; i < events.length; i++) {
    const p = prepareOne(events[i], `${path}[${i}]`, newId, maxBytes);
    if (E.isLeft(p)) return p;
    if (ids.has(p.right.eventId))
      return E.left(invalidEvent(`${path}[${i}].eventId`, 'event id repeated within the batch'));
    ids.add(p.right.eventId);
    out.push(p.right);
  }
  return E.right(out);
};
