import * as E from 'fp-ts/lib/Either.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { commonMetadata } from './commonMetadata.js';
import { decodeMetadata } from './prepareMetadata.js';
import { JSON_ESCAPE_SAMPLES } from './testSupport/jsonEscapes.js';

/** Strings made mostly of what JSON escapes or might: quotes, backslashes, controls, surrogates. */
const text = fc.string({
  unit: fc.constantFrom(...JSON_ESCAPE_SAMPLES, 'a', '\u00e9'),
  maxLength: 6,
});
const metadata = fc.record(
  {
    at: fc.constantFrom('2025-01-01T00:00:00Z', '2010-05-11T09:30:00.123+08:00'),
    actor: fc.record({ id: text, role: text }),
    commandId: text,
    causationId: text,
    correlationId: text,
    commandDigest: text,
  },
  { requiredKeys: ['at'] },
);

describe('commonMetadata', () => {
  it('writes the canonical JSON the io-ts path writes, escapes included, and leaves lone surrogates to it (property)', () => {
    fc.assert(
      fc.property(metadata, (m) => {
        const fast = commonMetadata(m, 1000);
        const reference = decodeMetadata(m, 'm', 1000);
        if (fast === undefined) expect(E.isLeft(reference)).toBe(true);
        else expect(E.right(fast)).toStrictEqual(reference);
      }),
      { numRuns: 2000 },
    );
  });
});
