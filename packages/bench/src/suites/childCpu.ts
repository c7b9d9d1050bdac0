import { readFileSync } from 'node:fs';

/** Linux's USER_HZ: the unit of /proc/self/stat times (100 on every mainstream kernel). */
const TICKS_PER_SECOND = 100;

/**
 * CPU seconds (user + system) of this process's finished, waited-for child processes so far, from
 * /proc/self/stat (`cutime` + `cstime`), or undefined off Linux. Reads /proc.
 */
export const childCpuSeconds = (): number | undefined => {
  let stat: string;
  try {
    stat = readFileSync('/proc/self/stat', 'utf8');
  } catch {
    return undefined;
  }
  // Fields after the command name in parentheses: state is field 3, cutime 16, cstime 17.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const cutime = Number(fields[13]);
  const cstime = Number(fields[14]);
  return Number.isFinite(cutime) && Number.isFinite(cstime)
    ? (cutime + cstime) / TICKS_PER_SECOND
    : undefined;
};
