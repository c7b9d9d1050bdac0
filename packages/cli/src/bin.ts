#!/usr/bin/env node
import { main } from './main.js';
import { processIo } from './Io.js';

// A reader that goes away (`strive export | head`) is not a failure: stop quietly.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw e;
});

process.exitCode = await main(process.argv.slice(2), processIo());
