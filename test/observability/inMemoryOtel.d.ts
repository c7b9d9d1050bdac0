import { type ReadableSpan } from '@opentelemetry/sdk-trace-base';
/** One collected data point: metric name, attributes, and its value (a histogram's count). */
export interface Point {
  readonly name: string;
  readonly attributes: Readonly<Record<string, unknown>>;
  readonly value: number;
}
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
export declare const registerInMemoryOtel: () => InMemoryOtel;
/** Sums the points of one metric whose attributes include `where`. Pure. */
export declare const total: (
  points: readonly Point[],
  name: string,
  where?: Readonly<Record<string, unknown>>,
) => number;
//# sourceMappingURL=inMemoryOtel.d.ts.map
