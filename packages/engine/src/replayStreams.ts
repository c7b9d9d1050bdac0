import type { EventLog, StoredEvent } from '@strive/eventlog';
import { foldEvents, initialState } from './foldEvents.js';
import type { AnyWorkflow, ContextOf, Workflow, WorkflowState } from './Workflow.js';

/** Workflows a replay folds, by a name the caller chooses (`{ order, customer }`). */
export type ReplayWorkflows = Readonly<Record<string, AnyWorkflow>>;

/** One stream replayed to the cut: which workflow folded it (by name), its id and its state. */
export type ReplayedStream<W extends ReplayWorkflows> = {
  readonly [K in keyof W & string]: {
    readonly workflow: K;
    readonly streamId: string;
    readonly state: WorkflowState<ContextOf<W[K]>>;
  };
}[keyof W & string];

/** What `replayStreams` takes. */
export interface ReplayStreamsOptions<W extends ReplayWorkflows> {
  readonly workflows: W;
  /**
   * The workflow (by name) that folds a stream, from its id and first event; `undefined` skips the
   * stream (it is not read). Pure.
   */
  readonly route: (streamId: string, first: StoredEvent) => (keyof W & string) | undefined;
  /**
   * Events per read, of the log and of each stream (default 100). Small batches die young in V8's new
   * space; 1,000-event batches, held while streams are folded, were promoted to old space and raised
   * peak RSS by ~7 MiB at 1M events for ~5% less CPU.
   */
  readonly batchSize?: number;
  /** The global position to replay up to, inclusive (default: the log head when the replay starts). */
  readonly to?: number;
}

const DEFAULT_BATCH_SIZE = 100;
/**
 * Events folded per `foldEvents` call: few, so that decoded events die young (a long stream buffered
 * a read batch at a time had its batches promoted to V8's old space, where they stay until a full GC).
 */
const FOLD_CHUNK = 32;

/** One stream's events up to global position `to`, read in batches and folded a few at a time. Does I/O. */
const foldStream = async <C>(
  store: EventLog,
  workflow: Workflow<C>,
  streamId: string,
  to: number,
  batchSize: number,
): Promise<WorkflowState<C>> => {
  let state: WorkflowState<C> = initialState(workflow);
  let batch: StoredEvent[] = [];
  for await (const e of store.readStream(streamId, { batchSize })) {
    if (e.globalPosition > to) break;
    batch.push(e);
    if (batch.length === FOLD_CHUNK) {
      state = foldEvents(workflow, batch, state);
      batch = [];
    }
  }
  return batch.length > 0 ? foldEvents(workflow, batch, state) : state;
};

/** The streams begun in one window of the log: ids and workflow names, found before any is folded. */
const streamsBegunIn = async <W extends ReplayWorkflows>(
  store: EventLog,
  options: ReplayStreamsOptions<W>,
  after: number,
  to: number,
  batchSize: number,
): Promise<Array<readonly [string, keyof W & string]>> => {
  const begun: Array<readonly [string, keyof W & string]> = [];
  for await (const e of store.readAll({ after, to, batchSize })) {
    if (e.streamPosition !== 1) continue;
    const name = options.route(e.streamId, e);
    if (name === undefined) continue;
    if (options.workflows[name] === undefined)
      throw new Error(`replayStreams: route gave "${name}", which is not one of the workflows`);
    begun.push([e.streamId, name]);
  }
  return begun;
};

/**
 * Replays a log stream by stream in bounded memory: reads the log up to a cut a window of `batchSize`
 * events at a time, notes the streams that begin in it (an event at stream position 1), then reads
 * each of them alone (in batches, up to the cut), folds it with its workflow and yields its state,
 * keeping nothing once the caller takes the next one. Memory is a window's stream ids, one batch of a
 * stream and one stream's state, whatever the log's length (the window's events are let go before any
 * stream is folded, so they do not linger into V8's old space); the price is reading every event twice
 * (once to find the streams, once to fold them). Streams come in the order of their first events.
 * Throws as `foldEvents` does on a gap, an unknown type or a codec failure. Does I/O (reads only).
 * @example
 * for await (const s of replayStreams(store, {
 *   workflows: { order, customer },
 *   route: (id) => (id.startsWith('order-') ? 'order' : 'customer'),
 * })) console.log(s.workflow, s.streamId, s.state.value);
 */
export async function* replayStreams<W extends ReplayWorkflows>(
  store: EventLog,
  options: ReplayStreamsOptions<W>,
): AsyncGenerator<ReplayedStream<W>, void, undefined> {
  const batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE;
  if (!Number.isSafeInteger(batchSize) || batchSize < 1)
    throw new RangeError(`replayStreams: batchSize must be an integer >= 1 (got ${batchSize})`);
  if (options.to !== undefined && (!Number.isSafeInteger(options.to) || options.to < 0))
    throw new RangeError(`replayStreams: to must be an integer >= 0 (got ${options.to})`);
  const head = (await store.head()).globalPosition;
  const to = Math.min(options.to ?? head, head);
  // Global positions are gap-free from 1, so each window holds `batchSize` events.
  for (let after = 0; after < to; after += batchSize) {
    const window = Math.min(after + batchSize, to);
    for (const [streamId, name] of await streamsBegunIn(store, options, after, window, batchSize)) {
      const workflow = options.workflows[name];
      if (workflow === undefined) continue; // checked by streamsBegunIn
      const state = await foldStream(store, workflow, streamId, to, batchSize);
      // The state was folded by `workflows[name]`, so its context is `ContextOf<W[name]>`.
      yield { workflow: name, streamId, state } as ReplayedStream<W>;
    }
  }
}
