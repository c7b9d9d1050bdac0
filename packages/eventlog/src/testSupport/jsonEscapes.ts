/**
 * Characters JSON escapes or might: a quote, a backslash, controls, lone and paired surrogates, a
 * line separator. Property tests of the hand-written quoting paths draw strings from them. Pure.
 */
export const JSON_ESCAPE_SAMPLES: readonly string[] = [
  '"',
  '\\',
  '\n',
  '\u0000',
  '\u001f',
  '\ud800',
  '\udc00',
  '\udfff',
  '\ud83d\ude00',
  '\u2028',
];
