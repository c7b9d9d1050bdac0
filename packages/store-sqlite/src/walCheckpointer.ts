import { statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

/** Where WAL checkpoints run: a worker thread (`background`) or SQLite's own, inside commits (`inline`). */
export type CheckpointMode = 'background' | 'inline';

/** The store's side of the checkpointer. */
export interface WalCheckpointer {
  /** Tells it a write committed; cheap (a counter, a `stat` every 16 commits). */
  readonly committed: () => void;
  /** What it has done: checkpoints run by the worker and whether the worker is up. */
  readonly stats: () => { readonly started: boolean; readonly checkpoints: number };
  /** Stops the worker (after its running checkpoint) and waits for it. */
  readonly close: () => Promise<void>;
}

/** SQLite's own `wal_autocheckpoint` (pages), which the writer goes back to if the worker fails. */
const SQLITE_AUTOCHECKPOINT_PAGES = 1000;
/** The WAL size (bytes) past which the worker starts: SQLite's default 1,000 pages of 4 KiB. */
export const START_WAL_BYTES = SQLITE_AUTOCHECKPOINT_PAGES * 4096;
/**
 * `wal_autocheckpoint` (pages) of the writing connection while the worker runs. The worker's passive
 * checkpoints lag a busy writer and so never let the WAL start over; at 4,000 pages the writer's own
 * checkpoint finds nearly every frame copied already, finishes the job and the WAL restarts (16 MiB).
 */
export const WRITER_AUTOCHECKPOINT_PAGES = 4000;
const CHECK_EVERY = 16;
const MIN_GAP_MS = 10;

// Slots of the shared Int32Array: the request (IDLE, CHECKPOINT or CLOSE), checkpoints run, failed.
const REQUEST = 0;
const DONE = 1;
const FAILED = 2;
const IDLE = 0;
const CHECKPOINT = 1;
const CLOSE = 2;

// CommonJS, run with `eval: true` (a file of its own would not survive the CLI bundle). It talks
// through shared memory, not messages: the writing thread often runs appends back to back without
// returning to its event loop, so it could not read replies. One connection; a PASSIVE checkpoint
// per request, at least MIN_GAP_MS apart; busy is not an error; any other failure sets FAILED.
const WORKER = `
const { workerData } = require('node:worker_threads');
const flags = new Int32Array(workerData.flags);
try {
  const Database = require(workerData.sqlite);
  const db = new Database(workerData.path, { fileMustExist: true });
  db.pragma('busy_timeout = 0');
  for (;;) {
    Atomics.wait(flags, ${REQUEST}, ${IDLE});
    if (Atomics.load(flags, ${REQUEST}) === ${CLOSE}) break;
    try { db.pragma('wal_checkpoint(PASSIVE)'); } catch (e) { if (e.code !== 'SQLITE_BUSY') throw e; }
    Atomics.add(flags, ${DONE}, 1);
    Atomics.wait(flags, ${REQUEST}, ${CHECKPOINT}, ${MIN_GAP_MS});
    Atomics.compareExchange(flags, ${REQUEST}, ${CHECKPOINT}, ${IDLE});
  }
  db.close();
} catch (e) {
  Atomics.store(flags, ${FAILED}, 1);
}`;

const INERT: WalCheckpointer = {
  committed: () => undefined,
  stats: () => ({ started: false, checkpoints: 0 }),
  close: () => Promise.resolve(),
};

/**
 * Moves most of the WAL checkpoint work off the writing thread. SQLite checkpoints inside the commit
 * that crosses 1,000 WAL pages, and the copy and fsync then stall that append (raw better-sqlite3,
 * 100-event batches: 1,070-1,185 ms per 100k events with them, 540-580 without). Once the WAL
 * passes 4 MiB this starts a worker thread with its own connection that runs
 * `PRAGMA wal_checkpoint(PASSIVE)` when asked (every 16 commits, one at a time, at least 10 ms
 * apart, never blocking writers), and sets the writer's `wal_autocheckpoint` to 4,000 pages (see
 * `WRITER_AUTOCHECKPOINT_PAGES`); if the worker fails, the writer goes back to SQLite's 1,000.
 * Durability is unchanged (checkpoints copy committed frames; the final one still runs at close).
 * The worker is unreferenced, so a store left open never keeps the process alive. Does I/O.
 */
export const walCheckpointer = (
  path: string,
  mode: CheckpointMode,
  setAutocheckpoint: (pages: number) => void,
): WalCheckpointer => {
  if (mode === 'inline' || path === ':memory:') return INERT;
  let commits = 0;
  let worker: Worker | undefined;
  let started = false;
  const flags = new Int32Array(new SharedArrayBuffer(3 * Int32Array.BYTES_PER_ELEMENT));
  /** Failed or closed: nothing more starts. */
  let stopped = false;
  let exited: Promise<void> = Promise.resolve();
  const start = (): void => {
    const w = new Worker(WORKER, {
      eval: true,
      workerData: {
        path,
        flags: flags.buffer,
        sqlite: createRequire(import.meta.url).resolve('better-sqlite3'),
      },
    });
    w.unref();
    // An error the worker could not even report in `flags` (it failed to start).
    w.on('error', () => Atomics.store(flags, FAILED, 1));
    exited = new Promise((resolve) => w.once('exit', () => resolve()));
    worker = w;
    started = true;
    setAutocheckpoint(WRITER_AUTOCHECKPOINT_PAGES);
  };
  return {
    committed: () => {
      if (stopped || ++commits % CHECK_EVERY !== 0) return;
      if (worker === undefined) {
        const wal = statSync(`${path}-wal`, { throwIfNoEntry: false });
        if (wal === undefined || wal.size < START_WAL_BYTES) return;
        start();
      }
      if (Atomics.load(flags, FAILED) === 1) {
        stopped = true;
        setAutocheckpoint(SQLITE_AUTOCHECKPOINT_PAGES);
        return;
      }
      if (Atomics.compareExchange(flags, REQUEST, IDLE, CHECKPOINT) === IDLE)
        Atomics.notify(flags, REQUEST);
    },
    stats: () => ({ started, checkpoints: Atomics.load(flags, DONE) }),
    close: async () => {
      const w = worker;
      worker = undefined;
      stopped = true;
      if (w === undefined) return;
      // Referenced again so that the process waits for the worker's exit.
      w.ref();
      Atomics.store(flags, REQUEST, CLOSE);
      Atomics.notify(flags, REQUEST);
      await exited;
    },
  };
};
