import {
  campaignWorkflow,
  campaignsProjection,
  exemplarsProjection,
  foldProjection,
  REPORT_VIEW,
  subjectWorkflow,
  subjectsProjection,
  summarizeReport,
  timelinesProjection,
  assembleReport,
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

const checkSnapshots = async (
  store: EventStore,
  byStream: ReadonlyMap<string, StoredEvent[]>,
): Promise<DerivedDiffers | number> => {
  let checked = 0;
  for (const [streamId, events] of byStream)
    for (const workflow of WORKFLOWS) {
      const s = await store.loadSnapshot(streamId, workflow.snapshotKey);
      if (s === undefined) continue;
      checked += 1;
      const what = `snapshot of ${streamId} (${workflow.name}) at position ${s.streamPosition}`;
      if (!isSealed(s)) return differs(what, 'its digest does not match its content');
      const at = events[s.streamPosition - 1];
      if (at === undefined || at.hash !== s.eventHash)
        return differs(what, 'it is not bound to the event at that position (event hash)');
      let expected: string | undefined;
      try {
        const state = validateJson(
          foldEvents(workflow, events.slice(0, s.streamPosition)),
          'state',
          LIMITS,
        );
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

const checkProjection = async (
  store: EventStore,
  projection: AnyProjection,
  events: readonly StoredEvent[],
): Promise<DerivedDiffers | { docs: Map<string, unknown>; checked: number }> => {
  const checkpoint = projection.inline
    ? Number.MAX_SAFE_INTEGER
    : await store.readCheckpoint(projection.storageName);
  const docs = foldProjection(
    projection,
    events.filter((e) => e.globalPosition <= checkpoint),
  );
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
  return { docs, checked };
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
 * that differs, or what was checked. Does I/O (reads only); holds the log in memory.
 */
export const checkDerived = async (store: EventStore): Promise<DerivedResult> => {
  const events: StoredEvent[] = [];
  const byStream = new Map<string, StoredEvent[]>();
  for await (const e of store.readAll({ batchSize: 1000 })) {
    events.push(e);
    const list = byStream.get(e.streamId) ?? [];
    list.push(e);
    byStream.set(e.streamId, list);
  }
  const snapshots = await checkSnapshots(store, byStream);
  if (typeof snapshots !== 'number') return snapshots;
  let documents = 0;
  const folded = new Map<string, Map<string, unknown>>();
  for (const p of PROJECTIONS) {
    const r = await checkProjection(store, p, events);
    if ('_tag' in r) return r;
    documents += r.checked;
    folded.set(p.storageName, r.docs);
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
