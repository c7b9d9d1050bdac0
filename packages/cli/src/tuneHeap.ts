import { setFlagsFromString } from 'node:v8';

/**
 * The V8 setting `strive` runs with: allocation-site pretenuring off. With it on, a command that loads
 * tens of thousands of streams at once (a campaign-level command) teaches V8 to allocate the objects
 * of the sites it used (append requests, states, arrays) directly in the old generation; later
 * commands' objects from those sites are then old objects pointing at young ones, which keeps the
 * young ones alive through scavenges until they are promoted. A 966,225-command run took 4-5% more CPU
 * (docs/benchmarks.md, "C at 3,750 organizations: pretenuring off in the `strive` process").
 */
const HEAP_FLAG = '--no-allocation-site-pretenuring';

/** Whether node's own command line already chose pretenuring either way (that choice is kept). Pure. */
export const choosesPretenuring = (execArgv: readonly string[]): boolean =>
  execArgv.some((a) => /^--(no-)?allocation[-_]site[-_]pretenuring(=|$)/.test(a));

/**
 * Turns V8's allocation-site pretenuring off for this process unless `execArgv` (node's own flags)
 * chose it. Call it first, before any other module loads. Does I/O
 * (process-wide V8 state).
 * @example tuneHeap(process.execArgv)
 */
export const tuneHeap = (execArgv: readonly string[]): void => {
  if (!choosesPretenuring(execArgv)) setFlagsFromString(HEAP_FLAG);
};
