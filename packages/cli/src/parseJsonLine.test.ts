import * as E from 'fp-ts/lib/Either.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseJsonLine } from './parseJsonLine.js';

describe('parseJsonLine', () => {
  it('refuses a key given twice with different values, at any depth', () => {
    expect(parseJsonLine('{"a":1,"a":2}')).toEqual(
      E.left("Duplicate key 'a' encountered at position 8"),
    );
    expect(E.isLeft(parseJsonLine('{"x":{"actor":{"r":"p"},"actor":{"r":"c"}}}'))).toBe(true);
    // Whitespace between a key and its colon: still a key.
    expect(E.isLeft(parseJsonLine('{"a":1,"a" \t\n :2}'))).toBe(true);
    // The same value twice changes nothing: kept.
    expect(parseJsonLine('{"a":1,"a":1}')).toEqual(E.right({ a: 1 }));
    // Keys inside strings are not keys.
    expect(parseJsonLine('{"a":"\\"a\\":1","b":["a:",{"a":2}]}')).toEqual(
      E.right({ a: '"a":1', b: ['a:', { a: 2 }] }),
    );
  });

  it('refuses numbers that do not read back as written, keeps those that do', () => {
    expect(parseJsonLine('{"n":1e-400}')).toEqual(
      E.left('the number 1e-400 does not survive being read (it would be read as 0)'),
    );
    expect(E.isLeft(parseJsonLine('[12345678901234567890]'))).toBe(true);
    expect(E.isLeft(parseJsonLine('[1e400]'))).toBe(true);
    expect(parseJsonLine('[1.0, 0.1, 1e2, -0, 2.5e-3, 9007199254740991]')).toEqual(
      E.right([1, 0.1, 100, -0, 0.0025, 9007199254740991]),
    );
  });

  /** Whether a value holds an integer beyond ±(2^53 - 1), which is refused (it may not read back). */
  const unsafe = (v: unknown): boolean =>
    typeof v === 'number'
      ? Number.isInteger(v) && !Number.isSafeInteger(v)
      : typeof v === 'object' && v !== null && Object.values(v).some(unsafe);

  it('refuses integers beyond 2^53 - 1, which may not read back', () => {
    expect(E.isLeft(parseJsonLine('[-9007199254740992]'))).toBe(true);
    expect(parseJsonLine('[-9007199254740991]')).toEqual(E.right([-9007199254740991]));
  });

  it('agrees with JSON.parse on every line JSON.stringify writes with safe integers (property, seed printed)', () => {
    const seed = 20_210_521;
    console.log(`parseJsonLine property seed ${seed}`);
    fc.assert(
      fc.property(
        fc.jsonValue().filter((v) => !unsafe(v)),
        (v) => {
          const text = JSON.stringify(v);
          expect(parseJsonLine(text)).toEqual(E.right(JSON.parse(text)));
        },
      ),
      { seed, numRuns: 300 },
    );
  });

  it('refuses a repeated key whatever the strings around it hold (escaped quotes, backslashes, colons; property)', () => {
    const seed = 20_261_207;
    console.log(`parseJsonLine duplicate-key property seed ${seed}`);
    const nasty = fc.string({ unit: fc.constantFrom('"', '\\', ':', 'a', ' ', '{', '1', '\n') });
    fc.assert(
      fc.property(
        fc.dictionary(
          nasty,
          fc.jsonValue().filter((v) => !unsafe(v)),
          { minKeys: 1 },
        ),
        fc.constantFrom('', ' ', '\n  '),
        (v, space) => {
          const [key] = Object.keys(v);
          const rest = JSON.stringify(v, null, space);
          // The first key written once more, before the others, with a value it does not have.
          const text = `{${JSON.stringify(key)}:${JSON.stringify([v[key ?? ''] ?? null])},${rest.slice(1)}`;
          expect(E.isLeft(parseJsonLine(text))).toBe(true);
        },
      ),
      { seed, numRuns: 300 },
    );
  });

  it('reads a line with a string of megabytes of escapes, and refuses one nested too deep to check', () => {
    const long = JSON.stringify({ type: 'X', s: 'a\\"'.repeat(3_000_000) });
    expect(parseJsonLine(long)).toEqual(E.right(JSON.parse(long)));
    expect(E.isLeft(parseJsonLine(`${'['.repeat(20_000)}${']'.repeat(20_000)}`))).toBe(true);
  });
});
