import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createMemoryEventStore,
  StoredEventCodec,
  verify,
  verifyEvents,
  type EventStore,
  type StoredEvent,
  type VerifyResult,
} from '../../packages/eventlog/src/index.js';
import { createSqliteEventStore } from '../../packages/store-sqlite/src/index.js';
import { rowLocation, tamperTable, type Query } from './support/dbTamper.js';
import { tempDir } from './support/paths.js';
import { describePg } from './support/pgEnv.js';
import { intIn, prng } from './support/prng.js';
import { openRawSqlite } from './support/rawSqlite.js';
import { applyEdit, forgedAt, randomEdit, type Edit } from './support/tamperEdits.js';
import {
  batches,
  buildLog,
  EVENTS,
  expectBrokenAt,
  fill,
  SEED,
  sameBatches,
} from './support/tamperLog.js';

const DB_EDITS = 20;
const JSONL_EDITS = 50;
const CLEAN_LOGS = 100;

let log: StoredEvent[] = [];

beforeAll(async () => {
  log = await buildLog();
  expect(log.length).toBe(EVENTS);
}, 120_000);

describe('tamper evidence of a 10,000-event log (clean logs, exported JSONL)', () => {
  it(`raises no false alarm on ${CLEAN_LOGS} clean logs, in memory and as exported JSONL`, async () => {
    const random = prng(SEED + 2);
    let events = 0;
    for (let n = 0; n < CLEAN_LOGS; n++) {
      const store = createMemoryEventStore();
      const rows = await fill(store, batches(random, intIn(random, 1, 400)));
      const head = await store.head();
      const r = await verify(store);
      expect(r).toEqual({ _tag: 'ChainVerified', events: rows.length, headHash: head.hash });
      const decoded = rows.map((e) => StoredEventCodec.decode(JSON.parse(JSON.stringify(e))));
      const fromJsonl = await verifyEvents(
        decoded.map((d) => (d._tag === 'Right' ? d.right : forgedAt(rows, 0))),
      );
      expect(fromJsonl).toEqual(r);
      events += rows.length;
    }
    console.log(
      `tampering, clean logs: ${CLEAN_LOGS} logs (${events} events) verified, 0 false alarms`,
    );
  }, 120_000);

  it(`detects ${JSONL_EDITS} edits of the exported JSONL (byte flips in data or metadata, line deletions, moves, insertions)`, async () => {
    const random = prng(SEED + 3);
    const lines = log.map((e) => JSON.stringify(e));
    let byDecode = 0;
    for (let n = 0; n < JSONL_EDITS; n++) {
      const edit = randomEdit(random, EVENTS);
      const edited = editLines(lines, edit, random);
      const result = await verifyLines(edited.lines);
      if (result._tag === 'DecodeFailed') {
        expect(result.index, `${edit.kind} at ${edit.i}`).toBe(edited.firstBad);
        byDecode += 1;
      } else {
        const bad = decodeLine(edited.lines[edited.firstBad] ?? '');
        if (bad === undefined) throw new Error('first bad line does not decode');
        expectBrokenAt(result, bad, `${edit.kind} at ${edit.i}/${edit.j}`);
      }
    }
    console.log(
      `tampering, exported JSONL: ${JSONL_EDITS}/${JSONL_EDITS} edits detected at the first bad line (${byDecode} of them as a line that no longer decodes)`,
    );
  }, 120_000);
});

const decodeLine = (line: string): StoredEvent | undefined => {
  let json: unknown;
  try {
    json = JSON.parse(line);
  } catch {
    return undefined;
  }
  const d = StoredEventCodec.decode(json);
  return d._tag === 'Right' ? d.right : undefined;
};

/** `verifyEvents` over lines decoded lazily; a line that does not decode stops the walk there. */
const verifyLines = async (
  lines: readonly string[],
): Promise<VerifyResult | { _tag: 'DecodeFailed'; index: number }> => {
  let failed: number | undefined;
  function* decoded(): Generator<StoredEvent> {
    for (const [i, line] of lines.entries()) {
      const e = decodeLine(line);
      if (e === undefined) {
        failed = i;
        return;
      }
      yield e;
    }
  }
  const r = await verifyEvents(decoded());
  return failed === undefined ? r : { _tag: 'DecodeFailed', index: failed };
};

