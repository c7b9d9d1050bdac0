import {
  campaignWorkflow,
  campaignsProjection,
  createProjectionFold,
  exemplarsProjection,
  REPORT_VIEW,
  subjectWorkflow,
  subjectsProjection,
  summarizeReport,
  timelinesProjection,
  assembleReport,
  type ProjectionFold,
} from '@strive/campaign';
import { foldEvents, type AnyProjection, type AnyWorkflow } from '@strive/engine';
import {
  canonicalJson,
  isSealed,
  validateJson,
  type EventStore,
  type JsonValue,
  type StoredEvent,
} from '@strive/eventlog';
import * as E from 'fp-ts/lib/Either.js';
import { readReportViewState } from './reportViewState.js';

/** What the deep check covered: snapshots and read-model documents compared with the log. */
interface DerivedChecked {
  readonly _tag: 'DerivedChecked';
  readonly snapshots: number;
  readonly documents: number;
  /** Whether the report view was compared (a stale one is never read, so it is skipped). */
  readonly reportView: 'equal' | 'stale, not read by report';
}

/** The first snapshot or document that differs from what the log gives. */
interface DerivedDiffers {
  readonly _tag: 'DerivedDiffers';
  /** e.g. `snapshot of campaign-zz2010 (campaign@1) at position 40` or `document "o1" of subjects@v1`. */
  readonly what: string;
  readonly reason: string;
}

/** Result of `checkDerived`. */
export type DerivedResult = DerivedChecked | DerivedDiffers;

const LIMITS = { maxDepth: 64, maxChars: 64 * 1024 * 1024 };
const WORKFLOWS: readonly AnyWorkflow[] = [campaignWorkflow, subjectWorkflow];
const PROJECTIONS: readonly AnyProjection[] = [
  campaignsProjection,
  subjectsProjection,
  timelinesProjection,
  exemplarsProjection,
];

const canonical = (u: unknown): string | undefined => {
  const json = validateJson(u, 'value', LIMITS);
  return E.isLeft(json) ? undefined : canonicalJson(json.right);
};

const differs = (what: string, reason: string): DerivedDiffers => ({
  _tag: 'DerivedDiffers',
  what,
  reason,
});

const streamEvents = async (
  store: EventStore,
  streamId: string,
  to: number,
): Promise<StoredEvent[]> => {
  const events: StoredEvent[] = [];
  for await (const e of store.readStream(streamId, { to })) events.push(e);
  return events;
};

const checkSnapshots = async (
  store: EventStore,
  streams: Iterable<string>,
): Promise<DerivedDiffers | number> => {
  let checked = 0;
  for (const streamId of streams)
    for (const workflow of WORKFLOWS) {
      const s = await store.loadSnapshot(streamId, workflow.snapshotKey);
      if (s === undefined) continue;
      checked += 1;
      const what = `snapshot of ${streamId} (${workflow.name}) at position ${s.streamPosition}`;
      if (!isSealed(s)) return differs(what, 'its digest does not match its content');
      // only this stream's events up to the snapshot: the log itself is never held in memory
      const events = await streamEvents(store, streamId, s.streamPosition);
      const at = events[s.streamPosition - 1];
      if (at === undefined || at.hash !== s.eventHash)
        return differs(what, 'it is not bound to the event at that position (event hash)');
      let expected: string | undefined;
      try {
        const state = validateJson(foldEvents(workflow, events), 'state', LIMITS);
        expected = E.isRight(state) ? canonicalJson(state.right) : undefined;
      } catch (e) {
        return differs(
          what,
          `the log does not fold: ${e instanceof Error ? e.message : String(e)}`,
        );
      }
      if (canonicalJson(s.state) !== expected)
        return differs(what, 'its state differs from the state re-derived from the log');
    }
  return checked;
};

/** A projection folded from the log up to its checkpoint (every event when it is inline). */
interface Refolded {
  readonly projection: AnyProjection;
  readonly checkpoint: number;
  readonly fold: ProjectionFold<unknown>;
}

