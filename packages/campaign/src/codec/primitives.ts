import { refine } from '@strive/engine';
import { isIsoDateTime } from '@strive/eventlog';
import * as t from 'io-ts';

const ID = /^[A-Za-z0-9](?:[A-Za-z0-9_.:-]{0,98}[A-Za-z0-9])?$/;

/** A finite number (io-ts's `t.number` lets NaN and Infinity through). */
export const FiniteNumber = refine(
  t.number,
  Number.isFinite,
  'FiniteNumber',
  'must be a finite number',
);

/** A non-negative safe integer. */
export const NonNegativeInt = refine(
  t.number,
  (n) => Number.isSafeInteger(n) && n >= 0,
  'NonNegativeInt',
  'must be an integer >= 0',
);

/** A positive safe integer. */
export const PositiveInt = refine(
  t.number,
  (n) => Number.isSafeInteger(n) && n >= 1,
  'PositiveInt',
  'must be an integer >= 1',
);

/** A share: a finite number from 0 to 1 inclusive. */
export const Share = refine(
  t.number,
  (n) => Number.isFinite(n) && n >= 0 && n <= 1,
  'Share',
  'must be a number from 0 to 1',
);

/**
 * Characters that change how text shows on a terminal or a page rather than what it says: C0 and C1
 * controls (newline, carriage return, ESC, NUL...), DEL, the line and paragraph separators and the
 * bidirectional marks, embeddings, overrides and isolates (U+202E reverses a line). Names, reasons
 * and every other free text refuse them, so a name cannot forge a row of a printed report.
 */
const CONTROL_CHARACTERS =
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;

const NO_CONTROLS =
  'without control characters (newlines, tabs, ESC, NUL, U+007F-U+009F, U+2028/U+2029 or bidirectional marks)';

/** A string with at least one non-blank character (at most 2,000 characters), no control characters. */
export const Text = refine(
  t.string,
  (s) => s.trim().length > 0 && s.length <= 2000 && !CONTROL_CHARACTERS.test(s),
  'Text',
  `must be a non-blank string of at most 2000 characters ${NO_CONTROLS}`,
);

/**
 * An identifier: 1 to 100 characters, letters, digits and `_ . : -`, starting and ending with a
 * letter or digit (so ids are safe inside stream ids and never collide with object internals).
 */
export const Id = refine(
  t.string,
  (s) => ID.test(s),
  'Id',
  'must be 1-100 letters, digits or _ . : - (starting and ending with a letter or digit)',
);

/** An ISO-8601 date-time with an explicit offset, e.g. `2010-05-10T09:00:00+08:00`. */
export const IsoDateTime = refine(
  t.string,
  isIsoDateTime,
  'IsoDateTime',
  'must be an ISO-8601 date-time with an offset, e.g. 2010-05-10T09:00:00+08:00',
);

/** A string from a fixed list, e.g. a grade or a phase. Pure. */
export const oneOf = <const S extends string>(
  name: string,
  values: readonly S[],
): t.Type<S, unknown, unknown> =>
  new t.Type<S, unknown, unknown>(
    name,
    (u): u is S => typeof u === 'string' && values.some((v) => v === u),
    (u, c) => {
      const found = values.find((v) => v === u);
      return found === undefined
        ? t.failure(u, c, `must be one of ${values.join(', ')}`)
        : t.success(found);
    },
    (a) => a,
  );

/**
 * A string of at most 2,000 characters, possibly empty (rules judge emptiness where it matters), no
 * control characters.
 */
export const ShortString = refine(
  t.string,
  (s) => s.length <= 2000 && !CONTROL_CHARACTERS.test(s),
  'ShortString',
  `must be a string of at most 2000 characters ${NO_CONTROLS}`,
);

/** A non-empty array of `Text` strings (at most 100). */
export const TextList = refine(
  t.readonlyArray(Text),
  (a) => a.length >= 1 && a.length <= 100,
  'TextList',
  'must list 1 to 100 non-blank strings',
);
