import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createLineChain } from './lineChain.js';

// The golden Zhengzhou log (220 events), as `strive export` writes it.
const LOG = readFileSync(
  new URL('../../../test/fixtures/zhengzhou-2010.events.jsonl', import.meta.url),
  'utf8',
);
const LINES = LOG.trim().split('\n');

const checkChunks = (chunks: readonly string[], limit?: number) => {
  const chain = createLineChain(limit);
  for (const c of chunks) chain.feed(c);
  return chain.end();
};

/** The text cut at the given offsets (sorted, deduplicated). */
const cut = (text: string, at: readonly number[]): string[] => {
  const points = [...new Set(at)].sort((a, b) => a - b);
  return [0, ...points].map((p, i) => text.slice(p, points[i] ?? text.length));
};

describe('createLineChain', () => {
  it('holds for the whole log however the text is cut into chunks (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.nat({ max: LOG.length }), { maxLength: 40 }), (at) => {
        expect(checkChunks(cut(LOG, at))).toEqual({ kind: 'holds', events: LINES.length });
      }),
    );
  });

  it('finds an edited event, a gap and an unreadable line wherever the chunks end', () => {
    const edited = [...LINES];
    edited[99] = (edited[99] ?? '').replace(/"at":"2010-/, '"at":"2011-');
    const gap = [...LINES.slice(0, 50), ...LINES.slice(51)];
    const junk = [...LINES];
    junk[9] = '{"hello":1}';
    for (const size of [1, 333, 65_536]) {
      const chunks = (ls: string[]) => {
        const t = `${ls.join('\n')}\n`;
        return Array.from({ length: Math.ceil(t.length / size) }, (_, i) =>
          t.slice(i * size, (i + 1) * size),
        );
      };
      const e = checkChunks(chunks(edited));
      expect(e.kind === 'broken' && e.broken.globalPosition).toBe(100);
      const g = checkChunks(chunks(gap));
      expect(g.kind === 'broken' && g.broken.reason).toMatch(/51 where 51|52 where 51/);
      expect(checkChunks(chunks(junk))).toEqual({ kind: 'unreadable', line: 10 });
    }
  });

  it('stops checking after the limit: a fault beyond it is not seen', () => {
    const edited = [...LINES];
    edited[149] = (edited[149] ?? '').replace(/"at":"2010-/, '"at":"2011-');
    const text = `${edited.join('\n')}\n`;
    expect(checkChunks([text], 120)).toEqual({ kind: 'holds', events: 120 });
    expect(checkChunks([text]).kind).toBe('broken');
  });
});
