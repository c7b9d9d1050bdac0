import { spawnSync } from 'node:child_process';

/** Whether `npm ping` reaches the npm registry within 20 s. Does I/O (network). */
export const registryReachable = (): boolean =>
  spawnSync('npm', ['ping'], { timeout: 20_000, stdio: 'ignore' }).status === 0;
