import { hash } from 'node:crypto';
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
  const bytes = Buffer.allocUnsafe(16 + Buffer.byteLength(name, 'utf8'));
  NAMESPACE_BYTES.copy(bytes, 0);
  bytes.write(name, 16, 'utf8');
  const x = hash('sha1', bytes, 'hex');
  // Version 5 in the high nibble of byte 6, variant 10xx in the high bits of byte 8.
  const variant = ((parseInt(x.charAt(16), 16) & 0x3) | 0x8).toString(16);
  return `${x.slice(0, 8)}-${x.slice(8, 12)}-5${x.slice(13, 16)}-${variant}${x.slice(17, 20)}-${x.slice(20, 32)}`;
};

/**
 * The id of the `index`-th event (counting across all its streams) a command appends: UUIDv5 of
 * `${commandId}:${index}`, so a retried or racing command writes the same ids and the store's own
 * idempotency settles the race. Pure.
 */
export const eventIdOf = (commandId: string, index: number): string =>
  engineUuid(`${commandId}:${index}`);

const isJsonArray = (v: JsonValue): v is readonly JsonValue[] => Array.isArray(v);

/**
 * RFC 8785 text of a JSON value, written directly as `canonicalize` writes it: keys sorted by UTF-16
 * code units (those holding `undefined` left out), primitives as `JSON.stringify` writes them. Pure.
 */
const canonicalText = (v: JsonValue): string => {
  if (typeof v !== 'object' || v === null) return JSON.stringify(v);
  if (isJsonArray(v)) {
    let s = '[';
    for (let i = 0; i < v.length; i++) s += (i === 0 ? '' : ',') + canonicalText(v[i] ?? null);
    return `${s}]`;
  }
  const keys = Object.keys(v).sort();
  let s = '';
  for (const k of keys) {
    const x = v[k];
    if (x !== undefined) s += `,${JSON.stringify(k)}:${canonicalText(x)}`;
  }
  return `{${s.slice(1)}}`;
};

/**
 * SHA-256 (hex) of the RFC 8785 canonical JSON of a command: same payload, same digest. The text is
 * `canonicalJson`'s (a property test holds them equal); a value whose text holds `\ud` (perhaps a
 * lone surrogate, which `canonicalJson` refuses) goes through `canonicalJson` itself. Pure.
 */
export const commandDigest = (command: JsonValue): string => {
  const text = canonicalText(command);
  return hash('sha256', text.includes('\\ud') ? canonicalJson(command) : text, 'hex');
};

/** The command id a timer fires with (UUIDv5 of `timer:${timerId}`). Pure. */
export const timerCommandId = (timerId: string): string => engineUuid(`timer:${timerId}`);

/** The id of a timer's `TimerFired` event (UUIDv5 of `timer-fired:${timerId}`). Pure. */
export const timerFiredEventId = (timerId: string): string =>
  v5(`timer-fired:${timerId}`, ENGINE_NAMESPACE);
