import { readFileSync } from 'node:fs';
import { createCampaignEngine } from '@strive/campaign';
import type { OutcomeReport } from '@strive/engine';
import { createMemoryEventStore } from '@strive/eventlog';
import { describe, expect, it } from 'vitest';
import { EXAMPLE_COMMANDS, jsonLines } from '../support/cliFixtures.js';

const commands = jsonLines(readFileSync(EXAMPLE_COMMANDS, 'utf8')).slice(0, 6);

// #region log-outcomes
/** The part of a pino (or any `(fields, message)`) logger that `logOutcomes` calls. */
interface FieldLogger {
  info(fields: object, message: string): void;
  warn(fields: object, message: string): void;
}

/** One log line per command: accepted ones at info, refused ones at warn with their reasons. */
const logOutcomes =
  (log: FieldLogger) =>
  ({ outcome, type, durationMs, attempts, traceId }: OutcomeReport): void => {
    const fields = { type, durationMs: Math.round(durationMs), attempts, traceId };
    switch (outcome._tag) {
      case 'Accepted':
        return log.info(
          { ...fields, commandId: outcome.commandId, events: outcome.events.length },
          'accepted',
        );
      case 'Rejected':
        return log.warn(
          { ...fields, commandId: outcome.commandId, rules: outcome.failures.map((f) => f.ruleId) },
          'rejected',
        );
      case 'Invalid':
        return log.warn({ ...fields, errors: outcome.errors }, 'invalid');
      case 'Conflict':
        return log.warn(
          { ...fields, commandId: outcome.commandId, reason: outcome.reason },
          'conflict',
        );
    }
  };
// #endregion log-outcomes

describe('onOutcome', () => {
  it('logs one line per command through a pino-shaped logger', async () => {
    const lines: Array<{ level: string; fields: object; message: string }> = [];
    const logger: FieldLogger = {
      info: (fields, message) => lines.push({ level: 'info', fields, message }),
      warn: (fields, message) => lines.push({ level: 'warn', fields, message }),
    };
    // #region engine-with-logger
    const engine = createCampaignEngine(createMemoryEventStore(), {
      onOutcome: logOutcomes(logger),
    });
    // #endregion engine-with-logger
    for (const c of commands) await engine.handle(c);
    expect(lines.map((l) => `${l.level} ${l.message}`)).toEqual([
      'info accepted',
      'warn rejected',
      'warn rejected',
      'info accepted',
      'warn invalid',
      'info accepted',
    ]);
    expect(lines[1]?.fields).toMatchObject({ type: 'LaunchCampaign', rules: ['phase.window'] });
    expect(lines[0]?.fields).toMatchObject({ commandId: 'c001', events: 1, attempts: 1 });
  });
});
