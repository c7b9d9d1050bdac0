import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { CampaignStore } from '../engine/campaignStore.js';
import type { CampaignBuild } from './buildCampaigns.js';

const CHILD = fileURLToPath(new URL('./buildCampaigns.js', import.meta.url));

const get = (u: object, k: string): unknown => Object.getOwnPropertyDescriptor(u, k)?.value;
const num = (u: object, k: string): number => {
  const v = get(u, k);
  if (typeof v !== 'number') throw new Error(`campaign build: ${k} is not a number`);
  return v;
};
const str = (u: object, k: string): string => {
  const v = get(u, k);
  if (typeof v !== 'string') throw new Error(`campaign build: ${k} is not a string`);
  return v;
};
const decodeStore = (u: unknown): CampaignStore => {
  if (typeof u !== 'object' || u === null)
    throw new Error('campaign build: store is not an object');
  return {
    path: str(u, 'path'),
    commandsFile: str(u, 'commandsFile'),
    orgs: num(u, 'orgs'),
    commands: num(u, 'commands'),
    events: num(u, 'events'),
    runSeconds: num(u, 'runSeconds'),
    builtAt: str(u, 'builtAt'),
  };
};

/** The child's answer, checked. Pure. */
const decodeBuilds = (text: string): CampaignBuild[] => {
  const u: unknown = JSON.parse(text);
  if (!Array.isArray(u)) throw new Error('campaign build: not an array');
  return u.map((b: unknown) => {
    if (typeof b !== 'object' || b === null) throw new Error('campaign build: not an object');
    const cpu = get(b, 'cpuSeconds');
    return {
      store: decodeStore(get(b, 'store')),
      cpuSeconds: typeof cpu === 'number' ? cpu : null,
    };
  });
};

/**
 * Starts building the campaign stores of `orgs` in a child process (it inherits TMPDIR,
 * so the stores land in the run's directory, where `campaignStore` later finds them cached), and
 * returns the promise of the builds; its progress goes to our standard error. Never rejects unhandled: the
 * promise is observed at once. Does I/O.
 */
export const startCampaignBuild = (
  orgs: readonly number[],
  log: (s: string) => void,
): Promise<CampaignBuild[]> => {
  // Progress goes straight to our standard error: a pipe could fill while a suite keeps this
  // process's event loop busy (synchronous SQLite behind resolved promises), and stall the build.
  const child = spawn('node', [CHILD, ...orgs.map(String)], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  log(`[campaign] building ${orgs.join(', ')} organizations (pid ${child.pid})`);
  let out = '';
  child.stdout.setEncoding('utf8').on('data', (s: string) => (out += s));
  const done = new Promise<CampaignBuild[]>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0) reject(new Error(`building the campaign stores failed (exit ${code})`));
      else {
        try {
          resolve(decodeBuilds(out));
        } catch (e) {
          reject(e instanceof Error ? e : new Error(String(e)));
        }
      }
    });
  });
  done.catch(() => undefined);
  return done;
};
