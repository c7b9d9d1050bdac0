import { hash } from 'node:crypto';
import { canonicalJson } from './canonicalJson.js';
import type { StoredEvent } from './EventEnvelope.js';
import { quoteJson } from './quoteJson.js';

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

/**
 * SHA-256 (hex) of the RFC 8785 canonical JSON of an envelope without its hash. Keys are written in
 * JCS order by hand so that the canonical data and metadata computed once at validation are reused;
 * `computeEventHash` gives the same result from parsed values (a property test holds them equal). Pure.
 */
export const hashEvent = (e: HashInput): string =>
  hash(
    'sha256',
    `{"data":${e.dataJson},"eventId":${quoteJson(e.eventId)},"globalPosition":${e.globalPosition},` +
      `"metadata":${e.metadataJson},"prevHash":${quoteJson(e.prevHash)},` +
      `"schemaVersion":${e.schemaVersion},"streamId":${quoteJson(e.streamId)},` +
      `"streamPosition":${e.streamPosition},"type":${quoteJson(e.type)}}`,
    'hex',
  );

/**
 * The hash an event should carry, recomputed from its parsed fields (used by `verify`). Pure.
 * @example computeEventHash(event) === event.hash // true for an untouched event
 */
export const computeEventHash = (e: Omit<StoredEvent, 'hash'>): string =>
  hashEvent({
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
