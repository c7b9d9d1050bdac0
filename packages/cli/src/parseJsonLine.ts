import * as E from 'fp-ts/lib/Either.js';
import { getUnsafeNumberReason, parse } from 'lossless-json';

/**
 * Every string literal (group 1: the colon that makes it a key) and every number outside strings.
 * Written as an unrolled loop: the alternation `(?:[^"\\]|\\.)*` overflows V8's regexp stack on a
 * string of a few megabytes.
 */
const TOKENS = /"[^"\\]*(?:\\.[^"\\]*)*"(\s*:)?|(-?\d[\d.eE+-]*)/g;
const PLAIN_INTEGER = /^-?\d{1,15}$/;

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
 * common line costs `JSON.parse` plus one regular-expression pass; only a suspect line is parsed
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
  let keys = 0;
  let suspect = false;
  try {
    for (const m of text.matchAll(TOKENS)) {
      if (m[1] !== undefined) keys += 1;
      const n = m[2];
      if (n !== undefined && !PLAIN_INTEGER.test(n) && getUnsafeNumberReason(n) !== undefined)
        suspect = true;
    }
    if (!suspect && keys === keysIn(value)) return E.right(value);
    parse(text, undefined, exactNumber);
  } catch (e) {
    // A line too deep or too long for these checks is refused rather than let through unchecked.
    return E.left(e instanceof Error ? e.message : String(e));
  }
  // lossless-json accepts a key repeated with an equal value: the meaning did not change.
  return E.right(value);
};
