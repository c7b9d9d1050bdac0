import { createRequire } from 'node:module';
import type * as Otel from '@opentelemetry/api';

/** The shape of the `@opentelemetry/api` module (types only: the module itself may be absent). */
export type OtelApi = typeof Otel;

const isOtelApi = (m: unknown): m is OtelApi =>
  typeof m === 'object' &&
  m !== null &&
  'trace' in m &&
  'metrics' in m &&
  'context' in m &&
  'propagation' in m;

let loaded: { readonly api: OtelApi | undefined } | undefined;

/**
 * The `@opentelemetry/api` module when the host installed it (an optional peer dependency), else
 * `undefined`: Strive then records nothing. Resolved once, synchronously, from this package's
 * location (a `require`, so that the engine stays synchronous to create); the API's global registry is
 * shared with the host's own copy, so an SDK the host registers is the one Strive reports to. Does I/O
 * (module resolution) on the first call only.
 * @example
 * const api = otelApi();
 * const tracer = api?.trace.getTracer('my-adapter');
 */
export const otelApi = (): OtelApi | undefined => {
  if (loaded === undefined) {
    let api: OtelApi | undefined;
    try {
      const m: unknown = createRequire(import.meta.url)('@opentelemetry/api');
      api = isOtelApi(m) ? m : undefined;
    } catch {
      api = undefined;
    }
    loaded = { api };
  }
  return loaded.api;
};
