import { spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root. */
export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
/** The built CLI entry point (run `pnpm build` first; `pnpm test` does). */
export const CLI = join(ROOT, 'packages', 'cli', 'dist', 'bin.js');

/** What a CLI run printed and how it ended. */
export interface CliRun {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Spawns the built `strive` CLI with arguments and optional standard input. Does I/O. */
export const runCli = (
  args: readonly string[],
  options: {
    readonly input?: string;
    readonly cwd?: string;
    readonly env?: Record<string, string>;
    /** The script to run instead of the CLI's `bin.js` (e.g. its unbundled `entry.js`). */
    readonly script?: string;
    /** Flags for node itself, before the script (e.g. `--trace-pretenuring-statistics`). */
    readonly nodeFlags?: readonly string[];
  } = {},
): Promise<CliRun> =>
  new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [...(options.nodeFlags ?? []), options.script ?? CLI, ...args],
      {
        cwd: options.cwd ?? ROOT,
        env: { ...process.env, NO_COLOR: '1', ...options.env },
        stdio: ['pipe', 'pipe', 'pipe'],
      },
    );
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(options.input ?? '');
  });
