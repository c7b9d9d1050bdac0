import { createMemoryEventStore } from '@strive/eventlog';
import { createSqliteEventStore } from '@strive/store-sqlite';
import { describe, expect, it } from 'vitest';
import { runTutorial } from '../runTutorial.js';
import { withAppendLog, type AppendRecord } from './withAppendLog.js';

// #region contract
import { describeEventStoreContract } from '@strive/eventlog/testing';

// The decorator is a log (8 methods): only the log's sections of the contract apply.
describeEventStoreContract(
  'append log over the memory store',
  () => Promise.resolve(withAppendLog(createMemoryEventStore(), () => undefined)),
  { logOnly: true },
);
describeEventStoreContract(
  'append log over SQLite',
  () =>
    Promise.resolve(withAppendLog(createSqliteEventStore({ path: ':memory:' }), () => undefined)),
  { logOnly: true },
);
// #endregion contract

describe('the append log adapter', () => {
  it('sees every append the engine makes, refused ones included', async () => {
    const seen: AppendRecord[] = [];
    const inner = createMemoryEventStore();
    // The decorated log, with the inner store's snapshots and documents beside it.
    await runTutorial({ ...inner, ...withAppendLog(inner, (r) => seen.push(r)) }, () => undefined);
    expect(seen.filter((r) => r.outcome === 'ok').reduce((n, r) => n + r.events, 0)).toBe(9);
    expect(seen.every((r) => r.streams.every((s) => s.startsWith('claim-')))).toBe(true);
  });
});
