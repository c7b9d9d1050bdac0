import { describe, expect, it } from 'vitest';
import { telemetryEnv, wantsTelemetry } from './telemetryEnv.js';

describe('telemetryEnv', () => {
  it('exports nothing unless asked', () => {
    expect(wantsTelemetry(telemetryEnv({}))).toBe(false);
    expect(wantsTelemetry(telemetryEnv({ OTEL_SERVICE_NAME: 'x' }))).toBe(false);
    expect(telemetryEnv({ OTEL_TRACES_EXPORTER: 'none' })).toEqual({ traces: [], metrics: [] });
  });

  it('reads the exporter lists and an OTLP endpoint', () => {
    expect(telemetryEnv({ OTEL_TRACES_EXPORTER: 'console' })).toEqual({
      traces: ['console'],
      metrics: [],
    });
    expect(
      telemetryEnv({
        OTEL_TRACES_EXPORTER: ' Console, otlp ',
        OTEL_EXPORTER_OTLP_ENDPOINT: 'http://127.0.0.1:4318',
      }),
    ).toEqual({ traces: ['console', 'otlp'], metrics: ['otlp'] });
    expect(telemetryEnv({ OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: 'http://c:4318/v1/traces' })).toEqual(
      { traces: ['otlp'], metrics: [] },
    );
  });

  it('honours OTEL_SDK_DISABLED', () => {
    expect(telemetryEnv({ OTEL_SDK_DISABLED: 'true', OTEL_TRACES_EXPORTER: 'console' })).toEqual({
      traces: [],
      metrics: [],
    });
  });
});
