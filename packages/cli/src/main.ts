import { Command, CommanderError, Option } from 'commander';
import { isCliError } from './CliError.js';
import { printable } from './printable.js';
import { DEFAULT_DB } from './dbTarget.js';
import type { Io } from './Io.js';
import { registerCampaignCommands, registerLogCommands } from './registerCommands.js';

/**
 * Runs the `strive` command line with arguments (without `node` and the script) and returns the exit
 * status: 0 success, 1 refused or failed work, 2 bad arguments or unreadable input. Errors are one line
 * on stderr; `--debug` adds the stack. Does I/O through `io` only.
 * @example process.exitCode = await main(['verify', '--db', 'strive.db'], processIo());
 */
export const main = async (argv: readonly string[], io: Io): Promise<number> => {
  let status = 0;
  const debug = argv.includes('--debug');
  const program = new Command('strive')
    .description('Strive: event-sourced campaign workflows over a tamper-evident event log.')
    .option('--debug', 'print stack traces with errors')
    .exitOverride()
    .configureOutput({ writeOut: io.out, writeErr: io.err })
    .showHelpAfterError('(run `strive --help` for usage)');
  const dbOption = (): Option =>
    new Option('--db <target>', 'SQLite file, :memory:, or postgres:// URL').default(DEFAULT_DB);
  const done = (code: number): void => {
    status = code;
  };
  registerCampaignCommands(program, io, dbOption, done);
  registerLogCommands(program, io, dbOption, done);
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return status;
  } catch (e) {
    if (e instanceof CommanderError) {
      if (e.exitCode === 0) return 0;
      return 2;
    }
    if (isCliError(e)) {
      io.err(`strive: ${printable(e.message)}\n`);
      if (debug && e.stack !== undefined) io.err(`${e.stack}\n`);
      return e.exitCode;
    }
    const message = e instanceof Error ? e.message : String(e);
    io.err(`strive: unexpected failure: ${printable(message)} (rerun with --debug for details)\n`);
    if (debug && e instanceof Error && e.stack !== undefined) io.err(`${e.stack}\n`);
    return 1;
  }
};
