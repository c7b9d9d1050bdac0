import type { Context, Counter, Histogram, Meter, Span, Tracer } from '@opentelemetry/api';
import { otelApi, type OtelApi } from '@strive/eventlog/telemetry';

/** Buckets of the duration histograms, seconds. */
const SECONDS = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

/** The engine's tracer and instruments (the metric list of docs/guides/observability.md). */
export interface EngineTelemetry {
  readonly api: OtelApi;
  readonly tracer: Tracer;
  readonly meter: Meter;
  /** False when no meter provider was registered at creation: every instrument is a no-op. */
  readonly metricsOn: boolean;
  /** `strive.commands` {command}: commands handled, by `strive.command.type` and `strive.outcome`. */
  readonly commands: Counter;
  /** `strive.command.duration` s: `handle` from call to outcome, same attributes. */
  readonly duration: Histogram;
  /** `strive.append.duration` s: one atomic append of a command's events. */
  readonly appendDuration: Histogram;
  /** `strive.command.conflicts` {conflict}: appends refused for a lost race or a reused id. */
  readonly conflicts: Counter;
  /** `strive.command.retries` {attempt}: attempts decided again after a conflict. */
  readonly retries: Counter;
  /** `strive.events.appended` {event}: events appended by accepted commands. */
  readonly eventsAppended: Counter;
}

/**
 * The engine's tracer and instruments from the global OpenTelemetry API, or `undefined` when
 * `@opentelemetry/api` is not installed. Instruments come from the meter provider registered now:
 * register the SDK before creating the engine. Does I/O (module resolution, once).
 */
export const engineTelemetry = (): EngineTelemetry | undefined => {
  const api = otelApi();
  if (api === undefined) return undefined;
  const meter = api.metrics.getMeter('@strive/engine');
  const advice = { explicitBucketBoundaries: SECONDS };
  return {
    api,
    tracer: api.trace.getTracer('@strive/engine'),
    meter,
    metricsOn: meter !== api.createNoopMeter(),
    commands: meter.createCounter('strive.commands', {
      unit: '{command}',
      description: 'Commands handled, by type and outcome.',
    }),
    duration: meter.createHistogram('strive.command.duration', {
      unit: 's',
      description: 'Time to handle a command, by type and outcome.',
      advice,
    }),
    appendDuration: meter.createHistogram('strive.append.duration', {
      unit: 's',
      description: "Time of one atomic append of a command's events.",
      advice,
    }),
    conflicts: meter.createCounter('strive.command.conflicts', {
      unit: '{conflict}',
      description:
        'Appends refused because another writer won the race (or the command id was reused).',
    }),
    retries: meter.createCounter('strive.command.retries', {
      unit: '{attempt}',
      description: 'Attempts decided again after a conflict, by command type.',
    }),
    eventsAppended: meter.createCounter('strive.events.appended', {
      unit: '{event}',
      description: 'Events appended by accepted commands, by command type.',
    }),
  };
};

/** Marks `span` failed by a thrown `error` (exception event, status ERROR). Does I/O (the span). */
export const recordThrown = (t: EngineTelemetry, span: Span, error: unknown): void => {
  span.recordException(error instanceof Error ? error : String(error));
  span.setStatus({ code: t.api.SpanStatusCode.ERROR });
};

/**
 * Runs `run` with `span` active (a child context of `parent`), records an error it throws on the span
 * and ends the span after it. Does I/O (the span).
 */
export const runInSpan = async <T>(
  t: EngineTelemetry,
  span: Span,
  parent: Context,
  run: () => Promise<T>,
): Promise<T> => {
  try {
    return await t.api.context.with(t.api.trace.setSpan(parent, span), run);
  } catch (e) {
    recordThrown(t, span, e);
    throw e;
  } finally {
    span.end();
  }
};
