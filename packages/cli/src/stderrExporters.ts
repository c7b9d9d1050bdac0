import { SpanStatusCode } from '@opentelemetry/api';
import type { PushMetricExporter, ResourceMetrics } from '@opentelemetry/sdk-metrics';
import type { ReadableSpan, SpanExporter } from '@opentelemetry/sdk-trace-base';

/** `ExportResultCode.SUCCESS` of @opentelemetry/core (not a dependency of the CLI). */
const SUCCESS = 0;

const ms = ([s, ns]: readonly [number, number]): number =>
  Math.round((s * 1e3 + ns / 1e6) * 1000) / 1000;

/** One span as a JSON line. Pure. */
const spanLine = (span: ReadableSpan): string =>
  `${JSON.stringify({
    name: span.name,
    traceId: span.spanContext().traceId,
    spanId: span.spanContext().spanId,
    parentSpanId: span.parentSpanContext?.spanId,
    durationMs: ms(span.duration),
    ...(span.status.code === SpanStatusCode.ERROR
      ? { status: 'ERROR', message: span.status.message }
      : {}),
    attributes: span.attributes,
  })}\n`;

/** A span exporter writing one JSON line per span to `write` (stderr in the CLI). */
export const stderrSpanExporter = (write: (line: string) => void): SpanExporter => ({
  export: (spans, done) => {
    for (const s of spans) write(spanLine(s));
    done({ code: SUCCESS });
  },
  shutdown: () => Promise.resolve(),
});

/** One JSON line per metric: name, unit and its points (a histogram's count and sum). Pure. */
const metricLines = (rm: ResourceMetrics): string[] =>
  rm.scopeMetrics.flatMap((scope) =>
    scope.metrics.map((m) => {
      const points: unknown[] = [];
      for (const p of m.dataPoints)
        points.push({
          attributes: p.attributes,
          ...(typeof p.value === 'number'
            ? { value: p.value }
            : { count: p.value.count, sum: p.value.sum }),
        });
      return `${JSON.stringify({ metric: m.descriptor.name, unit: m.descriptor.unit, points })}\n`;
    }),
  );

/** A metric exporter writing `metricLines` to `write` (stderr in the CLI). */
export const stderrMetricExporter = (write: (line: string) => void): PushMetricExporter => ({
  export: (rm, done) => {
    for (const line of metricLines(rm)) write(line);
    done({ code: SUCCESS });
  },
  forceFlush: () => Promise.resolve(),
  shutdown: () => Promise.resolve(),
});
