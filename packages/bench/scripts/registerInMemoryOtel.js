// `node --import ./packages/bench/scripts/registerInMemoryOtel.js packages/bench/dist/main.js ...`:
// the bench with an OpenTelemetry SDK registered (every span kept by an InMemorySpanExporter, emptied
// every 10,000 spans; metrics in a MeterProvider whose reader is never collected), for
// docs/benchmarks.md's "Telemetry cost". Development only: the SDK packages are root devDependencies.
import { context, metrics, trace } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { MeterProvider, MetricReader } from '@opentelemetry/sdk-metrics';
import {
  BasicTracerProvider,
  InMemorySpanExporter,
  SimpleSpanProcessor,
} from '@opentelemetry/sdk-trace-base';

class PullReader extends MetricReader {
  onForceFlush() {
    return Promise.resolve();
  }
  onShutdown() {
    return Promise.resolve();
  }
}

const exporter = new InMemorySpanExporter();
const processor = new SimpleSpanProcessor(exporter);
const keep = {
  onStart: (span, ctx) => processor.onStart(span, ctx),
  onEnd: (span) => {
    processor.onEnd(span);
    if (exporter.getFinishedSpans().length >= 10_000) exporter.reset();
  },
  forceFlush: () => processor.forceFlush(),
  shutdown: () => processor.shutdown(),
};
context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
trace.setGlobalTracerProvider(new BasicTracerProvider({ spanProcessors: [keep] }));
metrics.setGlobalMeterProvider(new MeterProvider({ readers: [new PullReader()] }));
