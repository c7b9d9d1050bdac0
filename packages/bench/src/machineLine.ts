import { cpus, totalmem } from 'node:os';

/** Cores, CPU model, memory and Node version of this machine. Reads the OS. */
export const machineLine = (): string =>
  `${cpus().length} cores (${cpus()[0]?.model.trim() ?? 'unknown CPU'}), ` +
  `${(totalmem() / 2 ** 30).toFixed(0)} GiB memory, Node ${process.version}`;
