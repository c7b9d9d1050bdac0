import * as E from 'fp-ts/lib/Either.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { StoredEventCodec } from './EventEnvelope.js';
import { isExactStoredEvent } from './isExactStoredEvent.js';
import { storedMetadata } from './storedColumns.js';

const event = {
  eventId: 'e1',
  streamId: 's',
  streamPosition: 1,
  globalPosition: 1,
  type: 'T',
  schemaVersion: 1,
  data: { any: ['json', 1, null, { extra: true }] },
  metadata: { at: '2025-01-01T00:00:00Z', actor: { id: 'a', role: 'r' }, commandId: 'c' },
  prevHash: '0'.repeat(64),
  hash: 'a'.repeat(64),
};

describe('isExactStoredEvent', () => {
  it('holds exactly when decode would return the value unchanged', () => {
    const cases: [unknown, boolean][] = [
      [event, true],
      [{ ...event, metadata: { at: event.metadata.at } }, true],
      [{ ...event, extra: 1 }, false],
      [{ ...event, metadata: { ...event.metadata, extra: 1 } }, false],
      [{ ...event, metadata: { ...event.metadata, actor: { id: 'a', role: 'r', x: 1 } } }, false],
      [{ ...event, hash: 'A'.repeat(64) }, false],
      [{ ...event, streamPosition: 0 }, false],
      [JSON.parse('{"__proto__":1}'), false],
      [null, false],
    ];
    for (const [u, exact] of cases) {
      expect(isExactStoredEvent(u)).toBe(exact);
      const decoded = StoredEventCodec.decode(u);
      if (exact) expect(decoded).toEqual(E.right(u));
      else if (E.isRight(decoded)) expect(decoded.right).not.toEqual(u);
    }
  });

  it('agrees with the codec guard plus the key checks on mutated envelopes (property)', () => {
    const keys = [...Object.keys(StoredEventCodec.type.props), 'extra', '__proto__'];
    const metaKeys = [
      'at',
      'actor',
      'commandId',
      'causationId',
      'correlationId',
      'commandDigest',
      'x',
    ];
    const oracle = (u: unknown): boolean => {
      if (!StoredEventCodec.is(u)) return false;
      const known = new Set(Object.keys(StoredEventCodec.type.props));
      for (const k in u) if (!known.has(k)) return false;
      return storedMetadata(u.metadata) !== undefined;
    };
    const value = fc.oneof(
      fc.jsonValue({ maxDepth: 2 }),
      fc.constantFrom(0, -1, 1.5, 2 ** 53, 'A'.repeat(64), 'f'.repeat(64), 'f'.repeat(63), NaN),
      fc.constant(undefined),
    );
    const mutation = fc.oneof(
      fc.record({ at: fc.constant('top'), key: fc.constantFrom(...keys), value }),
      fc.record({ at: fc.constant('meta'), key: fc.constantFrom(...metaKeys), value }),
      fc.record({ at: fc.constant('actor'), key: fc.constantFrom('id', 'role', 'x'), value }),
    );
    fc.assert(
      fc.property(fc.array(mutation, { maxLength: 3 }), (mutations) => {
        const u: Record<string, unknown> = {
          ...event,
          metadata: { ...event.metadata, actor: { ...event.metadata.actor } },
        };
        for (const m of mutations) {
          const meta = u['metadata'];
          const actor: unknown =
            typeof meta === 'object' && meta !== null ? Reflect.get(meta, 'actor') : undefined;
          const target: unknown = m.at === 'top' ? u : m.at === 'meta' ? meta : actor;
          if (typeof target !== 'object' || target === null) continue;
          if (m.value === undefined) Reflect.deleteProperty(target, m.key);
          else
            Reflect.defineProperty(target, m.key, {
              value: m.value,
              enumerable: true,
              configurable: true,
              writable: true,
            });
        }
        expect(isExactStoredEvent(u)).toBe(oracle(u));
      }),
      { numRuns: 2000 },
    );
  });

  it('walks data parsed from a text long enough to nest too deep, and only then', () => {
    const deep = (n: number): string => `${'['.repeat(n)}${']'.repeat(n)}`;
    const line = (data: string): string =>
      JSON.stringify({ ...event, data: 0 }).replace('"data":0', `"data":${data}`);
    const tooDeep = line(deep(1001));
    expect(isExactStoredEvent(JSON.parse(tooDeep), tooDeep)).toBe(false);
    expect(isExactStoredEvent(JSON.parse(line(deep(1000))), line(deep(1000)))).toBe(true);
    // A short text vouches for what it parsed into: no walk (here, a value no parse could give).
    const unparsable = { ...event, data: [undefined] };
    expect(isExactStoredEvent(unparsable, '{}')).toBe(true);
    expect(isExactStoredEvent(unparsable)).toBe(false);
    expect(isExactStoredEvent(unparsable, tooDeep)).toBe(false);
  });
});
