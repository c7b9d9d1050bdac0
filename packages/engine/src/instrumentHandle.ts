import type { Attributes, Span } from '@opentelemetry/api';
import type { CommandOutcome } from './CommandOutcome.js';
import type { CommandProbe } from './CommandProbe.js';
import type { EngineOptions } from './Engine.js';
import { countingProbe, newTally, type CommandTally } from './commandTally.js';
import { recordThrown, type EngineTelemetry } from './engineTelemetry.js';
import { inputType, outcomeLabel } from './OutcomeReport.js';
import type { HandleOptions } from './Principal.js';
import { tracingProbe } from './tracingProbe.js';

/** `handleCommand` with its per-command probe. */
export type RunCommand = (
  input: unknown,
  options: HandleOptions | undefined,
  probe: CommandProbe | undefined,
) => Promise<CommandOutcome>;

/** The span attributes of a settled command. Pure. */
const outcomeAttributes = (
  outcome: CommandOutcome,
  type: string | undefined,
  tally: CommandTally,
): Attributes => ({
  ...(type === undefined ? {} : { 'strive.command.type': type }),
  ...(outcome._tag === 'Invalid' ? {} : { 'strive.command.id': outcome.commandId }),
  'strive.outcome': outcomeLabel(outcome),
  'strive.workflows': [...tally.workflows].sort(),
  'strive.attempts': outcome._tag === 'Conflict' ? outcome.attempts : tally.attempts,
  'strive.streams.read': tally.streamsRead,
  'strive.events.appended': outcome._tag === 'Accepted' ? outcome.events.length : 0,
  ...(outcome._tag === 'Rejected'
    ? { 'strive.rule_ids': [...new Set(outcome.failures.map((f) => f.ruleId))] }
    : {}),
  ...(outcome._tag === 'Conflict' ? { 'strive.conflict.reason': outcome.reason } : {}),
});

/**
 * The handle options with the trace id as `correlationId` when asked and none was given; their
 * correlation and causation ids recorded on the command span. Does I/O (the span).
 */
const withIds = (
  span: Span,
  options: HandleOptions | undefined,
  traceIdAsCorrelationId: boolean,
): HandleOptions | undefined => {
  const given = options?.correlationId;
  const ids =
    given === undefined && traceIdAsCorrelationId
      ? { ...options, correlationId: span.spanContext().traceId }
      : options;
  if (ids?.correlationId !== undefined)
    span.setAttribute('strive.correlation_id', ids.correlationId);
  if (ids?.causationId !== undefined) span.setAttribute('strive.causation_id', ids.causationId);
  return ids;
};

/** Records a settled command on its span and in the metrics. Does I/O (telemetry). */
const record = (
  t: EngineTelemetry,
  span: Span,
  outcome: CommandOutcome,
  type: string | undefined,
  tally: CommandTally,
  seconds: number,
): void => {
  const labels = {
    'strive.command.type': type ?? '(invalid)',
    'strive.outcome': outcomeLabel(outcome),
  };
  t.commands.add(1, labels);
  t.duration.record(seconds, labels);
  const byType = { 'strive.command.type': labels['strive.command.type'] };
  if (tally.conflicts > 0) t.conflicts.add(tally.conflicts, byType);
  if (tally.retries > 0) t.retries.add(tally.retries, byType);
  if (outcome._tag === 'Accepted' && outcome.events.length > 0)
    t.eventsAppended.add(outcome.events.length, byType);
  if (!span.isRecording()) return;
  span.setAttributes(outcomeAttributes(outcome, type, tally));
  if (outcome._tag === 'Conflict')
    span.setStatus({ code: t.api.SpanStatusCode.ERROR, message: outcome.message });
};

/**
 * Wraps `handleCommand` with telemetry: a `strive.command` span (its phases as children when it
 * records; its correlation and causation ids on it), the command metrics, and `onOutcome`. Without either, returns `run` with no probe: no
 * cost. `now` is the engine's monotonic clock (ms). Pure (the wrapper does I/O).
 */
export const instrumentHandle = (
  t: EngineTelemetry | undefined,
  {
    onOutcome,
    traceIdAsCorrelationId,
  }: Pick<EngineOptions, 'onOutcome' | 'traceIdAsCorrelationId'>,
  now: () => number,
  run: RunCommand,
): ((input: unknown, options?: HandleOptions) => Promise<CommandOutcome>) => {
  if (t === undefined && onOutcome === undefined)
    return (input, options) => run(input, options, undefined);
  return async (input, options) => {
    const parent = t?.api.context.active();
    const span = t?.tracer.startSpan('strive.command', {}, parent);
    // No SDK (a non-recording span, no-op meters) and no onOutcome: nothing to count.
    if (onOutcome === undefined && t?.metricsOn === false && span?.isRecording() === false) {
      span.end();
      return run(input, options, undefined);
    }
    const tally = newTally();
    const started = now();
    let outcome: CommandOutcome;
    try {
      if (t !== undefined && parent !== undefined && span?.isRecording() === true) {
        const ctx = t.api.trace.setSpan(parent, span);
        const probe = tracingProbe(t, ctx, tally, now);
        const traced = withIds(span, options, traceIdAsCorrelationId === true);
        outcome = await t.api.context.with(ctx, () => run(input, traced, probe));
      } else {
        const appended =
          t === undefined
            ? undefined
            : (_a: unknown, ms: number) => t.appendDuration.record(ms / 1000);
        outcome = await run(input, options, countingProbe(tally, now, appended));
      }
    } catch (e) {
      if (t !== undefined && span !== undefined) {
        recordThrown(t, span, e);
        span.end();
      }
      throw e;
    }
    const durationMs = now() - started;
    const type = outcome._tag === 'Invalid' ? inputType(input) : outcome.type;
    const traceId = span?.isRecording() === true ? span.spanContext().traceId : undefined;
    if (t !== undefined && span !== undefined) {
      record(t, span, outcome, type, tally, durationMs / 1000);
      span.end();
    }
    onOutcome?.({
      outcome,
      type,
      durationMs,
      attempts: outcome._tag === 'Conflict' ? outcome.attempts : tally.attempts,
      streamsRead: tally.streamsRead,
      traceId,
    });
    return outcome;
  };
};