/** The JSONL counterpart of `applyEdit`: flips are one bit of one UTF-8 byte of the data or metadata text. */
const editLines = (
  lines: readonly string[],
  edit: Edit,
  random: () => number,
): { lines: string[]; firstBad: number } => {
  if (edit.kind !== 'flipData' && edit.kind !== 'flipMetadata') {
    const { rows, firstBad } = applyEdit(log, edit);
    return {
      lines: rows.map((e, i) =>
        i < firstBad - 1 || rows[i] === log[i] ? (lines[i] ?? '') : JSON.stringify(e),
      ),
      firstBad,
    };
  }
  const out = [...lines];
  const line = out[edit.i] ?? '';
  const key = edit.kind === 'flipData' ? '"data":' : '"metadata":';
  const e = log[edit.i];
  if (e === undefined) throw new Error('no event');
  const value = JSON.stringify(edit.kind === 'flipData' ? e.data : e.metadata);
  const start = Buffer.byteLength(line.slice(0, line.indexOf(key) + key.length));
  const bytes = Buffer.from(line);
  const at = start + intIn(random, 0, Buffer.byteLength(value) - 1);
  bytes[at] = (bytes[at] ?? 0) ^ (1 << edit.bit);
  out[edit.i] = new TextDecoder().decode(bytes);
  return { lines: out, firstBad: edit.i };
};

const sqlQuery =
  (db: ReturnType<typeof openRawSqlite>): Query =>
  (sql, params = []) => {
    const st = db.prepare(sql);
    if (/^\s*SELECT/i.test(sql)) return Promise.resolve(st.all(...params));
    st.run(...params);
    return Promise.resolve([]);
  };

/** Applies DB_EDITS edits to a store's table one at a time, verifying through the store, then undoing. */
const tamperStore = async (
  store: EventStore,
  q: Query,
  table: string,
  what: string,
): Promise<void> => {
  const random = prng(SEED + 4);
  const kinds = new Map<string, number>();
  for (let n = 0; n < DB_EDITS; n++) {
    const edit = randomEdit(random, EVENTS);
    const undo = await tamperTable(q, table, log, edit);
    const firstBad = applyEdit(log, edit).firstBad;
    const at = await rowLocation(q, table, firstBad);
    expectBrokenAt(await verify(store), at, `${what}: ${edit.kind} at ${edit.i}/${edit.j}`);
    await undo();
    kinds.set(edit.kind, (kinds.get(edit.kind) ?? 0) + 1);
  }
  expect(await verify(store)).toMatchObject({
    _tag: 'ChainVerified',
    events: EVENTS,
    headHash: log[EVENTS - 1]?.hash,
  });
  console.log(
    `tampering, ${what} rows: ${DB_EDITS}/${DB_EDITS} edits applied to the table (then undone) detected at the first bad position (${[...kinds].map(([k, v]) => `${k} ${v}`).join(', ')}); clean again after undo`,
  );
};

describe('tamper evidence of store rows', () => {
  const dir = tempDir();
  afterAll(() => dir.remove());

  it(`SQLite: ${DB_EDITS} edits made directly to the events table are detected`, async () => {
    const path = dir.file('tamper.db');
    const store = createSqliteEventStore({ path });
    const db = openRawSqlite(path);
    try {
      const rows = await fill(store, sameBatches(log));
      expect(rows.map((r) => r.hash)).toEqual(log.map((r) => r.hash));
      await tamperStore(store, sqlQuery(db), 'events', 'SQLite');
    } finally {
      db.close();
      await store.close();
    }
  }, 120_000);
});

describePg('tamper evidence of PostgreSQL rows', (pg) => {
  it(`PostgreSQL: ${DB_EDITS} edits made directly to the events table are detected`, async () => {
    const store = pg.store();
    const rows = await fill(store, sameBatches(log));
    expect(rows.map((r) => r.hash)).toEqual(log.map((r) => r.hash));
    const q: Query = async (sql, params = []) => {
      let n = 0;
      const r = await store.pool.query<Record<string, unknown>>(
        sql.replace(/\?/g, () => `$${++n}`),
        [...params],
      );
      return r.rows;
    };
    await tamperStore(store, q, `${store.schema}.events`, 'PostgreSQL');
  }, 120_000);
});
