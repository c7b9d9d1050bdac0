/** What one W6 writer process is told (its single command-line argument, as JSON). */
export interface WriterArgs {
  /** `strive`: the campaign engine on Strive's PostgreSQL store; `raw`: raw `pg` with its own retry. */
  readonly side: 'strive' | 'raw';
  readonly url: string;
  readonly schema: string;
  /** This writer's number, for its command ids. */
  readonly writer: number;
  /** How long to send commands after the start signal. */
  readonly seconds: number;
  /** The store's pool size (Strive side). */
  readonly poolSize: number;
  /** Unmeasured evaluations of the campaign's other subject sent before `ready` (Strive side). */
  readonly warmup: number;
}

const isRecord = (u: unknown): u is Readonly<Record<string, unknown>> =>
  typeof u === 'object' && u !== null && !Array.isArray(u);

/**
 * A writer's arguments from their JSON text, or a thrown error naming what is wrong (the bench wrote
 * them, so a bad one is a bug). Pure.
 * @example writerArgs('{"side":"raw","url":"postgres://x","schema":"s","writer":0,"seconds":4,"poolSize":3,"warmup":0}').side // 'raw'
 */
export const writerArgs = (text: string): WriterArgs => {
  const u: unknown = JSON.parse(text);
  if (!isRecord(u)) throw new Error('hotWriter: its argument must be a JSON object');
  const { side, url, schema, writer, seconds, poolSize, warmup } = u;
  if (side !== 'strive' && side !== 'raw') throw new Error('hotWriter: side is strive or raw');
  if (typeof url !== 'string' || typeof schema !== 'string')
    throw new Error('hotWriter: url and schema are strings');
  if (
    typeof writer !== 'number' ||
    typeof seconds !== 'number' ||
    typeof poolSize !== 'number' ||
    typeof warmup !== 'number'
  )
    throw new Error('hotWriter: writer, seconds, poolSize and warmup are numbers');
  return { side, url, schema, writer, seconds, poolSize, warmup };
};

/** What one writer process reports when its time is up (one JSON line on standard output). */
export interface WriterReport {
  /** Commands finished (accepted, refused or conflicting). */
  readonly done: number;
  readonly accepted: number;
  /** Commands that ended `Conflict` (Strive) or gave up (never, on the raw side). */
  readonly conflicts: number;
  /** Appends refused for a stale version (Strive) or inserts refused by the unique key (raw). */
  readonly lostRaces: number;
  /** `withStreamLock` calls, the ms spent waiting for them and holding them. */
  readonly lockWaits: number;
  readonly waitMs: number;
  readonly holdMs: number;
  /** Of `holdMs`: ms in stream reads, appends and command-id look-ups made under the lock. */
  readonly heldReadMs: number;
  readonly heldAppendMs: number;
  readonly heldLookupMs: number;
  /** Wall ms from the start signal to the last command's end. */
  readonly ms: number;
}
