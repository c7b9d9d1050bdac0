import fc from 'fast-check';
import { v5 } from 'uuid';
import { describe, expect, it } from 'vitest';
import { ENGINE_NAMESPACE, engineUuid, eventIdOf } from './commandIds.js';

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
});
