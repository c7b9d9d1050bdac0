import type { EventLog, ProjectionDocuments } from '@strive/eventlog';
import type { BatchTracer } from './catchUpProjection.js';
import type { AnyProjection } from './defineProjection.js';
import { runInSpan, type EngineTelemetry } from './engineTelemetry.js';

/**
 * A `BatchTracer` recording each catch-up batch as a `strive.projection.batch` span (projection,
 * events, checkpoint before). Pure (the tracer does I/O).
 */
export const projectionBatchTracer =
  (t: EngineTelemetry): BatchTracer =>
  (projection, after, events, run) => {
    const attributes = {
      'strive.projection': projection,
      'strive.projection.checkpoint': after,
      'strive.events': events,
    };
    const span = t.tracer.startSpan('strive.projection.batch', { attributes });
    return runInSpan(t, span, t.api.context.active(), run);
  };

/**
 * Registers the observable gauges `strive.projection.lag` (log head minus checkpoint, {event}) and
 * `strive.projection.checkpoint` for every async projection, read from the store at each collection.
 * A collection that fails to read (a closed store) observes nothing. Does I/O (at collection).
 */
export const registerProjectionGauges = (
  t: EngineTelemetry,
  log: Pick<EventLog, 'head'>,
  documents: Pick<ProjectionDocuments, 'readCheckpoint'>,
  projections: readonly AnyProjection[],
): void => {
  const async = projections.filter((p) => !p.inline).map((p) => p.storageName);
  if (async.length === 0) return;
  const lag = t.meter.createObservableGauge('strive.projection.lag', {
    unit: '{event}',
    description:
      'Events in the log that an async projection has not folded yet (head - checkpoint).',
  });
  const checkpoint = t.meter.createObservableGauge('strive.projection.checkpoint', {
    unit: '{event}',
    description: 'The global position an async projection has folded up to.',
  });
  t.meter.addBatchObservableCallback(
    async (result) => {
      try {
        const head = (await log.head()).globalPosition;
        for (const name of async) {
          const at = await documents.readCheckpoint(name);
          const attrs = { 'strive.projection': name };
          result.observe(lag, head - at, attrs);
          result.observe(checkpoint, at, attrs);
        }
      } catch {
        // A store that cannot be read (closed) has nothing to observe.
      }
    },
    [lag, checkpoint],
  );
};
