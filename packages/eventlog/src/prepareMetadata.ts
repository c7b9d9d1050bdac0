import * as E from 'fp-ts/lib/Either.js';
import { canonicalCopy, type CanonicalCopy } from './canonicalCopy.js';
import { canonicalJson } from './canonicalJson.js';
import { commonMetadata } from './commonMetadata.js';
import { invalidEvent, type InvalidEvent } from './errors.js';
import { EventMetadataCodec, type EventMetadata } from './EventEnvelope.js';
import { isIsoDateTime } from './isIsoDateTime.js';
import type { JsonObject, JsonValue } from './json.js';
import { validateJson } from './validateJson.js';

/** Validated metadata, a fresh copy, with its canonical JSON. */
export interface PreparedMetadata {
  readonly metadata: EventMetadata;
  readonly json: string;
}

const METADATA_KEYS = new Set([
  'at',
  'actor',
  'commandId',
  'causationId',
  'correlationId',
  'commandDigest',
]);
const ACTOR_KEYS = new Set(['id', 'role']);
const ID_KEYS = ['commandId', 'causationId', 'correlationId', 'commandDigest'] as const;

const unknownKey = (o: object, allowed: Set<string>): string | undefined =>
  Object.keys(o).find((k) => !allowed.has(k));

/**
 * The general path of `prepareMetadata`: unknown keys refused (io-ts would strip those of `actor`), then a
 * canonical copy. Exported for the property test that holds both paths equal. Pure.
 */
export const decodeMetadata = (
  u: unknown,
  path: string,
  maxChars: number,
): E.Either<InvalidEvent, PreparedMetadata> => {
  const json = validateJson(u, path, { maxDepth: 4, maxChars });
  if (E.isLeft(json)) return json;
  if (typeof u !== 'object' || u === null || Array.isArray(u))
    return E.left(invalidEvent(path, 'metadata must be an object'));
  const extra = unknownKey(u, METADATA_KEYS);
  if (extra !== undefined)
    return E.left(invalidEvent(`${path}.${extra}`, 'unknown metadata field'));
  const actor: unknown = 'actor' in u ? u.actor : undefined;
  if (typeof actor === 'object' && actor !== null && !Array.isArray(actor)) {
    const extraActorKey = unknownKey(actor, ACTOR_KEYS);
    if (extraActorKey !== undefined)
      return E.left(invalidEvent(`${path}.actor.${extraActorKey}`, 'unknown actor field'));
  }
  const decoded = EventMetadataCodec.decode(u);
  if (E.isLeft(decoded)) {
    const ctx = decoded.left[0]?.context
      .map((c) => c.key)
      .filter((k) => k !== '' && !/^\d+$/.test(k));
    return E.left(invalidEvent(`${path}.${ctx?.join('.') ?? ''}`, 'wrong type in metadata'));
  }
  if (!isIsoDateTime(decoded.right.at))
    return E.left(invalidEvent(`${path}.at`, 'must be an ISO-8601 date-time with an offset'));
  // io-ts returns the caller's object when nothing is stripped: copy it so the log never aliases it.
  return E.right({ metadata: structuredClone(decoded.right), json: canonicalJson(decoded.right) });
};

const isObject = (v: JsonValue | undefined): v is JsonObject =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** The common shape, checked directly on the canonical copy: nothing to strip, every field typed. */
const asMetadata = (c: CanonicalCopy): EventMetadata | undefined => {
  const m = c.value;
  if (!isObject(m)) return undefined;
  if (unknownKey(m, METADATA_KEYS) !== undefined) return undefined;
  const { at, actor } = m;
  if (typeof at !== 'string' || !isIsoDateTime(at)) return undefined;
  const out: { -readonly [K in keyof EventMetadata]: EventMetadata[K] } = { at };
  for (const k of ID_KEYS) {
    const v = m[k];
    if (v === undefined) continue;
    if (typeof v !== 'string') return undefined;
    out[k] = v;
  }
  if (actor === undefined) return out;
  if (!isObject(actor)) return undefined;
  const { id, role } = actor;
  if (Object.keys(actor).length !== 2 || typeof id !== 'string' || typeof role !== 'string')
    return undefined;
  out.actor = { id, role };
  return out;
};

/**
 * Validates the metadata of a new event (plain JSON, known fields only, `at` an ISO-8601 date-time
 * with an offset) into a fresh copy and its canonical JSON. The common shape is read directly
 * (`commonMetadata`), then checked on a canonical copy; anything else takes the io-ts path, so all
 * three give the same answer. Pure.
 */
export const prepareMetadata = (
  u: unknown,
  path: string,
  maxChars: number,
): E.Either<InvalidEvent, PreparedMetadata> => {
  const common = commonMetadata(u, maxChars);
  if (common !== undefined) return E.right(common);
  const c = canonicalCopy(u, path, { maxDepth: 4, maxChars });
  if (E.isLeft(c)) return c;
  const metadata = asMetadata(c.right);
  if (metadata === undefined) return decodeMetadata(u, path, maxChars);
  return E.right({ metadata, json: c.right.json });
};
