import { hash } from 'node:crypto';
import fc from 'fast-check';
import * as E from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import { canonicalJson } from './canonicalJson.js';
import type { StoredEvent } from './EventEnvelope.js';
import type { JsonValue } from './json.js';
import { JsonValueCodec } from './JsonValueCodec.js';
import {
  exportedLine,
  exportedLineFits,
  exportedLineHolds,
  lineHashHolds,
} from './exportedLine.js';
import { computeEventHash } from './hashEvent.js';
import { isExactStoredEvent } from './isExactStoredEvent.js';

const base = {
  eventId: 'e-1',
  streamId: 'subject-1',
  streamPosition: 2,
  globalPosition: 7,
  type: 'EvaluationSubmitted',
  schemaVersion: 1,
  data: { evaluator: 'p-1', ratings: { a: 'good', b: 'poor' }, score: [1, -20, 300] },
  metadata: { at: '2025-01-01T00:00:00Z', actor: { id: 'a', role: 'r' }, commandId: 'c-1' },
  prevHash: 'ab'.repeat(32),
};

/** Any JSON value, as this package's `JsonValue` (decoded, never cast). */
const json = fc.jsonValue({ maxDepth: 3 }).map((v): JsonValue => {
  const d = JsonValueCodec.decode(JSON.parse(JSON.stringify(v)));
  if (E.isLeft(d)) throw new Error('not JSON');
  return d.right;
});

const sealed = (e: Omit<StoredEvent, 'hash'>): StoredEvent => ({ ...e, hash: computeEventHash(e) });

/**
 * An exported-looking line with `dataText` as its data, hashed over its own text as a forger would
 * who knew that `replay` hashes the line (the envelope around it as `exportedLine` writes it).
 */
const resealed = (dataText: string): string => {
  const rest = exportedLine(sealed(base)).slice(0, -75);
  const text = `{"data":${dataText}${rest.slice(rest.indexOf(',"eventId":'))}`;
  return `${text},"hash":"${hash('sha256', `${text}}`, 'hex')}"}`;
};

/** [hash checked on the line's text, hash recomputed from the parsed event], or undefined when
 * `replay` would refuse the line before (not JSON, not an envelope). */
const both = (line: string): [boolean, boolean] | undefined => {
  let u: unknown;
  try {
    u = JSON.parse(line);
  } catch {
    return undefined;
  }
  if (!isExactStoredEvent(u)) return undefined;
  return [exportedLineHolds(line, u), computeEventHash(u) === u.hash];
};

describe('exportedLine and exportedLineHolds', () => {
  it('writes the hashed text with the hash last, read back as the same event and checked on the line', () => {
    const e = sealed(base);
    const line = exportedLine(e);
    expect(line).toBe(
      `{"data":{"evaluator":"p-1","ratings":{"a":"good","b":"poor"},"score":[1,-20,300]},"eventId":"e-1","globalPosition":7,"metadata":{"actor":{"id":"a","role":"r"},"at":"2025-01-01T00:00:00Z","commandId":"c-1"},"prevHash":"${'ab'.repeat(32)}","schemaVersion":1,"streamId":"subject-1","streamPosition":2,"type":"EvaluationSubmitted","hash":"${e.hash}"}`,
    );
    expect(JSON.parse(line)).toEqual(e);
    expect(both(line)).toEqual([true, true]);
    expect(both(line.replace('"good"', '"poor"'))).toEqual([false, false]);
    expect(
      both(resealed('{"evaluator":"p-1","ratings":{"a":"good","b":"poor"},"score":[1,-20,300]}')),
    ).toEqual([true, true]);
  });

  it('needs both halves: the text hashed in place (lineHashHolds) and the text fitting its event (exportedLineFits)', () => {
    const halves = (line: string): [boolean, boolean, boolean] => {
      const u: unknown = JSON.parse(line);
      if (!isExactStoredEvent(u)) throw new Error('not an envelope');
      return [lineHashHolds(line), exportedLineFits(line, u), computeEventHash(u) === u.hash];
    };
    const line = exportedLine(sealed(base));
    expect(halves(line)).toEqual([true, true, true]);
    // Edited content under the same hash: the text still fits its event, its hash does not hold.
    expect(halves(line.replace('"good"', '"fine"'))).toEqual([false, true, false]);
    // Resealed over keys out of order: the text hashes to its own tail, but is not the hashed text.
    const reordered = resealed(
      '{"evaluator":"p-1","ratings":{"b":"poor","a":"good"},"score":[1,-20,300]}',
    );
    expect(halves(reordered)).toEqual([true, false, false]);
    expect(lineHashHolds('')).toBe(false);
    expect(lineHashHolds('{"hash":"x"}')).toBe(false);
  });

  it('does not trust a line resealed over a text that is not the canonical one', () => {
    const spellings = [
      '{"evaluator":"p-1","ratings":{"a":"good","b":"poor"},"score":[1,-20,3e2]}',
      '{"evaluator":"p-1","ratings":{"a":"good","b":"poor"},"score":[1,-2E1,300]}',
      '{"evaluator":"p-1","ratings":{"a":"good","b":"poor"},"score":[1,-20,300.0]}',
      '{"evaluator":"p-1","ratings":{"a":"good","b":"poor"},"score":[1,-0,300]}',
      '{"evaluator":"p-1","ratings":{"a":"g\\u006fod","b":"poor"},"score":[1,-20,300]}',
      '{"evaluator":"p-1","ratings":{"a":"good", "b":"poor"},"score":[1,-20,300]}',
      '{"evaluator":"p-1","ratings":{"b":"poor","a":"good"},"score":[1,-20,300]}',
      '{"evaluator":"p-1","ratings":{"a":"bad","a":"good","b":"poor"},"score":[1,-20,300]}',
      '{"evaluator":"p-1","ratings":{"a":"good","b":"poor","1":"x"},"score":[1,-20,300]}',
    ];
    for (const s of spellings) expect(both(resealed(s)), s).toEqual([false, false]);
  });

  it('holds only where the recomputed hash holds, whatever the text (property)', () => {
    const spell = (v: JsonValue, how: number): string => {
      const text = JSON.stringify(v);
      if (how === 0) return canonicalJson(v);
      if (how === 1) return text; // keys as inserted: integer-like keys first, others unsorted
      if (how === 2) return text.replace(/,/g, ', ');
      if (how === 3) return text.replace(/(\d)00(?!\d)/g, '$1e2');
      return text.replace(/\{"([^"\\]*)":/, '{"$1":0,"$1":'); // a key given twice
    };
    fc.assert(
      fc.property(json, fc.integer({ min: 0, max: 4 }), (v, how) => {
        const r = both(resealed(spell(v, how)));
        if (r === undefined) return;
        if (r[0]) expect(r[1]).toBe(true);
        if (how === 0) expect(r[1]).toBe(true);
      }),
      { numRuns: 3000 },
    );
  });
});
