import { context, metrics, trace } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import {
  MeterProvider,
  MetricReader,
  type DataPoint,
  type ExponentialHistogram,
  type Histogram,
} from '@opentelemetry/sdk-metrics';
import {
  BasicTracerProvider,
  InMemorySpanExporter,
  SimpleSpanProcessor,
  type ReadableSpan,
} from '@opentelemetry/sdk-trace-base';

/** A metric reader collected on demand. */
class PullReader extends MetricReader {
  protected override onForceFlush(): Promise<void> {
    return Promise.resolve();
  }
  protected override onShutdown(): Promise<void> {
    return Promise.resolve();
  }
}

/** One collected data point: metric name, attributes, and its value (a histogram's count). */
export interface Point {
  readonly name: string;
  readonly attributes: Readonly<Record<string, unknown>>;
  readonly value: number;
}

const valueOf = (p: DataPoint<number | Histogram | ExponentialHistogram>): number =>
  typeof p.value === 'number' ? p.value : p.value.count;

/** The SDK set up in memory for a test: finished spans, and metric points on demand. */
export interface InMemoryOtel {
  readonly spans: () => ReadableSpan[];
  readonly points: () => Promise<Point[]>;
  readonly reset: () => void;
  readonly shutdown: () => Promise<void>;
}

/**
 * Registers an in-memory OpenTelemetry SDK globally (tracer provider with an InMemorySpanExporter,
 * meter provider with a pull reader, AsyncLocalStorage context manager). Call before creating stores
 * and engines; `shutdown` unregisters it.
 */
export const registerInMemoryOtel = (): InMemoryOtel => {
  // #region register-sdk
  const exporter = new InMemorySpanExporter();
  const tracerProvider = new BasicTracerProvider({
    spanProcessors: [new SimpleSpanProcessor(exporter)],
  });
  const reader = new PullReader();
  const meterProvider = new MeterProvider({ readers: [reader] });
  const contextManager = new AsyncLocalStorageContextManager().enable();
  context.setGlobalContextManager(contextManager);
  trace.setGlobalTracerProvider(tracerProvider);
  metrics.setGlobalMeterProvider(meterProvider);
  // #endregion register-sdk
  return {
    spans: () => exporter.getFinishedSpans(),
    points: async () => {
      const { resourceMetrics } = await reader.collect();
      const out: Point[] = [];
      for (const scope of resourceMetrics.scopeMetrics)
        for (const m of scope.metrics)
          for (const p of m.dataPoints)
            out.push({ name: m.descriptor.name, attributes: p.attributes, value: valueOf(p) });
      return out;
    },
    reset: () => exporter.reset(),
    shutdown: async () => {
      await tracerProvider.shutdown();
      await meterProvider.shutdown();
      trace.disable();
      metrics.disable();
      context.disable();
    },
  };
};

/** Sums the points of one metric whose attributes include `where`. Pure. */
export const total = (
  points: readonly Point[],
  name: string,
  where: Readonly<Record<string, unknown>> = {},
): number =>
  points
    .filter(
      (p) => p.name === name && Object.entries(where).every(([k, v]) => p.attributes[k] === v),
    )
    .reduce((n, p) => n + p.value, 0);
