import {
  GENESIS_HASH,
  type JsonObject,
  type JsonValue,
  type StoredEvent,
} from '../../../packages/eventlog/src/index.js';
import { computeEventHash } from '../../../packages/eventlog/src/adapter.js';
import { intIn } from './prng.js';

/** The kinds of single edit an attacker (or a bad disk) makes to a log. */
const EDIT_KINDS = ['flipData', 'flipMetadata', 'delete', 'reorder', 'insert', 'swap'] as const;
type EditKind = (typeof EDIT_KINDS)[number];

/** One edit: its kind and the 0-based indexes it touches. */
export interface Edit {
  readonly kind: EditKind;
  readonly i: number;
  readonly j: number;
  /** Which bit of which character of the flipped string (flips only). */
  readonly at: number;
  readonly bit: number;
}

/**
 * A random edit of a log of `n` events that the chain must reveal: no deletion of the last event and no
 * insertion after it (the log is append-only: a shorter or longer valid log is indistinguishable).
 */
export const randomEdit = (random: () => number, n: number): Edit => {
  const kind = EDIT_KINDS[intIn(random, 0, EDIT_KINDS.length - 1)] ?? 'flipData';
  const i = intIn(random, 0, n - 2);
  const j = kind === 'swap' ? intIn(random, Math.min(i + 2, n - 1), n - 1) : i + 1;
  return {
    kind,
    i,
    j: kind === 'swap' && j <= i + 1 ? i + 1 : j,
    at: intIn(random, 0, 1 << 20),
    bit: intIn(random, 0, 6),
  };
};

/** Flips one bit of one ASCII character of a string (the result always differs). Pure. */
export const flipChar = (s: string, at: number, bit: number): string => {
  const ascii = [...s.matchAll(/[\x20-\x7e]/g)].map((m) => m.index);
  const k = ascii[at % ascii.length];
  if (k === undefined) throw new Error(`no ASCII character to flip in ${JSON.stringify(s)}`);
  return s.slice(0, k) + String.fromCharCode(s.charCodeAt(k) ^ (1 << bit)) + s.slice(k + 1);
};

const isJsonObject = (v: JsonValue): v is JsonObject =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

const withText = (data: JsonValue, at: number, bit: number): JsonValue => {
  const text = isJsonObject(data) ? data['text'] : undefined;
  if (!isJsonObject(data) || typeof text !== 'string')
    throw new Error('events of the tamper log carry data.text');
  return { ...data, text: flipChar(text, at, bit) };
};

/** An event a forger slips in before index `i`: correct position, predecessor hash and own hash. */
export const forgedAt = (rows: readonly StoredEvent[], i: number): StoredEvent => {
  const base = {
    eventId: '0f0f0f0f-0f0f-4f0f-8f0f-0f0f0f0f0f0f',
    streamId: 'forged-stream',
    streamPosition: 1,
    globalPosition: i + 1,
    type: 'Forged',
    schemaVersion: 1,
    data: { text: 'not written by the store' },
    metadata: { at: '2010-05-10T09:00:00+08:00' },
    prevHash: i === 0 ? GENESIS_HASH : (rows[i - 1]?.hash ?? GENESIS_HASH),
  };
  return { ...base, hash: computeEventHash(base) };
};

/**
 * Applies an edit to a copy of the rows and returns it with the index of the first event that can no
 * longer be valid (the position `verify` must report). Pure.
 */
export const applyEdit = (
  rows: readonly StoredEvent[],
  e: Edit,
): { readonly rows: StoredEvent[]; readonly firstBad: number } => {
  const out = [...rows];
  const row = (k: number): StoredEvent => {
    const r = out[k];
    if (r === undefined) throw new Error(`no row ${k}`);
    return r;
  };
  switch (e.kind) {
    case 'flipData':
      out[e.i] = { ...row(e.i), data: withText(row(e.i).data, e.at, e.bit) };
      return { rows: out, firstBad: e.i };
    case 'flipMetadata': {
      const m = row(e.i).metadata;
      out[e.i] = { ...row(e.i), metadata: { ...m, at: flipChar(m.at, e.at, e.bit) } };
      return { rows: out, firstBad: e.i };
    }
    case 'delete':
      out.splice(e.i, 1);
      return { rows: out, firstBad: e.i };
    case 'reorder':
    case 'swap': {
      const a = row(e.i);
      out[e.i] = row(e.j);
      out[e.j] = a;
      return { rows: out, firstBad: e.i };
    }
    case 'insert':
      out.splice(e.i, 0, forgedAt(rows, e.i));
      return { rows: out, firstBad: e.i + 1 };
  }
};
