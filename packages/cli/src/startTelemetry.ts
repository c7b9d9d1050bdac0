// Loaded by entry.ts only when the OTEL_* variables ask for export (a dynamic import), so that the
// SDK adds nothing to the start-up of a run without telemetry.
import { metrics } from '@opentelemetry/api';
import { OTLPMetricExporter } from '@opentelemetry/exporter-metrics-otlp-http';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import {
  defaultResource,
  detectResources,
  envDetector,
  resourceFromAttributes,
} from '@opentelemetry/resources';
import {
  MeterProvider,
  PeriodicExportingMetricReader,
  type MetricReader,
} from '@opentelemetry/sdk-metrics';
import {
  BatchSpanProcessor,
  SimpleSpanProcessor,
  type SpanProcessor,
} from '@opentelemetry/sdk-trace-base';
import { NodeTracerProvider } from '@opentelemetry/sdk-trace-node';
import { stderrMetricExporter, stderrSpanExporter } from './stderrExporters.js';
import type { TelemetryEnv } from './telemetryEnv.js';

/** A started SDK: `shutdown` flushes every span and a last collection of the metrics. */
export interface StartedTelemetry {
  readonly shutdown: () => Promise<void>;
}

const exportIntervalMs = (env: Readonly<Record<string, string | undefined>>): number => {
  const n = Number(env['OTEL_METRIC_EXPORT_INTERVAL'] ?? '60000');
  return Number.isFinite(n) && n > 0 ? n : 60_000;
};

/**
 * Registers the OpenTelemetry SDK globally with the exporters `t` names: `console` writes one JSON
 * line per span and per metric to stderr (stdout stays the command's), `otlp` sends OTLP over HTTP
 * (JSON) to the endpoint of `OTEL_EXPORTER_OTLP_*`. Resource: `service.name` `strive` unless
 * `OTEL_SERVICE_NAME` / `OTEL_RESOURCE_ATTRIBUTES` say otherwise. Does I/O.
 */
export const startTelemetry = (
  t: TelemetryEnv,
  env: Readonly<Record<string, string | undefined>>,
  writeErr: (line: string) => void,
): StartedTelemetry => {
  const resource = defaultResource()
    .merge(resourceFromAttributes({ 'service.name': 'strive' }))
    .merge(detectResources({ detectors: [envDetector] }));
  const spanProcessors: SpanProcessor[] = t.traces.map((name) =>
    name === 'console'
      ? new SimpleSpanProcessor(stderrSpanExporter(writeErr))
      : new BatchSpanProcessor(new OTLPTraceExporter()),
  );
  const tracerProvider = new NodeTracerProvider({ resource, spanProcessors });
  if (spanProcessors.length > 0) tracerProvider.register();
  const readers: MetricReader[] = t.metrics.map(
    (name) =>
      new PeriodicExportingMetricReader({
        exporter: name === 'console' ? stderrMetricExporter(writeErr) : new OTLPMetricExporter(),
        exportIntervalMillis: exportIntervalMs(env),
      }),
  );
  const meterProvider = new MeterProvider({ resource, readers });
  if (readers.length > 0) metrics.setGlobalMeterProvider(meterProvider);
  return {
    shutdown: async () => {
      await Promise.all([tracerProvider.shutdown(), meterProvider.shutdown()]);
    },
  };
};
