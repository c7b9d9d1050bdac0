// `node --require ./packages/bench/scripts/hideOtelApi.cjs ...`: makes `@opentelemetry/api`
// unresolvable in this process (and, through NODE_OPTIONS, in its children), as in an app that never
// installed the optional peer: Strive then takes its no-op path. The telemetry bench's baseline side,
// against which the API installed with no SDK is measured (docs/benchmarks.md, "Telemetry cost").
'use strict';
const Module = require('node:module');

const resolve = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) {
  if (request === '@opentelemetry/api') {
    const error = new Error(`Cannot find module '${request}' (hidden by hideOtelApi.cjs)`);
    error.code = 'MODULE_NOT_FOUND';
    throw error;
  }
  return resolve.call(this, request, ...rest);
};
