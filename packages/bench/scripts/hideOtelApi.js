// `node --import ./packages/bench/scripts/hideOtelApi.js ...`: makes `@opentelemetry/api`
// unresolvable in this process (and, through NODE_OPTIONS, in its children), as in an app that never
// installed the optional peer: Strive then takes its no-op path. The telemetry bench's baseline side,
// against which the API installed with no SDK is measured (docs/benchmarks.md, "Telemetry cost").
// Strive resolves the API with `require` (otelApi.ts), which goes through Module._resolveFilename.
import Module from 'node:module';

const resolve = Reflect.get(Module, '_resolveFilename');
Reflect.set(Module, '_resolveFilename', function (request, ...rest) {
  if (request === '@opentelemetry/api') {
    const error = new Error(`Cannot find module '${request}' (hidden by hideOtelApi.js)`);
    Reflect.set(error, 'code', 'MODULE_NOT_FOUND');
    throw error;
  }
  return Reflect.apply(resolve, this, [request, ...rest]);
});
