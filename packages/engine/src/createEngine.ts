import { hasProjectionDocuments, hasSnapshots, type ProjectionDocuments } from '@strive/eventlog';
import { randomInt } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { catchUpProjection, readDocumentOf } from './catchUpProjection.js';
import { DEFAULT_MAX_CLOCK_SKEW_MS } from './checkClockSkew.js';
import type { AnyCommand } from './defineCommand.js';
import type { Projection } from './defineProjection.js';
import type { Engine, EngineOptions, ReadModel } from './Engine.js';
import { engineTelemetry } from './engineTelemetry.js';
import { handleCommand, type HandleDeps } from './handleCommand.js';
import { instrumentHandle } from './instrumentHandle.js';
import { projectionBatchTracer, registerProjectionGauges } from './projectionTelemetry.js';
import { createHotStreams } from './hotStreams.js';
import { loadState } from './loadState.js';
import { retryOptions } from './retryOptions.js';
import { createStateCache } from './stateCache.js';
import { createStreamQueue } from './streamQueue.js';
import { tick } from './tick.js';
import { toInlineProjection } from './toInlineProjection.js';

/** Default jitter source of the shell: uniform in [0, 1) from node:crypto. */
const cryptoRandom = (): number => randomInt(0, 2 ** 30) / 2 ** 30;
/** Default sleep of the shell. */
const timerSleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

const nonNegativeInt = (name: string, n: number): number => {
  if (!Number.isSafeInteger(n) || n < 0)
    throw new Error(`createEngine: ${name} must be an integer >= 0 (got ${n})`);
  return n;
};

const indexCommands = (commands: readonly AnyCommand[]): ReadonlyMap<string, AnyCommand> => {
  const byType = new Map<string, AnyCommand>();
  for (const c of commands) {
    if (byType.has(c.type)) throw new Error(`createEngine: two commands have type "${c.type}"`);
    byType.set(c.type, c);
  }
  return byType;
};

/** Documents of a capability the engine was given none of: every use throws, saying how to fix it. */
const missingDocuments = (): ProjectionDocuments => {
  const fail = (): never => {
    throw new Error(
      'createEngine: projections and timers need ProjectionDocuments; pass `documents` (the bundled stores have them)',
    );
  };
  return {
    readDocument: fail,
    readDocuments: fail,
    readCheckpoint: fail,
    commitProjection: fail,
    resetProjection: fail,
  };
};

/**
 * The imperative shell: wires a store (an `EventLog`, with the snapshots and projection documents of
 * `options` or of the store itself), commands and projections, and supplies the effects the core
 * takes as parameters (jitter randomness, sleep, a monotonic clock). Does I/O.
 * @example
 * const engine = createEngine({ store, commands: [ship], projections: [dashboard], snapshotEvery: 100 });
 * const outcome = await engine.handle({ type: 'Ship', id: 'c-1', at: '2026-03-01T10:00:00Z', orderId: '7' });
 * if (isRejected(outcome)) console.log(outcome.failures);
 */
export const createEngine = (options: EngineOptions): Engine => {
  const { store } = options;
  const snapshots = options.snapshots ?? (hasSnapshots(store) ? store : undefined);
  const given = options.documents ?? (hasProjectionDocuments(store) ? store : undefined);
  const projections = options.projections ?? [];
  if (given === undefined && projections.length > 0)
    throw new Error(
      'createEngine: projections need ProjectionDocuments; pass `documents` (the bundled stores have them)',
    );
  const documents = given ?? missingDocuments();
  const inline = projections.filter((p) => p.inline).map((p) => toInlineProjection(p));
  const batchSize = options.projectionBatchSize ?? 500;
  if (!Number.isSafeInteger(batchSize) || batchSize < 1)
    throw new Error(`createEngine: projectionBatchSize must be an integer >= 1 (got ${batchSize})`);
  const deps: HandleDeps = {
    store,
    snapshots,
    commands: indexCommands(options.commands),
    inline,
    snapshotEvery:
      snapshots === undefined ? 0 : nonNegativeInt('snapshotEvery', options.snapshotEvery ?? 100),
    retry: retryOptions(options.retry ?? {}),
    random: options.random ?? cryptoRandom,
    sleep: options.sleep ?? timerSleep,
    now: options.now ?? (() => performance.now()),
    cache: createStateCache(nonNegativeInt('stateCacheSize', options.stateCacheSize ?? 10_000)),
    queue: createStreamQueue(),
    // A stream stays hot for two seconds after this process last saw it contended.
    hot: createHotStreams(2_000, 1_000),
    maxClockSkewMs: nonNegativeInt(
      'maxClockSkewMs',
      options.maxClockSkewMs ?? DEFAULT_MAX_CLOCK_SKEW_MS,
    ),
  };
  const telemetry = options.telemetry === false ? undefined : engineTelemetry();
  const handle = instrumentHandle(telemetry, options, deps.now, (input, o, probe) =>
    handleCommand(probe === undefined ? deps : { ...deps, probe }, input, o),
  );
  const traceBatch = telemetry === undefined ? undefined : projectionBatchTracer(telemetry);
  if (telemetry !== undefined) registerProjectionGauges(telemetry, store, documents, projections);
  const readModel = <D>(projection: Projection<D>, checkpoint: number): ReadModel<D> => ({
    projection: projection.storageName,
    checkpoint,
    get: (key) => readDocumentOf(documents, projection, key),
    all: async () => {
      const out: Array<{ key: string; value: D }> = [];
      for await (const { key, value } of documents.readDocuments(projection.storageName)) {
        if (!projection.isDocument(value))
          throw new Error(
            `${projection.storageName}: document "${key}" fails isDocument; rebuild it`,
          );
        out.push({ key, value });
      }
      return out;
    },
  });
  return {
    handle,
    load: (workflow, streamId) =>
      loadState(store, snapshots, workflow, streamId, deps.snapshotEvery),
    tick: (now) => tick({ store, documents, inline, batchSize, handle }, now),
    project: async (projection) =>
      readModel(
        projection,
        projection.inline
          ? (await store.head()).globalPosition
          : await catchUpProjection(store, documents, projection, batchSize, traceBatch),
      ),
    rebuild: async (projection) => {
      await documents.resetProjection(projection.storageName);
      return readModel(
        projection,
        await catchUpProjection(store, documents, projection, batchSize, traceBatch),
      );
    },
  };
};
