import { spawn, type ChildProcess } from 'node:child_process';
import { intIn } from './prng.js';

/** A child process running a leased worker that prints `ready`, `own TOKEN` and `commit ...` lines. */
export interface LeasedWorker {
  readonly proc: ChildProcess;
  /** Whether it has printed `own` (taken the lease) at least once. */
  readonly owned: () => boolean;
  readonly ready: Promise<void>;
  /** Its signal, or its exit code. */
  readonly exited: Promise<NodeJS.Signals | number | null>;
  readonly stderr: () => string;
}

/**
 * Starts `node script ...args`; each lease token it takes is added to `tokens`, and the words of each
 * `commit` line go to `onCommit`. Does I/O.
 */
export const spawnLeasedWorker = (
  script: string,
  args: readonly string[],
  tokens: Set<number>,
  onCommit: (words: readonly string[]) => void,
): LeasedWorker => {
  const proc = spawn(process.execPath, [script, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let owned = false;
  let stderr = '';
  let isReady = (): void => undefined;
  const ready = new Promise<void>((res) => (isReady = res));
  let pending = '';
  proc.stdout.setEncoding('utf8').on('data', (d: string) => {
    const lines = (pending + d).split('\n');
    pending = lines.pop() ?? '';
    for (const line of lines) {
      const [word, ...rest] = line.split(' ');
      if (word === 'ready') isReady();
      else if (word === 'own') {
        owned = true;
        tokens.add(Number(rest[0]));
      } else if (word === 'commit') onCommit(rest);
    }
  });
  proc.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
  const exited = new Promise<NodeJS.Signals | number | null>((res) =>
    proc.on('close', (code, signal) => res(signal ?? code)),
  );
  return { proc, owned: () => owned, ready, exited, stderr: () => stderr };
};

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/**
 * Keeps two workers running and SIGKILLs one `kills` times: once both are ready, after 50-600 ms, the
 * owner 7 times in 10 (else either), replacing it at once; then SIGKILLs the last two. Resolves with
 * the number of workers killed while (or after) owning the lease. Does I/O.
 */
export const killLeasedWorkers = async (
  start: () => LeasedWorker,
  kills: number,
  random: () => number,
): Promise<{ readonly killed: number; readonly ownersKilled: number }> => {
  const alive = [start(), start()];
  let ownersKilled = 0;
  let killed = 0;
  const kill = async (w: LeasedWorker): Promise<void> => {
    if (w.owned()) ownersKilled += 1;
    w.proc.kill('SIGKILL');
    const how = await w.exited;
    if (how !== 'SIGKILL') throw new Error(`worker ended by ${String(how)}: ${w.stderr()}`);
    killed += 1;
  };
  for (let k = 0; k < kills; k++) {
    await Promise.all(alive.map((w) => w.ready));
    await sleep(intIn(random, 50, 600));
    const owner = alive.findIndex((w) => w.owned());
    const pick = owner >= 0 && random() < 0.7 ? owner : intIn(random, 0, alive.length - 1);
    const [victim] = alive.splice(pick, 1);
    if (victim === undefined) throw new Error('no worker');
    await kill(victim);
    alive.push(start());
  }
  for (const w of alive) await kill(w);
  return { killed, ownersKilled };
};
