import type { Context, Span } from '@opentelemetry/api';
import { isLeft } from 'fp-ts/lib/Either.js';
import type { CommandProbe } from './CommandProbe.js';
import { countingProbe, type CommandTally } from './commandTally.js';
import { runInSpan, type EngineTelemetry } from './engineTelemetry.js';

/** Runs `run` in a child span of `parent` (active while it runs), described by its value. */
const inSpan = <T>(
  t: EngineTelemetry,
  parent: Context,
  name: string,
  run: () => Promise<T>,
  describe: (span: Span, value: T) => void,
): Promise<T> => {
  const span = t.tracer.startSpan(name, {}, parent);
  return runInSpan(t, span, parent, async () => {
    const value = await run();
    describe(span, value);
    return value;
  });
};

/**
 * A probe that counts like `countingProbe` and records each phase as a child span of the command's
 * (`strive.load`, `strive.decide`, `strive.append`); store spans nest under load and append.
 */
export const tracingProbe = (
  t: EngineTelemetry,
  parent: Context,
  tally: CommandTally,
  now: () => number,
): CommandProbe => {
  const counting = countingProbe(tally, now, (_answer, ms) => t.appendDuration.record(ms / 1000));
  return {
    load: (run) =>
      inSpan(
        t,
        parent,
        'strive.load',
        () => counting.load(run),
        (span, loaded) =>
          span.setAttributes({
            'strive.streams': loaded.streams.length,
            'strive.from_cache': loaded.fromCache,
          }),
      ),
    decide: (run) => {
      const span = t.tracer.startSpan('strive.decide', {}, parent);
      try {
        return counting.decide(run);
      } finally {
        span.setAttribute('strive.attempt', tally.attempts);
        span.end();
      }
    },
    append: (run) =>
      inSpan(
        t,
        parent,
        'strive.append',
        () => counting.append(run),
        (span, answer) => {
          if (isLeft(answer)) span.setAttribute('strive.append.error', answer.left._tag);
          else
            span.setAttribute(
              'strive.events',
              answer.right.reduce((n, r) => n + r.events.length, 0),
            );
        },
      ),
  };
};
