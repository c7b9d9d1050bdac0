import type { TextMapGetter } from '@opentelemetry/api';
import { otelApi } from '@strive/eventlog/telemetry';

const headerGetter: TextMapGetter<Headers> = {
  keys: (headers) => [...headers.keys()],
  get: (headers, key) => headers.get(key) ?? undefined,
};

/**
 * Runs `run` in the trace context of a request: when no span is active yet (no HTTP instrumentation
 * made one) and the request carries a W3C `traceparent`, its context is extracted by the global
 * OpenTelemetry propagator, so the command's `strive.command` span continues the caller's trace.
 * Without `@opentelemetry/api`, or with no SDK (no propagator) registered, runs `run` as it is. Does I/O
 * (whatever `run` does).
 */
export const inRequestContext = <T>(request: Request, run: () => Promise<T>): Promise<T> => {
  const api = otelApi();
  if (api === undefined || !request.headers.has('traceparent')) return run();
  const active = api.context.active();
  if (api.trace.getSpan(active) !== undefined) return run();
  return api.context.with(api.propagation.extract(active, request.headers, headerGetter), run);
};
