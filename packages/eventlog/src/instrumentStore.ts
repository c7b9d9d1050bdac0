import type { Attributes, Histogram, Span, Tracer } from '@opentelemetry/api';
import type { EventStore } from './EventStore.js';
import type { StoredEvent } from './EventEnvelope.js';
import { otelApi, type OtelApi } from './otelApi.js';

/** The methods `instrumentStore` times; any store with them (whatever else it offers) can be wrapped. */
export type InstrumentableStore = Pick<
  EventStore,
  'appendMany' | 'readStream' | 'readAll' | 'readEvent'
>;

/** Histogram buckets of `db.client.operation.duration`, in seconds (the semantic conventions' advice). */
const DURATION_BUCKETS = [0.0005, 0.001, 0.005, 0.01, 0.05, 0.1, 0.5, 1, 5, 10];

interface Probe {
  readonly api: OtelApi;
  readonly tracer: Tracer;
  /** Undefined when no meter provider was registered when the store was wrapped (no-op meter). */
  readonly duration: Histogram | undefined;
  /** The metric attributes of each operation, built once. */
  readonly byOp: ReadonlyMap<string, Attributes>;
}

/**
 * Starts a CLIENT span of one store operation, as a child of the active context; its attributes are
 * built only when it records.
 */
const start = (p: Probe, op: string, attributes: () => Attributes): Span => {
  const span = p.tracer.startSpan(
    `strive.store.${op}`,
    { kind: p.api.SpanKind.CLIENT },
    p.api.context.active(),
  );
  if (span.isRecording()) span.setAttributes({ ...p.byOp.get(op), ...attributes() });
  return span;
};

/** Ends a span and records its duration; `error` names the failure (`error.type`). */
const finish = (p: Probe, span: Span, op: string, started: number, error?: string): void => {
  if (error !== undefined) {
    span.setAttribute('error.type', error);
    span.setStatus({ code: p.api.SpanStatusCode.ERROR, message: error });
  }
  span.end();
  const attrs = p.byOp.get(op);
  p.duration?.record(
    (performance.now() - started) / 1000,
    error === undefined ? attrs : { ...attrs, 'error.type': error },
  );
};

const noAttributes = (): Attributes => ({});

const errorName = (e: unknown): string => (e instanceof Error ? e.name : 'Error');

/** Times a promise-returning operation; an `Either` left names its tag as `error.type`. */
const timed = async <T>(
  p: Probe,
  op: string,
  attributes: () => Attributes,
  run: () => Promise<T>,
  failure: (value: T) => string | undefined,
): Promise<T> => {
  const span = start(p, op, attributes);
  // Nothing records and nothing is measured: no timing, no extra promise.
  if (p.duration === undefined && !span.isRecording()) return run();
  const started = performance.now();
  try {
    const value = await run();
    finish(p, span, op, started, failure(value));
    return value;
  } catch (e) {
    finish(p, span, op, started, errorName(e));
    throw e;
  }
};

/** A read as an iterable traced from its first event to its end (only when the span records). */
const tracedRead = (
  p: Probe,
  op: string,
  attributes: () => Attributes,
  read: () => AsyncIterable<StoredEvent>,
): AsyncIterable<StoredEvent> => {
  const span = start(p, op, attributes);
  if (!span.isRecording()) return read();
  const started = performance.now();
  return (async function* () {
    let n = 0;
    let error: string | undefined;
    try {
      for await (const e of read()) {
        n++;
        yield e;
      }
    } catch (e) {
      error = errorName(e);
      throw e;
    } finally {
      span.setAttribute('strive.events.read', n);
      finish(p, span, op, started, error);
    }
  })();
};

const leftTag = (v: { readonly _tag: string; readonly left?: { readonly _tag: string } }) =>
  v._tag === 'Left' ? v.left?._tag : undefined;

/**
 * Wraps a store so that its appends and reads are OpenTelemetry CLIENT spans (`strive.store.<op>`,
 * `db.system` / `db.system.name`, `db.operation.name`, `db.operation.batch.size` = events appended)
 * and `db.client.operation.duration` (seconds). Returns the store itself when `@opentelemetry/api`
 * is not installed. Reads (`readStream`, `readAll`) are timed only when their span records, so that
 * a host without an SDK pays one non-recording span per read. The SqliteEventStore and
 * PostgresEventStore factories apply it; other stores may. Pure (the wrapper does I/O).
 * @example
 * const store = instrumentStore(createMemoryEventStore(), 'memory');
 */
export const instrumentStore = <S extends InstrumentableStore>(store: S, dbSystem: string): S => {
  const api = otelApi();
  if (api === undefined) return store;
  const meter = api.metrics.getMeter('@strive/eventlog');
  const base = { 'db.system': dbSystem, 'db.system.name': dbSystem };
  const ops = ['appendMany', 'readEvent', 'readStream', 'readAll'];
  const p: Probe = {
    api,
    tracer: api.trace.getTracer('@strive/eventlog'),
    duration:
      meter === api.createNoopMeter()
        ? undefined
        : meter.createHistogram('db.client.operation.duration', {
            unit: 's',
            description: 'Duration of event store operations.',
            advice: { explicitBucketBoundaries: DURATION_BUCKETS },
          }),
    byOp: new Map(ops.map((op) => [op, { ...base, 'db.operation.name': op }])),
  };
  const wrapped: InstrumentableStore = {
    appendMany: (requests, options) =>
      timed(
        p,
        'appendMany',
        () => ({
          'db.operation.batch.size': requests.reduce((n, r) => n + r.events.length, 0),
          'strive.streams': requests.length,
        }),
        () => store.appendMany(requests, options),
        leftTag,
      ),
    readEvent: (eventId) =>
      timed(
        p,
        'readEvent',
        noAttributes,
        () => store.readEvent(eventId),
        () => undefined,
      ),
    readStream: (streamId, options) =>
      tracedRead(p, 'readStream', noAttributes, () => store.readStream(streamId, options)),
    readAll: (options) => tracedRead(p, 'readAll', noAttributes, () => store.readAll(options)),
  };
  return Object.assign({}, store, wrapped);
};
