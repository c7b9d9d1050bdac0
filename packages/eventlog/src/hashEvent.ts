import { hash } from 'node:crypto';
import { canonicalJson } from './canonicalJson.js';
import { isInCanonicalOrder } from './canonicalText.js';
import type { StoredEvent } from './EventEnvelope.js';
import { needsJsonEscape, quoteJson } from './quoteJson.js';

/** The fields a hash covers, with data and metadata already in canonical JSON. */
export interface HashInput {
  readonly eventId: string;
  readonly streamId: string;
  readonly streamPosition: number;
  readonly globalPosition: number;
  readonly type: string;
  readonly schemaVersion: number;
  readonly dataJson: string;
  readonly metadataJson: string;
  readonly prevHash: string;
}

/** The hash input, each string quoted by `quoteJson` (any string that needs an escape). */
const escapedText = (e: HashInput): string =>
  `{"data":${e.dataJson},"eventId":${quoteJson(e.eventId)},"globalPosition":${e.globalPosition},` +
  `"metadata":${e.metadataJson},"prevHash":${quoteJson(e.prevHash)},` +
  `"schemaVersion":${e.schemaVersion},"streamId":${quoteJson(e.streamId)},` +
  `"streamPosition":${e.streamPosition},"type":${quoteJson(e.type)}}`;

/**
 * SHA-256 (hex) of the RFC 8785 canonical JSON of an envelope without its hash. Keys are written in
 * JCS order by hand so that the canonical data and metadata computed once at validation are reused;
 * `computeEventHash` gives the same result from parsed values (a property test holds them equal).
 * When no string needs an escape (the usual case) they are written between quotes inline: one regex
 * test each (`needsJsonEscape`), and a shallower string for the hash to flatten. Pure.
 */
export const hashEvent = (e: HashInput): string =>
  hash(
    'sha256',
    needsJsonEscape(e.eventId) ||
      needsJsonEscape(e.prevHash) ||
      needsJsonEscape(e.streamId) ||
      needsJsonEscape(e.type)
      ? escapedText(e)
      : `{"data":${e.dataJson},"eventId":"${e.eventId}","globalPosition":${e.globalPosition},` +
          `"metadata":${e.metadataJson},"prevHash":"${e.prevHash}",` +
          `"schemaVersion":${e.schemaVersion},"streamId":"${e.streamId}",` +
          `"streamPosition":${e.streamPosition},"type":"${e.type}"}`,
    'hex',
  );

/**
 * The text an event's hash covers: RFC 8785 canonical JSON of the envelope without its hash. When data
 * and metadata keep their keys in canonical order (as read back from the log), one native
 * `JSON.stringify` of the envelope's fields written in JCS order (strings and numbers as JCS writes
 * them); otherwise data and metadata are canonicalized first. Pure.
 * @example hashedText(event) // '{"data":{…},"eventId":"…",…,"type":"…"}'
 */
export const hashedText = (e: Omit<StoredEvent, 'hash'>): string =>
  isInCanonicalOrder(e.data) && isInCanonicalOrder(e.metadata)
    ? JSON.stringify({
        data: e.data,
        eventId: e.eventId,
        globalPosition: e.globalPosition,
        metadata: e.metadata,
        prevHash: e.prevHash,
        schemaVersion: e.schemaVersion,
        streamId: e.streamId,
        streamPosition: e.streamPosition,
        type: e.type,
      })
    : escapedText({
        eventId: e.eventId,
        streamId: e.streamId,
        streamPosition: e.streamPosition,
        globalPosition: e.globalPosition,
        type: e.type,
        schemaVersion: e.schemaVersion,
        dataJson: canonicalJson(e.data),
        metadataJson: canonicalJson(e.metadata),
        prevHash: e.prevHash,
      });

/**
 * The hash an event should carry, recomputed from its parsed fields (used by `verify`): SHA-256 (hex)
 * of `hashedText`. Pure.
 * @example computeEventHash(event) === event.hash // true for an untouched event
 */
export const computeEventHash = (e: Omit<StoredEvent, 'hash'>): string =>
  hash('sha256', hashedText(e), 'hex');
