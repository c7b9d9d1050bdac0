import * as E from 'fp-ts/lib/Either.js';
import { appendToStream, describeAppendError, type NewEvent } from '@strive/eventlog';
import { createSqliteEventStore } from '@strive/store-sqlite';
import { commitmentEvent } from './payload.js';
import { openRaw, RAW_COLUMNS } from './rawSqlite.js';

/** W5: 10,000 commands over 1,000 streams that hold 10 events each beforehand. */
export const W5 = { streams: 1_000, eventsBefore: 10, commands: 10_000 } as const;

/** The state a command folds from its stream: version, events seen, sum of pledge targets. */
export interface CommandState {
  version: number;
  count: number;
  sum: number;
}

const targetOf = (data: unknown): number => {
  if (typeof data !== 'object' || data === null || !('pledges' in data)) return 0;
  const pledges: readonly unknown[] = Array.isArray(data.pledges) ? data.pledges : [];
  const first = pledges[0];
  if (typeof first !== 'object' || first === null || !('target' in first)) return 0;
  const target = first.target;
  return typeof target === 'object' && target !== null && 'value' in target
    ? Number(target.value)
    : 0;
};

/** The fold of both sides. Pure (mutates only its accumulator). */
export const evolve = (s: CommandState, streamPosition: number, data: unknown): CommandState => {
  s.version = streamPosition;
  s.count += 1;
  s.sum += targetOf(data);
  return s;
};

/** The decision of both sides: one new commitment, refused past 1,000 events. Pure. */
export const decide = (s: CommandState, salt: number, n: number): NewEvent => {
  if (s.count >= 1_000) throw new Error('decide: stream is full');
  return commitmentEvent(salt, n);
};

/** Stream of command `c`: round-robin over the streams. Pure. */
export const commandStream = (c: number, streams: number): string => `stream-${c % streams}`;

/**
 * W5 with Strive: for each command, `readStream` and fold, decide, `append` with the folded version
 * as the expected version. Returns the folds after the last command, for comparison. Does I/O.
 */
export const striveCommands = async (
  path: string,
  streams: number,
  commands: number,
  salt: number,
): Promise<Map<string, CommandState>> => {
  const store = createSqliteEventStore({ path });
  const last = new Map<string, CommandState>();
  for (let c = 0; c < commands; c++) {
    const streamId = commandStream(c, streams);
    const s: CommandState = { version: 0, count: 0, sum: 0 };
    for await (const e of store.readStream(streamId)) evolve(s, e.streamPosition, e.data);
    const r = await appendToStream(store, streamId, [decide(s, salt, c)], {
      expectedVersion: s.version,
    });
    if (E.isLeft(r)) throw new Error(describeAppendError(r.left));
    last.set(streamId, s);
  }
  await store.close();
  return last;
};

/**
 * W5 raw: select the stream's rows and `JSON.parse` them, fold, decide, insert in one transaction at
 * position version + 1 (the `UNIQUE (stream_id, stream_position)` constraint is the expected-version
 * check; SQLite assigns the global position). No validation, canonical JSON or hash chain. Does I/O.
 */
export const rawCommands = (
  path: string,
  streams: number,
  commands: number,
  salt: number,
): Map<string, CommandState> => {
  const raw = openRaw(path);
  const select = raw.db
    .prepare(`SELECT ${RAW_COLUMNS} FROM events WHERE stream_id = ? ORDER BY stream_position`)
    .raw(true);
  const insert = raw.db.prepare(
    `INSERT INTO events (${RAW_COLUMNS}) VALUES (NULL, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const write = raw.db.transaction((streamId: string, version: number, e: NewEvent) => {
    const hash = 'a'.repeat(64);
    insert.run(
      e.eventId,
      streamId,
      version + 1,
      e.type,
      1,
      JSON.stringify(e.data),
      JSON.stringify(e.metadata),
      hash,
      hash,
    );
  });
  const last = new Map<string, CommandState>();
  for (let c = 0; c < commands; c++) {
    const streamId = commandStream(c, streams);
    const s: CommandState = { version: 0, count: 0, sum: 0 };
    for (const row of select.all(streamId)) {
      if (!Array.isArray(row)) throw new Error('unexpected row');
      const data: unknown = JSON.parse(String(row[6]));
      JSON.parse(String(row[7]));
      evolve(s, Number(row[3]), data);
    }
    write(streamId, s.version, decide(s, salt, c));
    last.set(streamId, s);
  }
  raw.close();
  return last;
};
