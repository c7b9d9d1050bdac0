import * as t from 'io-ts';
import { describe, expect, it } from 'vitest';
import { commandCodec } from './commandCodec.js';
import { unknownFields } from './unknownFields.js';

const Line = t.strict({ sku: t.string, qty: t.number });
const Order = commandCodec('Order', {
  lines: t.array(Line),
  note: t.union([t.string, t.null]),
  loose: t.type({ a: t.string }),
});

describe('unknownFields', () => {
  it('finds unknown keys at every depth an exact codec declares, beside wrong ones', () => {
    const order = {
      type: 'Order',
      id: 'o1',
      at: 'x',
      actor: { id: 'a', role: 'r', extra: 1 },
      lines: [{ sku: 1, qty: 1, colour: 'red' }],
      note: null,
      loose: { a: 'a', b: 'b' },
      stray: true,
    };
    expect(unknownFields(Order, order).map((e) => e.path)).toEqual([
      'actor.extra',
      'lines.0.colour',
      'stray',
    ]);
  });

  it('finds nothing in a value the codec declares entirely, or where it cannot follow', () => {
    expect(unknownFields(Line, { sku: 'a', qty: 1 })).toEqual([]);
    expect(unknownFields(t.union([Line, t.string]), { sku: 'a', other: 1 })).toEqual([]);
    expect(unknownFields(Line, 'not an object')).toEqual([]);
  });
});
