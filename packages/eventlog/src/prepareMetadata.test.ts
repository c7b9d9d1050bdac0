import * as E from 'fp-ts/lib/Either.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeMetadata, prepareMetadata } from './prepareMetadata.js';

const text = fc.oneof(
  fc.string({ maxLength: 8 }),
  fc.string({ unit: 'binary', maxLength: 4 }),
  fc.constantFrom('2025-01-01T00:00:00Z', '\ud800', 'a"\\ud800', '\ud83d\ude00'),
);
const loose = fc.oneof(text, fc.integer(), fc.constant(null), fc.boolean(), fc.constant(undefined));
const at = fc.oneof(
  fc.constantFrom('2025-01-01T00:00:00Z', '2010-05-11T09:30:00.123+08:00', '2025-13-01T00:00:00Z'),
  loose,
);
const actor = fc.oneof(
  fc.record({ id: text, role: text }),
  fc.record({ id: loose, role: loose }, { requiredKeys: [] }),
  fc.record({ id: text, role: text, extra: loose }),
  loose,
  fc.array(text, { maxLength: 2 }),
);
const metadata = fc.oneof(
  fc.record(
    {
      at,
      actor,
      commandId: fc.oneof(text, loose),
      causationId: text,
      correlationId: text,
      commandDigest: text,
      other: loose,
    },
    { requiredKeys: [] },
  ),
  fc.anything({ maxDepth: 3 }),
);

describe('prepareMetadata', () => {
  it('answers exactly as the io-ts path does, copy and canonical JSON included (property)', () => {
    fc.assert(
      fc.property(metadata, fc.integer({ min: 20, max: 400 }), (m, maxChars) => {
        const fast = prepareMetadata(m, 'm', maxChars);
        const reference = decodeMetadata(m, 'm', maxChars);
        expect(fast).toStrictEqual(reference);
      }),
      { numRuns: 3000 },
    );
  });

  it('refuses unknown actor fields (nothing is silently dropped), and never aliases the caller object', () => {
    const input = { at: '2025-01-01T00:00:00Z', actor: { id: 'u', role: 'r', extra: 1 } };
    const r = prepareMetadata(input, 'm', 1000);
    expect(r).toEqual(
      E.left({ _tag: 'InvalidEvent', path: 'm.actor.extra', reason: 'unknown actor field' }),
    );
    const plain = { at: '2025-01-01T00:00:00Z', actor: { id: 'u', role: 'r' } };
    const p = prepareMetadata(plain, 'm', 1000);
    if (E.isLeft(p)) throw new Error(p.left.reason);
    expect(p.right.metadata.actor).not.toBe(plain.actor);
  });

  it('answers as the io-ts path for accessors (never run), symbol keys and null prototypes; skips hidden keys', () => {
    let ran = false;
    const at = '2025-01-01T00:00:00Z';
    const getter = Object.defineProperty({ at }, 'commandId', {
      enumerable: true,
      get: () => {
        ran = true;
        return 'c';
      },
    });
    const hidden = Object.defineProperty({ at }, 'commandId', { enumerable: false, value: 'c' });
    const nullProto = Object.assign(Object.create(null) as object, { at, commandId: 'c' });
    const cases: unknown[] = [
      getter,
      { at, [Symbol('s')]: 1 },
      nullProto,
      { at, actor: { id: 'u', role: 'r', [Symbol('s')]: 1 } },
      { at, actor: Object.defineProperty({ id: 'u' }, 'role', { enumerable: false, value: 'r' }) },
    ];
    for (const m of cases)
      expect(prepareMetadata(m, 'm', 1000)).toStrictEqual(decodeMetadata(m, 'm', 1000));
    expect(ran).toBe(false);
    // A non-enumerable key is not JSON (JSON.stringify skips it): it is left out, as before.
    expect(prepareMetadata(hidden, 'm', 1000)).toStrictEqual(
      E.right({ metadata: { at }, json: `{"at":"${at}"}` }),
    );
  });
});
