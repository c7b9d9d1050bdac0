import { StoredEventCodec, type StoredEvent } from './EventEnvelope.js';

const ENVELOPE = new Set([
  'eventId',
  'streamId',
  'streamPosition',
  'globalPosition',
  'type',
  'schemaVersion',
  'data',
  'metadata',
  'prevHash',
  'hash',
]);
const METADATA = new Set([
  'at',
  'actor',
  'commandId',
  'causationId',
  'correlationId',
  'commandDigest',
]);
const ACTOR = new Set(['id', 'role']);

const only = (u: object, known: ReadonlySet<string>): boolean => {
  for (const k in u) if (!known.has(k)) return false;
  return true;
};

/**
 * Whether a value already is what `StoredEventCodec.decode` would return for it: the codec's guard
 * holds and no object of the envelope (envelope, metadata, actor) has a key the codec would strip.
 * Then the value can be used as is, without decode's copies; otherwise decode it. Pure.
 * @example const e = isExactStoredEvent(json) ? json : StoredEventCodec.decode(json);
 */
export const isExactStoredEvent = (u: unknown): u is StoredEvent => {
  if (!StoredEventCodec.is(u) || !only(u, ENVELOPE) || !only(u.metadata, METADATA)) return false;
  const actor = u.metadata.actor;
  return actor === undefined || only(actor, ACTOR);
};
