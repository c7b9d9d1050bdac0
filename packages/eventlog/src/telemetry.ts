/**
 * OpenTelemetry support, apart from the main entry so that its types (which name the optional peer
 * `@opentelemetry/api`) load only for those who import it.
 * @module
 */
export { otelApi, type OtelApi } from './otelApi.js';
export { instrumentStore, type InstrumentableStore } from './instrumentStore.js';
