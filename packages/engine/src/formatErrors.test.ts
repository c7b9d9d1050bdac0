import * as E from 'fp-ts/lib/Either.js';
import * as t from 'io-ts';
import { describe, expect, it } from 'vitest';
import { formatErrors } from './formatErrors.js';

const pathsOf = <A>(codec: t.Type<A>, input: unknown): string[] => {
  const r = codec.decode(input);
  return E.isLeft(r) ? formatErrors(r.left).map((e) => e.path) : [];
};

describe('formatErrors', () => {
  it('names top-level fields of exact and strict codecs', () => {
    expect(pathsOf(t.exact(t.type({ cents: t.number })), { cents: 'x' })).toEqual(['cents']);
    expect(pathsOf(t.strict({ a: t.string, b: t.number }), { a: 1, b: 'x' })).toEqual(['a', 'b']);
  });

  it('names nested fields through arrays, refinements and readonly codecs', () => {
    const Positive = t.refinement(t.number, (n) => n > 0, 'Positive');
    const codec = t.readonly(
      t.strict({ pledges: t.array(t.strict({ target: t.strict({ value: Positive }) })) }),
    );
    expect(
      pathsOf(codec, { pledges: [{ target: { value: 1 } }, { target: { value: -1 } }] }),
    ).toEqual(['pledges.1.target.value']);
  });

  it('skips the member indexes of unions and intersections', () => {
    const codec = t.intersection([
      t.type({ id: t.string }),
      t.type({ n: t.union([t.number, t.null]) }),
    ]);
    expect(pathsOf(codec, { id: 'a', n: 'x' })).toEqual(['n']);
  });
});

describe('formatErrors with nested wrappers', () => {
  it('skips member indexes of an intersection wrapped in exact', () => {
    const codec = t.exact(
      t.intersection([t.type({ orderId: t.string }), t.partial({ note: t.string })]),
    );
    expect(pathsOf(codec, { orderId: 1, note: 2 })).toEqual(['orderId', 'note']);
  });
});
