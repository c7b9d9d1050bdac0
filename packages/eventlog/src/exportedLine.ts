import { hash } from 'node:crypto';
import type { StoredEvent } from './EventEnvelope.js';
import { hashedText } from './hashEvent.js';
import type { JsonValue } from './json.js';

/**
 * One stored event as a line of an exported log: the text its hash covers (`hashedText`, keys in
 * RFC 8785 order) with `"hash"` added last, so that a reader can hash the line's own text instead of
 * writing the envelope again (`exportedLineHolds`). Any JSON reader reads the same event. Pure.
 * @example exportedLine(e) // '{"data":{…},"eventId":"…",…,"type":"…","hash":"…"}'
 */
export const exportedLine = (e: StoredEvent): string =>
  `${hashedText(e).slice(0, -1)},"hash":"${e.hash}"}`;

/** `,"hash":"` + 64 hex digits + `"}`: what `exportedLine` adds after the hashed text's last member. */
const HASH_TAIL = 75;

/** The envelope's keys in the order `exportedLine` writes them. */
const ORDER = [
  'data',
  'eventId',
  'globalPosition',
  'metadata',
  'prevHash',
  'schemaVersion',
  'streamId',
  'streamPosition',
  'type',
  'hash',
];

/** What `exportedLine` writes around the values: braces, the ten keys, their colons and commas. */
const FRAME = 2 + ORDER.reduce((n, k) => n + k.length + 3, 0) + ORDER.length - 1;

/**
 * Only tokens that need no rewriting: structural characters and digits, strings without a backslash
 * (no escape), a control character or a surrogate, and literals. No whitespace, no `.`, `e` or `+` in
 * a number. Linear: each alternative starts with a different character.
 */
// eslint-disable-next-line no-control-regex -- refusing the C0 controls is the point
const PLAIN_TOKENS = /^(?:[{}[\],:0-9-]|"[^"\\\u0000-\u001f\ud800-\udfff]*"|true|false|null)*$/;

const digits = (n: number): number => {
  let d = n < 0 ? 2 : 1;
  for (let m = Math.abs(n); m >= 10; m = Math.floor(m / 10)) d += 1;
  return d;
};

const isArray = (v: JsonValue): v is readonly JsonValue[] => Array.isArray(v);

/**
 * The length of `JSON.stringify(v)` when it is RFC 8785 text made of tokens `PLAIN_TOKENS` allows
 * (given that its strings need no escape): numbers safe integers, every object's keys in
 * increasing order and none starting with a digit (so none is an array index JavaScript would list
 * first); -1 otherwise, or deeper than 64. Pure.
 */
const plainLength = (v: JsonValue, depth: number): number => {
  if (typeof v === 'string') return v.length + 2;
  // -0 is written `0`: one character less than a line spelling it `-0`, so the length rules that out.
  if (typeof v === 'number') return Number.isSafeInteger(v) ? digits(v) : -1;
  if (typeof v === 'boolean') return v ? 4 : 5;
  if (v === null) return 4;
  if (depth > 64) return -1;
  if (isArray(v)) {
    let n = v.length === 0 ? 2 : v.length + 1;
    for (let i = 0; i < v.length; i++) {
      const m = plainLength(v[i] ?? null, depth + 1);
      if (m < 0) return -1;
      n += m;
    }
    return n;
  }
  let n = 1;
  let previous: string | undefined;
  for (const k in v) {
    const c = k.charCodeAt(0);
    if ((c >= 48 && c <= 57) || (previous !== undefined && !(previous < k))) return -1;
    previous = k;
    const m = plainLength(v[k] ?? null, depth + 1);
    if (m < 0) return -1;
    n += k.length + 4 + m;
  }
  return previous === undefined ? 2 : n;
};

const inOrder = (e: StoredEvent): boolean => {
  let i = 0;
  for (const k in e) if (k !== ORDER[i++]) return false;
  return i === ORDER.length;
};

/**
 * Whether `line` is, character for character, the text `exportedLine` writes for `e` (the event
 * `JSON.parse(line)` gave, checked by `isExactStoredEvent`) once `lineHashHolds` has found its tokens
 * plain: the envelope's keys in `exportedLine`'s order and nested ones increasing, none an array
 * index, numbers safe integers, and the line exactly as long as that text. The length rules out a key
 * given twice (`JSON.parse` keeps one member per key, so a line with more is longer) and a number or
 * string spelled otherwise. The half of `exportedLineHolds` that needs the parsed event. Pure.
 * @example exportedLineFits(line, JSON.parse(line)) && lineHashHolds(line)
 */
export const exportedLineFits = (line: string, e: StoredEvent): boolean => {
  const data = plainLength(e.data, 1);
  const metadata = plainLength(e.metadata, 1);
  if (data < 0 || metadata < 0 || !inOrder(e)) return false;
  const values =
    data +
    metadata +
    e.eventId.length +
    e.streamId.length +
    e.type.length +
    6 +
    2 * 66 +
    digits(e.globalPosition) +
    digits(e.schemaVersion) +
    digits(e.streamPosition);
  return line.length === FRAME + values;
};

/**
 * Whether a line written as `exportedLine` writes (hashed text, then `,"hash":"…"}`) is made of plain
 * tokens (`PLAIN_TOKENS`: no whitespace, escape, or number spelled otherwise) and its hashed text
 * hashes to the 64 characters it ends with. The half of `exportedLineHolds` that needs only the text,
 * so another thread can run it; it proves the event's hash only where `exportedLineFits` holds too.
 * Pure.
 * @example lineHashHolds(exportedLine(e)) // true
 */
export const lineHashHolds = (line: string): boolean =>
  line.length > HASH_TAIL &&
  PLAIN_TOKENS.test(line) &&
  hash('sha256', `${line.slice(0, -HASH_TAIL)}}`, 'hex') === line.slice(-66, -2);

/**
 * Whether the hash of an event parsed from `line` (a line `exportedLine` wrote) holds, checked on the
 * line's own text: true only when `computeEventHash(e) === e.hash` would be; false when that is not
 * shown here (another key order, an escape, a fraction…: ask `computeEventHash`). It is when the line
 * is the text `exportedLine` writes for `e` (`exportedLineFits`), its tokens are plain and the text
 * before the hash hashes to it (`lineHashHolds`): the hashed text is then a slice of the line, and the
 * 64 characters it ends with are `e.hash`. `e` must be what `JSON.parse(line)` gave, checked by
 * `isExactStoredEvent`. Pure.
 * @example exportedLineHolds(line, JSON.parse(line)) // true for an untouched exported line
 */
export const exportedLineHolds = (line: string, e: StoredEvent): boolean =>
  exportedLineFits(line, e) && lineHashHolds(line);
