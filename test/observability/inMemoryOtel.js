import { context, metrics, trace } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { MeterProvider, MetricReader } from '@opentelemetry/sdk-metrics';
import {
  BasicTracerProvider,
  InMemorySpanExporter,
  SimpleSpanProcessor,
} from '@opentelemetry/sdk-trace-base';
/** A metric reader collected on demand. */
class PullReader extends MetricReader {
  onForceFlush() {
    return Promise.resolve();
  }
  onShutdown() {
    return Promise.resolve();
  }
}
const valueOf = (p) => (typeof p.value === 'number' ? p.value : p.value.count);
/**
 * Registers an in-memory OpenTelemetry SDK globally (tracer provider with an InMemorySpanExporter,
 * meter provider with a pull reader, AsyncLocalStorage context manager). Call before creating stores
 * and engines; `shutdown` unregisters it.
 */
export const registerInMemoryOtel = () => {
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
  return {
    spans: () => exporter.getFinishedSpans(),
    points: async () => {
      const { resourceMetrics } = await reader.collect();
      const out = [];
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
export const total = (points, name, where = {}) =>
  points
    .filter(
      (p) => p.name === name && Object.entries(where).every(([k, v]) => p.attributes[k] === v),
    )
    .reduce((n, p) => n + p.value, 0);
//# sourceMappingURL=inMemoryOtel.js.map
