import { beforeAll, describe, expect, it } from 'vitest';
import { verifyEvents, type StoredEvent } from '../../packages/eventlog/src/index.js';
import { prng } from './support/prng.js';
import { applyEdit, randomEdit } from './support/tamperEdits.js';
import { buildLog, EVENTS, expectBrokenAt, SEED } from './support/tamperLog.js';

const EDITS = 1_000;

let log: StoredEvent[] = [];

beforeAll(async () => {
  log = await buildLog();
}, 120_000);

// verifyEvents always walks from the genesis (the package has no way to resume from a verified
// position), so each edited copy is verified in full up to its first bad event: ~5,000 events on average.
describe('tamper evidence of a 10,000-event log (rows in memory)', () => {
  it(`detects ${EDITS} random single edits of the rows, each at its first bad position`, async () => {
    const random = prng(SEED + 1);
    const clean = await verifyEvents(log);
    expect(clean).toMatchObject({ _tag: 'ChainVerified', events: EVENTS });
    const kinds = new Map<string, number>();
    for (let n = 0; n < EDITS; n++) {
      const edit = randomEdit(random, EVENTS);
      const { rows, firstBad } = applyEdit(log, edit);
      const bad = rows[firstBad];
      if (bad === undefined) throw new Error('no first bad row');
      expectBrokenAt(await verifyEvents(rows), bad, `${edit.kind} at ${edit.i}/${edit.j}`);
      kinds.set(edit.kind, (kinds.get(edit.kind) ?? 0) + 1);
    }
    console.log(
      `tampering, rows (seed ${SEED}): ${EDITS}/${EDITS} single edits of a ${EVENTS}-event log detected at the first bad position (${[...kinds].map(([k, v]) => `${k} ${v}`).join(', ')})`,
    );
  }, 300_000);
});