const checkProjection = async (
  store: EventStore,
  { projection, checkpoint, fold }: Refolded,
): Promise<DerivedDiffers | number> => {
  const docs = fold.documents();
  const seen = new Set<string>();
  let checked = 0;
  for await (const { key, value } of store.readDocuments(projection.storageName)) {
    const what = `document "${key}" of read model ${projection.storageName}`;
    seen.add(key);
    checked += 1;
    if (!docs.has(key)) return differs(what, 'the log gives no such document');
    if (canonicalJson(value) !== canonical(docs.get(key)))
      return differs(
        what,
        `it differs from the document re-derived from the log up to its checkpoint ${checkpoint}`,
      );
  }
  for (const key of docs.keys())
    if (!seen.has(key) && checkpoint > 0)
      return differs(`document "${key}" of read model ${projection.storageName}`, 'it is missing');
  return checked;
};

const fieldOf = (doc: JsonValue | undefined, key: string): unknown =>
  typeof doc === 'object' && doc !== null && !Array.isArray(doc)
    ? Object.getOwnPropertyDescriptor(doc, key)?.value
    : undefined;

const parsedText = (doc: JsonValue | undefined): unknown => {
  const text = fieldOf(doc, 'text');
  if (typeof text !== 'string') return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
};

/**
 * Re-derives from the log, in memory, what the store keeps beside it and compares: every snapshot of
 * the campaign workflows (seal, bound event hash, state), every document of the campaign read models
 * (folded up to its checkpoint) and, when `report` would read it, the report view. Returns the first
 * that differs, or what was checked. Reads the log once, keeping only the folded documents, and each
 * snapshotted stream once more up to its snapshot, so memory does not grow with the log. Does I/O
 * (reads only).
 */
export const checkDerived = async (store: EventStore): Promise<DerivedResult> => {
  const refolds: Refolded[] = [];
  for (const projection of PROJECTIONS)
    refolds.push({
      projection,
      checkpoint: projection.inline
        ? Number.MAX_SAFE_INTEGER
        : await store.readCheckpoint(projection.storageName),
      fold: createProjectionFold<unknown>(projection),
    });
  // One pass over the log: each event folded into the read models it reaches, then dropped.
  const streams = new Set<string>();
  for await (const e of store.readAll({ batchSize: 1000 })) {
    streams.add(e.streamId);
    for (const r of refolds) if (e.globalPosition <= r.checkpoint) r.fold.add(e);
  }
  const snapshots = await checkSnapshots(store, streams);
  if (typeof snapshots !== 'number') return snapshots;
  let documents = 0;
  const folded = new Map<string, ReadonlyMap<string, unknown>>();
  for (const r of refolds) {
    const checked = await checkProjection(store, r);
    if (typeof checked !== 'number') return checked;
    documents += checked;
    folded.set(r.projection.storageName, r.fold.documents());
  }
  const { summary, rest, current } = await readReportViewState(store);
  if (!current)
    return {
      _tag: 'DerivedChecked',
      snapshots,
      documents,
      reportView: 'stale, not read by report',
    };
  const sorted = <D>(p: { storageName: string }, is: (u: unknown) => u is D): D[] =>
    [...(folded.get(p.storageName) ?? new Map<string, unknown>()).entries()]
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([, v]) => v)
      .filter(is);
  const report = assembleReport(
    sorted(campaignsProjection, campaignsProjection.isDocument),
    sorted(subjectsProjection, subjectsProjection.isDocument),
    sorted(exemplarsProjection, exemplarsProjection.isDocument),
  );
  if (canonical(parsedText(summary)) !== canonical(summarizeReport(report)))
    return differs(
      `document "summary" of the report view ${REPORT_VIEW}`,
      'it differs from the report re-derived from the log',
    );
  if (
    canonical(parsedText(rest)) !==
    canonical({ subjects: report.subjects, exemplars: report.exemplars })
  )
    return differs(
      `document "rest" of the report view ${REPORT_VIEW}`,
      'it differs from the report re-derived from the log',
    );
  return { _tag: 'DerivedChecked', snapshots, documents: documents + 2, reportView: 'equal' };
};
