import { describe, expect, it } from 'vitest';
import { outcomeJson } from './outcomeJson.js';

describe('outcomeJson', () => {
  it('gives an accepted command its event types, a duplicate none', () => {
    const accepted = { _tag: 'Accepted', commandId: 'c1', type: 'T', duplicate: false } as const;
    expect(outcomeJson({ ...accepted, events: [] })).toEqual({
      id: 'c1',
      type: 'T',
      ok: true,
      events: [],
    });
    expect(outcomeJson({ ...accepted, events: [], duplicate: true })).toEqual({
      id: 'c1',
      type: 'T',
      ok: true,
      duplicate: true,
      events: [],
    });
  });

  it('names an invalid command from its input and every field path', () => {
    const invalid = {
      _tag: 'Invalid',
      errors: [
        { path: '', message: 'not an object' },
        { path: 'cents', message: 'expected Cents' },
      ],
    } as const;
    expect(outcomeJson(invalid, { id: 'c2', type: 7 })).toEqual({
      id: 'c2',
      type: null,
      ok: false,
      error: {
        kind: 'invalid',
        rules: [],
        message: '(command): not an object; cents: expected Cents',
      },
    });
  });

  it('lists each failing rule once and says whether a conflict is retryable', () => {
    const f = (ruleId: string) => ({ ruleId, message: `${ruleId} failed` });
    expect(
      outcomeJson({
        _tag: 'Rejected',
        commandId: 'c3',
        type: 'T',
        failures: [f('a'), f('b'), f('a')],
      }),
    ).toMatchObject({ ok: false, error: { kind: 'rejected', rules: ['a', 'b'] } });
    const conflict = {
      _tag: 'Conflict',
      commandId: 'c4',
      type: 'T',
      reason: 'ConcurrencyConflict',
      attempts: 3,
      message: 'busy',
      retryable: true,
    } as const;
    expect(outcomeJson(conflict)).toEqual({
      id: 'c4',
      type: 'T',
      ok: false,
      error: {
        kind: 'conflict',
        rules: [],
        message:
          'busy; nothing was stored: send the same command again (same id), it cannot be applied twice',
        retryable: true,
      },
    });
    expect(
      outcomeJson({ ...conflict, reason: 'IdempotencyConflict', retryable: false }),
    ).toMatchObject({ error: { message: 'busy', retryable: false } });
  });
});
