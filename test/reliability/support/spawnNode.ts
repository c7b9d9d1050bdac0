import { spawn, type ChildProcess } from 'node:child_process';

/** How a child process ended and what it printed. */
export interface NodeRun {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Options of `spawnNode`: extra environment, and a hook that sees each complete stdout line. */
export interface SpawnOptions {
  readonly env?: Record<string, string>;
  readonly onLine?: (line: string, child: ChildProcess) => void;
}

/** Runs `node script ...args` and resolves when it exits (whatever the exit). Does I/O. */
export const spawnNode = (
  script: string,
  args: readonly string[],
  options: SpawnOptions = {},
): Promise<NodeRun> =>
  new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [script, ...args], {
      env: { ...process.env, ...options.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    let pending = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => {
      stdout += d;
      if (options.onLine === undefined) return;
      pending += d;
      const lines = pending.split('\n');
      pending = lines.pop() ?? '';
      for (const line of lines) options.onLine(line, child);
    });
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
  });

/** The non-empty lines of a child's output. Pure. */
export const linesOf = (text: string): string[] => text.split('\n').filter((l) => l !== '');
