import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { fileChunks } from './fileChunks.js';

const dir = mkdtempSync(join(tmpdir(), 'strive-chunks-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('fileChunks', () => {
  it('gives the file text whole, whatever the read size, a character split between reads included (property)', () => {
    const file = join(dir, 'text.txt');
    fc.assert(
      fc.property(
        fc.string({ unit: 'grapheme', maxLength: 60 }),
        fc.integer({ min: 1, max: 9 }),
        (s, size) => {
          writeFileSync(file, s);
          const chunks = [...fileChunks(file, size)];
          expect(chunks.join('')).toBe(s);
          if (!s.includes('\ufffd')) for (const c of chunks) expect(c).not.toMatch(/\ufffd/);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('gives nothing for an empty file, and U+FFFD for bytes that are not UTF-8', () => {
    const empty = join(dir, 'empty.txt');
    writeFileSync(empty, '');
    expect([...fileChunks(empty, 4)]).toEqual([]);
    const bad = join(dir, 'bad.txt');
    writeFileSync(bad, Buffer.from([0x61, 0xff, 0x62, 0xe2, 0x82]));
    expect([...fileChunks(bad, 2)].join('')).toBe('a\ufffdb\ufffd');
  });
});
