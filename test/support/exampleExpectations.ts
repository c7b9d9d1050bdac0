import { readFileSync } from 'node:fs';
import { EXAMPLE_EXPECTED } from './cliFixtures.js';

/** What one line of the example campaign must produce: accepted, duplicate, invalid, or the failing rule ids. */
export interface ExpectedLine {
  readonly line: number;
  readonly id: string;
  readonly type: string;
  readonly expect: 'accepted' | 'duplicate' | 'invalid' | readonly string[];
}

/** A JSON object as a record, or a thrown error naming what it was. Pure. */
export const asRecord = (u: unknown, what = 'value'): Record<string, unknown> => {
  if (typeof u !== 'object' || u === null || Array.isArray(u))
    throw new Error(`${what} is not a JSON object: ${JSON.stringify(u)}`);
  return { ...u };
};

/** A JSON array, or a thrown error naming what it was. Pure. */
export const asArray = (u: unknown, what = 'value'): unknown[] => {
  if (!Array.isArray(u)) throw new Error(`${what} is not a JSON array: ${JSON.stringify(u)}`);
  return u.map((x: unknown) => x);
};

const decodeExpect = (u: unknown): ExpectedLine['expect'] => {
  if (u === 'accepted' || u === 'duplicate' || u === 'invalid') return u;
  const rules = asArray(u, 'expect');
  return rules.map((r) => {
    if (typeof r !== 'string') throw new Error(`rule id is not a string: ${JSON.stringify(r)}`);
    return r;
  });
};

/** The expectations of examples/data/zhengzhou-2010.expected.json, decoded. Does I/O. */
export const readExampleExpectations = (): {
  readonly honourRoll: readonly string[];
  readonly lines: readonly ExpectedLine[];
} => {
  const json = asRecord(JSON.parse(readFileSync(EXAMPLE_EXPECTED, 'utf8')), 'expected.json');
  const honourRoll = asArray(json['honourRoll'], 'honourRoll').map(String);
  const lines = asArray(json['lines'], 'lines').map((u, i) => {
    const r = asRecord(u, `lines[${i}]`);
    const { line, id, type } = r;
    if (typeof line !== 'number' || typeof id !== 'string' || typeof type !== 'string')
      throw new Error(`lines[${i}] lacks line, id or type`);
    return { line, id, type, expect: decodeExpect(r['expect']) };
  });
  return { honourRoll, lines };
};
