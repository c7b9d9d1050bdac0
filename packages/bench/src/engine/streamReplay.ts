import { createHash, type Hash } from 'node:crypto';
import {
  campaignWorkflow,
  subjectWorkflow,
  type CampaignContext,
  type SubjectContext,
} from '@strive/campaign';
import { replayStreams } from '@strive/engine';
import type { EventStore, StoredEvent } from '@strive/eventlog';
import { createSqliteEventStore } from '@strive/store-sqlite';
import {
  refCampaign,
  refCampaignInitial,
  refSubject,
  refSubjectInitial,
  type RefState,
} from './referenceFold.js';

/** Events per read of the log and of a stream, on both sides (`replayStreams`' default). */
const STREAM_BATCH = 100;

/** One streaming replay of a store: what was folded, how long it took, and a digest of every state. */
export interface StreamReplay {
  readonly events: number;
  readonly streams: number;
  /** The whole pass (reads and folds), wall time less the time spent digesting the states. */
  readonly passMs: number;
  /** The same in CPU time of the process (user + system), steadier on a loaded machine. */
  readonly passCpuMs: number;
  /** SHA-256 of every stream's id and JSON state, in the order handed out: equal on both sides. */
  readonly digest: string;
}

const isCampaign = (streamId: string): boolean => streamId.startsWith('campaign-');

/** Digests states as they come and keeps none; times itself so the pass can leave it out. */
const digester = (): { add: (id: string, s: unknown) => void; hash: Hash; ns: () => bigint } => {
  const hash = createHash('sha256');
  let ns = 0n;
  return {
    hash,
    ns: () => ns,
    add: (id, s) => {
      const t = process.hrtime.bigint();
      hash.update(`${id}\n${JSON.stringify(s)}\n`);
      ns += process.hrtime.bigint() - t;
    },
  };
};

const run = async (
  path: string,
  pass: (store: EventStore, add: (id: string, s: unknown) => void) => Promise<number>,
): Promise<StreamReplay> => {
  const store = createSqliteEventStore({ path });
  const d = digester();
  let streams = 0;
  const cpu = process.cpuUsage();
  const start = process.hrtime.bigint();
  const events = await pass(store, (id, s) => {
    streams += 1;
    d.add(id, s);
  });
  const ns = process.hrtime.bigint() - start - d.ns();
  const used = process.cpuUsage(cpu);
  const digestMs = Number(d.ns()) / 1e6;
  await store.close();
  return {
    events,
    streams,
    passMs: Number(ns) / 1e6,
    passCpuMs: (used.user + used.system) / 1e3 - digestMs,
    digest: d.hash.digest('hex'),
  };
};

/**
 * The engine's side: `replayStreams` with the campaign's workflows, each state digested then dropped.
 * Does I/O.
 */
export const engineStreamReplay = (path: string): Promise<StreamReplay> =>
  run(path, async (store, add) => {
    let events = 0;
    for await (const s of replayStreams(store, {
      workflows: { campaign: campaignWorkflow, subject: subjectWorkflow },
      route: (id) => (isCampaign(id) ? 'campaign' : 'subject'),
      batchSize: STREAM_BATCH,
    })) {
      events += s.state.version;
      add(s.streamId, s.state);
    }
    return events;
  });

const refStream = async <C>(
  store: EventStore,
  streamId: string,
  to: number,
  s: RefState<C>,
  step: (s: RefState<C>, e: StoredEvent) => void,
): Promise<RefState<C>> => {
  for await (const e of store.readStream(streamId, { batchSize: STREAM_BATCH })) {
    if (e.globalPosition > to) break;
    step(s, e);
  }
  return s;
};

/**
 * The reference side, doing the same reads as `replayStreams` (the log up to its head a window of
 * `STREAM_BATCH` events at a time, then each stream begun in the window alone) and folding with the
 * hand-written switch. Does I/O.
 */
export const referenceStreamReplay = (path: string): Promise<StreamReplay> =>
  run(path, async (store, add) => {
    const to = (await store.head()).globalPosition;
    let events = 0;
    for (let after = 0; after < to; after += STREAM_BATCH) {
      const begun: string[] = [];
      const window = { after, to: Math.min(after + STREAM_BATCH, to), batchSize: STREAM_BATCH };
      for await (const e of store.readAll(window))
        if (e.streamPosition === 1) begun.push(e.streamId);
      for (const id of begun) {
        const s: RefState<CampaignContext> | RefState<SubjectContext> = isCampaign(id)
          ? await refStream(store, id, to, refCampaignInitial(), refCampaign)
          : await refStream(store, id, to, refSubjectInitial(), refSubject);
        events += s.version;
        add(id, s);
      }
    }
    return events;
  });
