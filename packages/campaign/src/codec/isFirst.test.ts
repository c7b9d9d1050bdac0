import { readFileSync } from 'node:fs';
import { isJsonValue, type JsonValue } from '@strive/eventlog';
import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { campaignCommands } from '../commands/campaignCommands.js';
import { generateCommands } from '../scenario/generateCommands.js';
import { unwrapped } from './isFirst.js';

type Json = JsonValue;

const json = (text: string): Json => {
  const parsed: unknown = JSON.parse(text);
  if (!isJsonValue(parsed)) throw new Error(`not JSON: ${text}`);
  return parsed;
};

const scenario = readFileSync(
  new URL('../../../../examples/data/zhengzhou-2010.commands.jsonl', import.meta.url),
  'utf8',
)
  .split('\n')
  .filter((l) => l.trim() !== '')
  .map(json);
const generated = [...generateCommands({ orgs: 3, membersPerOrg: 2, evaluators: 3, seed: 5 })].map(
  (c) => json(JSON.stringify(c)),
);
const corpus = [...scenario, ...generated];
const definitions = new Map(campaignCommands.map((d) => [d.type, d]));

const isArray = (j: Json): j is readonly Json[] => Array.isArray(j);
const isObject = (j: Json): j is { [k: string]: Json } =>
  typeof j === 'object' && j !== null && !isArray(j);

/** Every path to a value inside `j` (objects and arrays), the root included. */
const pathsOf = (j: Json, at: readonly (string | number)[] = []): (string | number)[][] => [
  [...at],
  ...(isArray(j)
    ? j.flatMap((v, i) => pathsOf(v, [...at, i]))
    : isObject(j)
      ? Object.entries(j).flatMap(([k, v]) => pathsOf(v, [...at, k]))
      : []),
];

/** `j` with the value at `path` replaced by `f(old)` (a copy; `undefined` deletes a key). */
const edit = (
  j: Json,
  path: readonly (string | number)[],
  f: (old: Json) => Json | undefined,
): Json => {
  const [head, ...rest] = path;
  if (head === undefined) return f(j) ?? null;
  if (isArray(j) && typeof head === 'number')
    return j.map((v, i) => (i === head ? edit(v, rest, f) : v));
  if (!isObject(j) || typeof head !== 'string') return j;
  const out: { [k: string]: Json } = {};
  for (const [k, v] of Object.entries(j)) {
    if (k !== head) out[k] = v;
    else if (rest.length > 0) out[k] = edit(v, rest, f);
    else {
      const next = f(v);
      if (next !== undefined) out[k] = next;
    }
  }
  return out;
};

/** The wrapped and the plain codec answer alike: the same success value, or both a failure. */
const sameAnswer = (input: Json): void => {
  const type = isObject(input) && typeof input['type'] === 'string' ? input['type'] : '';
  const codec = definitions.get(type)?.codec;
  const plain = codec === undefined ? undefined : unwrapped(codec);
  if (codec === undefined || plain === undefined) throw new Error(`no wrapped codec for ${type}`);
  const fast = codec.decode(input);
  const slow = plain.decode(input);
  expect(fast._tag).toBe(slow._tag);
  if (fast._tag === 'Right' && slow._tag === 'Right') expect(fast.right).toEqual(slow.right);
  if (codec.is(input)) expect(slow).toEqual({ _tag: 'Right', right: input });
};

describe('isFirst on the campaign’s command codecs', () => {
  it('wraps every command, and the corpus has every command type', () => {
    expect(campaignCommands.filter((d) => unwrapped(d.codec) === undefined)).toEqual([]);
    expect(new Set(corpus.map((c) => (isObject(c) ? c['type'] : null))).size).toBe(18);
  });

  it('answers every command of the corpus as its plain codec does, taking `is` for each valid one', () => {
    let fast = 0;
    for (const input of corpus) {
      sameAnswer(input);
      const codec = definitions.get(
        isObject(input) && typeof input['type'] === 'string' ? input['type'] : '',
      )?.codec;
      const valid = codec !== undefined && unwrapped(codec)?.decode(input)._tag === 'Right';
      if (valid) expect(codec.is(input)).toBe(true);
      if (valid) fast += 1;
    }
    // The scenario's two malformed commands (c005, c157) are the only ones refused.
    expect(corpus.length - fast).toBe(2);
  });

  it('answers commands with a value replaced, removed or a key added as its plain codec does', () => {
    const mutated = fc
      .tuple(
        fc.constantFrom(...corpus),
        fc.nat(),
        fc.oneof(fc.jsonValue(), fc.constant(undefined)),
        fc.boolean(),
      )
      .filter(([input]) => isObject(input))
      .map(([input, n, value, addKey]) => {
        const paths = pathsOf(input).filter((p) => p.length > 0 && p[0] !== 'type');
        const path = paths[n % paths.length] ?? [];
        return edit(input, path, (old) =>
          addKey && isObject(old)
            ? { ...old, extra: value === undefined ? 1 : (value as Json) }
            : (value as Json | undefined),
        );
      });
    fc.assert(fc.property(mutated, sameAnswer), { numRuns: 3000, seed: 42 });
  });
});
