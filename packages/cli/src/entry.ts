// The strive process: what `bin.js` starts, bundled into dist/bundle/strive.js by `pnpm build`.
import { main } from './main.js';
import { processIo } from './Io.js';
import { telemetryEnv, wantsTelemetry } from './telemetryEnv.js';

// A reader that goes away (`strive export | head`) is not a failure: stop quietly.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw e;
});

// Exit 13 means the event loop emptied while a command was still waiting: say so instead of exiting mutely.
process.on('exit', (code) => {
  if (code === 13)
    process.stderr.write(
      'strive: internal error: the command stopped waiting on I/O (rerun with --debug)\n',
    );
});

// OTEL_* variables asking for export load the SDK (a lazy import) before any store or engine exists.
const otel = telemetryEnv(process.env);
const telemetry = wantsTelemetry(otel)
  ? (await import('./startTelemetry.js')).startTelemetry(otel, process.env, (line) =>
      process.stderr.write(line),
    )
  : undefined;

process.exitCode = await main(process.argv.slice(2), processIo());
await telemetry?.shutdown();
