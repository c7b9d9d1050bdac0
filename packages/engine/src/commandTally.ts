import { isLeft } from 'fp-ts/lib/Either.js';
import type { AppendAnswer, CommandProbe } from './CommandProbe.js';

/** What one command's phases did, counted by `countingProbe`. */
export interface CommandTally {
  attempts: number;
  streamsRead: number;
  /** Appends refused for a lost version race or a reused command id. */
  conflicts: number;
  /** Attempts decided after a conflict. */
  retries: number;
  readonly workflows: Set<string>;
}

/** A fresh tally. Pure. */
export const newTally = (): CommandTally => ({
  attempts: 0,
  streamsRead: 0,
  conflicts: 0,
  retries: 0,
  workflows: new Set(),
});

/**
 * A probe that counts into `tally` and hands each append's answer and duration (ms, on `now`) to
 * `appended`; it records no span (telemetry off, or the command's span does not record).
 */
export const countingProbe = (
  tally: CommandTally,
  now: () => number,
  appended?: (answer: AppendAnswer, ms: number) => void,
): CommandProbe => ({
  load: async (run) => {
    const loaded = await run();
    for (const s of loaded.streams) tally.workflows.add(s.workflow.name);
    if (!loaded.fromCache) tally.streamsRead += loaded.streams.length;
    return loaded;
  },
  decide: (run) => {
    tally.attempts++;
    if (tally.conflicts > 0) tally.retries++;
    return run();
  },
  append: async (run) => {
    const started = now();
    const answer = await run();
    appended?.(answer, now() - started);
    if (isLeft(answer) && answer.left._tag.endsWith('Conflict')) tally.conflicts++;
    return answer;
  },
});
