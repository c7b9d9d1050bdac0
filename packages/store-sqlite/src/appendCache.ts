import type { AppendResult, LogHead } from '@strive/eventlog';
import { decodeHead, decodePosition } from './decodeValues.js';
import type { Statements } from './prepareStatements.js';

/** Streams whose versions are remembered at most (by default); past this the memory starts over. */
const MAX_CACHED_STREAMS = 10_000;

/** What a write transaction needs to know before `planAppend`, remembered between transactions. */
export interface AppendCache {
  /** Call first inside every write transaction: forgets everything if another connection committed. */
  readonly sync: () => void;
  /** The log head, from memory or read (and remembered). */
  readonly head: () => LogHead;
  /** A stream's version, from memory or read (and remembered). */
  readonly version: (streamId: string) => number;
  /** Records what a committed append wrote. Call only after COMMIT succeeded. */
  readonly committed: (results: readonly AppendResult[]) => void;
  /** Forgets everything (after a rollback or any error). */
  readonly clear: () => void;
}

/**
 * Remembers the head and stream versions this connection read or wrote, behind `PRAGMA
 * data_version`, which changes exactly when another connection (or process) commits: a write then
 * costs one pragma instead of a head and a version query, and stays correct with several writers.
 * Does I/O (through the statements, inside the caller's transaction).
 */
export const appendCache = (st: Statements, maxStreams = MAX_CACHED_STREAMS): AppendCache => {
  let dataVersion: unknown = undefined;
  let head: LogHead | undefined;
  const versions = new Map<string, number>();
  const clear = (): void => {
    dataVersion = undefined;
    head = undefined;
    versions.clear();
  };
  const remember = (streamId: string, v: number): void => {
    if (versions.size >= maxStreams && !versions.has(streamId)) versions.clear();
    versions.set(streamId, v);
  };
  return {
    sync: () => {
      const now: unknown = st.dataVersion.get();
      if (now !== dataVersion) {
        clear();
        dataVersion = now;
      }
    },
    head: () => (head ??= decodeHead(st.head.get())),
    version: (streamId) => {
      const known = versions.get(streamId);
      if (known !== undefined) return known;
      const v: unknown = st.streamVersion.get(streamId);
      const read = v === undefined ? 0 : decodePosition(v, 'stream version');
      remember(streamId, read);
      return read;
    },
    committed: (results) => {
      if (dataVersion === undefined) return;
      for (const r of results) {
        remember(r.streamId, r.streamVersion);
        const last = r.events.at(-1);
        if (last !== undefined && (head === undefined || last.globalPosition > head.globalPosition))
          head = { globalPosition: last.globalPosition, hash: last.hash };
      }
    },
    clear,
  };
};
