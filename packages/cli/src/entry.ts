// The strive process: what `bin.js` starts, bundled into dist/bundle/strive.js by `pnpm build`.
import { main } from './main.js';
import { processIo } from './Io.js';

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

process.exitCode = await main(process.argv.slice(2), processIo());
