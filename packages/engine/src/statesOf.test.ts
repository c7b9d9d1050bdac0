import { describe, expect, it } from 'vitest';
import { initialState } from './foldEvents.js';
import { order } from './fixtures/orderWorkflow.js';
import type { LoadedStream } from './planCommand.js';
import { statesOf } from './statesOf.js';

const stream = (alias: string, version: number): LoadedStream => ({
  alias,
  workflow: order,
  streamId: `order-${alias}`,
  state: { ...initialState(order), version },
});

describe('statesOf', () => {
  it('maps each alias to its state, as Object.fromEntries would', () => {
    const streams = [stream('order', 1), stream('member:m-1', 2), stream('other', 3)];
    expect(statesOf(streams)).toEqual(Object.fromEntries(streams.map((s) => [s.alias, s.state])));
  });

  it('keeps an alias "__proto__" as an own property, leaving the prototype alone', () => {
    const states = statesOf([stream('__proto__', 4), stream('order', 1)]);
    expect(Object.getPrototypeOf(states)).toBe(Object.prototype);
    expect(Object.keys(states)).toEqual(['__proto__', 'order']);
    expect(Object.getOwnPropertyDescriptor(states, '__proto__')?.value).toMatchObject({
      version: 4,
    });
  });
});
