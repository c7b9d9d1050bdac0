import { describe, expect, it } from 'vitest';
import { machineEvent } from './stepTable.js';

describe('machineEvent', () => {
  it("spreads object data beside the type, the event's type winning over a data field", () => {
    expect(machineEvent('T', { a: 1, type: 'spoofed' })).toEqual({ type: 'T', a: 1 });
  });
  it('wraps data that is not an object (array, string, null) under `data`', () => {
    expect(machineEvent('T', [1, 2])).toEqual({ type: 'T', data: [1, 2] });
    expect(machineEvent('T', 'x')).toEqual({ type: 'T', data: 'x' });
    expect(machineEvent('T', null)).toEqual({ type: 'T', data: null });
  });
});
