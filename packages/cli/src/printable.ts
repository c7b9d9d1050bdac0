const UNPRINTABLE =
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/**
 * A string safe to write to a terminal: every control character (C0, DEL, C1, line separators,
 * bidirectional marks and overrides) written as a visible `\uXXXX` escape, so text from a log or an
 * input file can neither move the cursor, colour the screen nor forge a line. Pure.
 * @example printable('a\nb\u001b[31m') // 'a\\u000ab\\u001b[31m'
 */
export const printable = (s: string): string =>
  s.replace(UNPRINTABLE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
