import {
  campaignWorkflow,
  subjectWorkflow,
  type CampaignContext,
  type SubjectContext,
} from '@strive/campaign';
import { foldEvents, initialState, type WorkflowState } from '@strive/engine';
import type { StoredEvent } from '@strive/eventlog';
import { createSqliteEventStore } from '@strive/store-sqlite';
import {
  refCampaign,
  refCampaignInitial,
  refSubject,
  refSubjectInitial,
  type RefState,
} from './referenceFold.js';

/** The folded streams of one side of a replay, campaign and subject streams apart. */
interface Folded<C, S> {
  readonly campaigns: Map<string, C>;
  readonly subjects: Map<string, S>;
}

/** One replay of a store: events folded and the milliseconds each side spent folding them. */
export interface ReplayTiming {
  readonly events: number;
  readonly streams: number;
  /** `foldEvents` with the campaign's workflows, per stream. */
  readonly engineMs: number;
  /** The hand-written switch (`referenceFold.ts`). */
  readonly referenceMs: number;
  /** Only the io-ts `is` checks both sides run (part of both figures above). */
  readonly codecMs: number;
  /** The whole pass, reading from SQLite included. */
  readonly wallMs: number;
}

const isCampaign = (streamId: string): boolean => streamId.startsWith('campaign-');

/** A batch's events grouped by stream, in order (the shape `foldEvents` takes). Pure. */
const groupByStream = (batch: readonly StoredEvent[]): Map<string, StoredEvent[]> => {
  const groups = new Map<string, StoredEvent[]>();
  for (const e of batch) {
    const g = groups.get(e.streamId);
    if (g === undefined) groups.set(e.streamId, [e]);
    else g.push(e);
  }
  return groups;
};

type EngineFolded = Folded<WorkflowState<CampaignContext>, WorkflowState<SubjectContext>>;
type RefFolded = Folded<RefState<CampaignContext>, RefState<SubjectContext>>;

const campaignStart = initialState(campaignWorkflow);
const subjectStart = initialState(subjectWorkflow);

/** Folds one batch's groups through the engine (`foldEvents`, one call per stream and batch). Pure but for `into`. */
const engineFold = (groups: Map<string, StoredEvent[]>, into: EngineFolded): void => {
  for (const [id, events] of groups)
    if (isCampaign(id))
      into.campaigns.set(
        id,
        foldEvents(campaignWorkflow, events, into.campaigns.get(id) ?? campaignStart),
      );
    else
      into.subjects.set(
        id,
        foldEvents(subjectWorkflow, events, into.subjects.get(id) ?? subjectStart),
      );
};

/** Folds one batch's groups through the hand-written reference. Pure but for `into`. */
const referenceFold = (groups: Map<string, StoredEvent[]>, into: RefFolded): void => {
  for (const [id, events] of groups)
    if (isCampaign(id)) {
      let s = into.campaigns.get(id);
      if (s === undefined) into.campaigns.set(id, (s = refCampaignInitial()));
      for (const e of events) refCampaign(s, e);
    } else {
      let s = into.subjects.get(id);
      if (s === undefined) into.subjects.set(id, (s = refSubjectInitial()));
      for (const e of events) refSubject(s, e);
    }
};

const specs = new Map<string, { readonly codec: { readonly is: (u: unknown) => boolean } }>([
  ...Object.entries(campaignWorkflow.events),
  ...Object.entries(subjectWorkflow.events),
]);

const codecOnly = (batch: readonly StoredEvent[]): number => {
  let ok = 0;
  for (const e of batch) if (specs.get(e.type)?.codec.is(e.data) === true) ok += 1;
  return ok;
};

const now = (): bigint => process.hrtime.bigint();
const ms = (ns: bigint): number => Number(ns) / 1e6;

/** Throws unless both sides folded every stream to the same value, context, version and time. Pure. */
const assertSameFolds = (a: EngineFolded, b: RefFolded): void => {
  const same = <X, Y>(x: Map<string, X>, y: Map<string, Y>): void => {
    if (x.size !== y.size)
      throw new Error(`replay: ${x.size} streams folded by the engine, ${y.size} by the reference`);
    for (const [id, s] of x)
      if (JSON.stringify(s) !== JSON.stringify(y.get(id)))
        throw new Error(`replay: the engine and the reference folded ${id} differently`);
  };
  same(a.campaigns, b.campaigns);
  same(a.subjects, b.subjects);
};

/**
 * Replays an SQLite store through both sides in one pass: `readAll` in batches of `batchSize`
 * (events stream; one batch is held at a time), each batch grouped by stream (untimed) then folded by
 * the engine and by the reference (order alternating per batch), each side timed on its own; then
 * checks both folded every stream the same. Does I/O.
 */
export const replayRun = async (path: string, batchSize = 1_000): Promise<ReplayTiming> => {
  const store = createSqliteEventStore({ path });
  const engine: EngineFolded = { campaigns: new Map(), subjects: new Map() };
  const reference: RefFolded = { campaigns: new Map(), subjects: new Map() };
  let engineNs = 0n;
  let referenceNs = 0n;
  let codecNs = 0n;
  let events = 0;
  let batches = 0;
  const start = now();
  const fold = (batch: readonly StoredEvent[]): void => {
    const groups = groupByStream(batch);
    const t0 = now();
    if (batches % 2 === 0) engineFold(groups, engine);
    else referenceFold(groups, reference);
    const t1 = now();
    if (batches % 2 === 0) referenceFold(groups, reference);
    else engineFold(groups, engine);
    const t2 = now();
    if (codecOnly(batch) !== batch.length) throw new Error('replay: an event fails its codec');
    const t3 = now();
    engineNs += batches % 2 === 0 ? t1 - t0 : t2 - t1;
    referenceNs += batches % 2 === 0 ? t2 - t1 : t1 - t0;
    codecNs += t3 - t2;
    batches += 1;
    events += batch.length;
  };
  let batch: StoredEvent[] = [];
  for await (const e of store.readAll({ batchSize })) {
    batch.push(e);
    if (batch.length === batchSize) {
      fold(batch);
      batch = [];
    }
  }
  if (batch.length > 0) fold(batch);
  const wallMs = ms(now() - start);
  await store.close();
  assertSameFolds(engine, reference);
  return {
    events,
    streams: engine.campaigns.size + engine.subjects.size,
    engineMs: ms(engineNs),
    referenceMs: ms(referenceNs),
    codecMs: ms(codecNs),
    wallMs,
  };
};
