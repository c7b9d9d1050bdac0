import { createHash } from 'node:crypto';
import { canonicalJson, type JsonValue } from '@strive/eventlog';
import { v5 } from 'uuid';

/** The UUIDv5 namespace of every id the engine derives. */
export const ENGINE_NAMESPACE = '6f1d3c2a-8b4e-5f70-9a1b-2c3d4e5f6a7b';

const NAMESPACE_BYTES = Buffer.from(ENGINE_NAMESPACE.replaceAll('-', ''), 'hex');
const LONE_SURROGATE = /[\ud800-\udfff]/;

/**
 * UUIDv5 of `name` in the engine's namespace, exactly as `uuid`'s `v5` computes it, with node:crypto's
 * SHA-1 (several times faster than `uuid`'s JavaScript one); names with surrogates, which `uuid` encodes
 * (or refuses) in its own way, go to `uuid` itself. Pure.
 */
export const engineUuid = (name: string): string => {
  if (LONE_SURROGATE.test(name)) return v5(name, ENGINE_NAMESPACE);
  const h = createHash('sha1').update(NAMESPACE_BYTES).update(name, 'utf8').digest();
  h.writeUInt8((h.readUInt8(6) & 0x0f) | 0x50, 6);
  h.writeUInt8((h.readUInt8(8) & 0x3f) | 0x80, 8);
  const x = h.toString('hex', 0, 16);
  return `${x.slice(0, 8)}-${x.slice(8, 12)}-${x.slice(12, 16)}-${x.slice(16, 20)}-${x.slice(20)}`;
};

/**
 * The id of the `index`-th event (counting across all its streams) a command appends: UUIDv5 of
 * `${commandId}:${index}`, so a retried or racing command writes the same ids and the store's own
 * idempotency settles the race. Pure.
 */
export const eventIdOf = (commandId: string, index: number): string =>
  engineUuid(`${commandId}:${index}`);

/** SHA-256 (hex) of the RFC 8785 canonical JSON of a command: same payload, same digest. Pure. */
export const commandDigest = (command: JsonValue): string =>
  createHash('sha256').update(canonicalJson(command)).digest('hex');

/** The command id a timer fires with (UUIDv5 of `timer:${timerId}`). Pure. */
export const timerCommandId = (timerId: string): string => engineUuid(`timer:${timerId}`);

/** The id of a timer's `TimerFired` event (UUIDv5 of `timer-fired:${timerId}`). Pure. */
export const timerFiredEventId = (timerId: string): string =>
  v5(`timer-fired:${timerId}`, ENGINE_NAMESPACE);
