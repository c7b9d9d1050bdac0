import { StoredEventCodec, type StoredEvent } from './EventEnvelope.js';
import { storedMetadata } from './storedColumns.js';

/** The envelope's keys, from the codec itself. */
const ENVELOPE = new Set(Object.keys(StoredEventCodec.type.props));

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
export const isExactStoredEvent = (u: unknown): u is StoredEvent =>
  // `storedMetadata` accepts metadata (and its actor) exactly when there is nothing to strip.
  StoredEventCodec.is(u) && only(u, ENVELOPE) && storedMetadata(u.metadata) !== undefined;
