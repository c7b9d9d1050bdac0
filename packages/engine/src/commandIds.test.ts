import { createHash } from 'node:crypto';
import { canonicalJson, isJsonValue, type JsonValue } from '@strive/eventlog';
import fc from 'fast-check';
import { v5 } from 'uuid';
import { describe, expect, it } from 'vitest';
import { commandDigest, ENGINE_NAMESPACE, engineUuid, eventIdOf } from './commandIds.js';

const uuidV5 = (name: string): string => {
  try {
    return v5(name, ENGINE_NAMESPACE);
  } catch {
    return 'throws';
  }
};
const ours = (name: string): string => {
  try {
    return engineUuid(name);
  } catch {
    return 'throws';
  }
};

describe('engine ids', () => {
  it('are the UUIDv5 of the uuid package for any name', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.string(), fc.string({ unit: 'grapheme' }), fc.string({ unit: 'binary' })),
        (name) => {
          expect(ours(name)).toBe(uuidV5(name));
        },
      ),
      { numRuns: 2000 },
    );
    for (const name of ['', 'a\ud800b', '\udc00', '日本:0', '😀:1'])
      expect(ours(name)).toBe(uuidV5(name));
  });

  it('derive event ids from the command id and the event index', () => {
    expect(eventIdOf('c1', 0)).toBe(v5('c1:0', ENGINE_NAMESPACE));
    expect(eventIdOf('c1', 0)).not.toBe(eventIdOf('c1', 1));
  });

  it('digest a command as SHA-256 of its canonicalJson text', () => {
    const reference = (v: JsonValue): string =>
      createHash('sha256').update(canonicalJson(v)).digest('hex');
    fc.assert(
      fc.property(fc.json(), (text) => {
        const v: unknown = JSON.parse(text);
        expect(isJsonValue(v)).toBe(true);
        if (isJsonValue(v)) expect(commandDigest(v)).toBe(reference(v));
      }),
      { numRuns: 2000 },
    );
    const odd: JsonValue[] = [
      { b: 1, a: [1, -0, 1e21, 1e-7, 0.1], '10': 'x', '9': null, '': true },
      { 'e\u0301': 'é', é: '😀', z: '\\ud800 is text', 'a\nb': [[], {}] },
      ['\u2028', '\u0000', 'x"y'],
    ];
    for (const v of odd) expect(commandDigest(v)).toBe(reference(v));
  });
});
