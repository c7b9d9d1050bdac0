/** Which OpenTelemetry exporters the standard `OTEL_*` environment variables ask the CLI for. */
export interface TelemetryEnv {
  readonly traces: readonly ('console' | 'otlp')[];
  readonly metrics: readonly ('console' | 'otlp')[];
}

type Env = Readonly<Record<string, string | undefined>>;

const exporters = (
  env: Env,
  variable: string,
  endpointVariable: string,
): ('console' | 'otlp')[] => {
  const listed = env[variable]?.trim();
  const otlpEndpoint =
    (env['OTEL_EXPORTER_OTLP_ENDPOINT'] ?? env[endpointVariable] ?? '').trim() !== '';
  if (listed === undefined || listed === '') return otlpEndpoint ? ['otlp'] : [];
  const names = listed.split(',').map((s) => s.trim().toLowerCase());
  return (['console', 'otlp'] as const).filter((n) => names.includes(n));
};

/**
 * The exporters asked for: `OTEL_TRACES_EXPORTER` / `OTEL_METRICS_EXPORTER` (`console`, `otlp`,
 * `none`, comma-separated), or `otlp` when unset and an OTLP endpoint is set
 * (`OTEL_EXPORTER_OTLP_ENDPOINT`, `OTEL_EXPORTER_OTLP_TRACES_ENDPOINT`, `..._METRICS_ENDPOINT`);
 * nothing under `OTEL_SDK_DISABLED=true`. Unlike the SDK's own default (`otlp`), nothing is exported
 * unless asked. Pure.
 */
export const telemetryEnv = (env: Env): TelemetryEnv => {
  if (env['OTEL_SDK_DISABLED']?.trim().toLowerCase() === 'true') return { traces: [], metrics: [] };
  return {
    traces: exporters(env, 'OTEL_TRACES_EXPORTER', 'OTEL_EXPORTER_OTLP_TRACES_ENDPOINT'),
    metrics: exporters(env, 'OTEL_METRICS_EXPORTER', 'OTEL_EXPORTER_OTLP_METRICS_ENDPOINT'),
  };
};

/** Whether any exporter is asked for. Pure. */
export const wantsTelemetry = (t: TelemetryEnv): boolean =>
  t.traces.length > 0 || t.metrics.length > 0;
