/**
 * A character `JSON.stringify` escapes in a string (C0 control, quote, backslash) or may escape (a
 * surrogate, escaped when lone). A string without one is its own JSON text between quotes.
 */
// eslint-disable-next-line no-control-regex -- finding the C0 controls JSON escapes is the point
const NEEDS_ESCAPE = /[\u0000-\u001f"\\\ud800-\udfff]/;

/**
 * Whether `JSON.stringify(s)` could differ from `s` between quotes. One regex test: on the short
 * strings of an envelope it is cheaper than a char-code scan. Pure.
 * @example needsJsonEscape('stream-1') // false
 */
export const needsJsonEscape = (s: string): boolean => NEEDS_ESCAPE.test(s);

/**
 * `JSON.stringify` of a string, written without calling the builtin when nothing needs escaping
 * (no quote, backslash, control character or surrogate): on short strings the call costs more than
 * the text. Pure.
 * @example quoteJson('stream-1') // '"stream-1"'
 */
export const quoteJson = (s: string): string =>
  NEEDS_ESCAPE.test(s) ? JSON.stringify(s) : `"${s}"`;

/**
 * The length of `JSON.stringify(s)`, counted without writing it when nothing needs escaping. Pure.
 * @example jsonStringLength('a"b') // 6
 */
export const jsonStringLength = (s: string): number =>
  NEEDS_ESCAPE.test(s) ? JSON.stringify(s).length : s.length + 2;
