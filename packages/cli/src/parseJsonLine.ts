import * as E from 'fp-ts/lib/Either.js';
import { getUnsafeNumberReason, parse } from 'lossless-json';

const QUOTE = 34;
const BACKSLASH = 92;
const COLON = 58;
const MINUS = 45;

const isDigit = (c: number): boolean => c >= 48 && c <= 57;
const isSpace = (c: number): boolean => c === 32 || c === 9 || c === 10 || c === 13;
/** A character of a number token past its first: digit, `.`, `e`, `E`, `+`, `-`. */
const inNumber = (c: number): boolean =>
  isDigit(c) || c === 46 || c === 101 || c === 69 || c === 43 || c === MINUS;

/** The index of the quote that closes the string opened at `open`, or -1. Pure. */
const closingQuote = (text: string, open: number): number => {
  let end = text.indexOf('"', open + 1);
  for (;;) {
    if (end === -1) return -1;
    let k = end - 1;
    while (text.charCodeAt(k) === BACKSLASH) k -= 1;
    if ((end - 1 - k) % 2 === 0) return end; // an even run of backslashes: not escaped
    end = text.indexOf('"', end + 1);
  }
};

/**
 * One pass over a valid JSON text: how many keys it writes, and whether a number in it may not read
 * back as written (anything but an integer of at most 15 digits is asked of lossless-json). Pure.
 */
const scanTokens = (text: string): { readonly keys: number; readonly suspect: boolean } => {
  let keys = 0;
  let suspect = false;
  for (let i = 0; i < text.length;) {
    const c = text.charCodeAt(i);
    if (c === QUOTE) {
      const end = closingQuote(text, i);
      if (end === -1) return { keys, suspect: true };
      i = end + 1;
      while (isSpace(text.charCodeAt(i))) i += 1;
      if (text.charCodeAt(i) === COLON) keys += 1;
    } else if (c === MINUS || isDigit(c)) {
      const start = i;
      let plain = true;
      for (i += 1; i < text.length && inNumber(text.charCodeAt(i)); i += 1)
        if (!isDigit(text.charCodeAt(i))) plain = false;
      const digits = i - start - (c === MINUS ? 1 : 0);
      if ((!plain || digits > 15) && getUnsafeNumberReason(text.slice(start, i)) !== undefined)
        suspect = true;
    } else i += 1;
  }
  return { keys, suspect };
};

const WHY: Readonly<Record<string, string>> = {
  underflow: 'it would be read as 0',
  overflow: 'it would be read as Infinity',
  truncate_integer: 'it has more digits than a number holds exactly',
  truncate_float: 'it has more digits than a number holds exactly',
};

/** How many keys a parsed value holds, nested ones included. Pure. */
const keysIn = (u: unknown): number => {
  if (typeof u !== 'object' || u === null) return 0;
  let n = 0;
  if (Array.isArray(u)) for (const v of u) n += keysIn(v);
  else for (const v of Object.values(u)) n += 1 + keysIn(v);
  return n;
};

const exactNumber = (s: string): number => {
  const reason = getUnsafeNumberReason(s);
  if (reason !== undefined)
    throw new SyntaxError(`the number ${s} does not survive being read (${WHY[reason] ?? reason})`);
  return Number(s);
};

/**
 * Parses one JSON line, refusing what `JSON.parse` would silently change: a key given twice with
 * different values (the last would win) and a number that does not read back as written (`1e-400`
 * becomes 0, `12345678901234567890` loses digits). The left is a sentence naming the problem. The
 * common line costs `JSON.parse` plus one pass over its characters; only a suspect line is parsed
 * again by `lossless-json`, which names the duplicate key or the number. Pure.
 * @example parseJsonLine('{"a":1,"a":2}') // left: "Duplicate key 'a' encountered at position 8"
 */
export const parseJsonLine = (text: string): E.Either<string, unknown> => {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    return E.left(e instanceof Error ? e.message : String(e));
  }
  try {
    const { keys, suspect } = scanTokens(text);
    if (!suspect && keys === keysIn(value)) return E.right(value);
    parse(text, undefined, exactNumber);
  } catch (e) {
    // A line too deep for these checks (`keysIn` and lossless-json recurse) is refused, not let through.
    return E.left(e instanceof Error ? e.message : String(e));
  }
  // lossless-json accepts a key repeated with an equal value: the meaning did not change.
  return E.right(value);
};
