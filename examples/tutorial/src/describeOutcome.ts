import type { CommandOutcome } from '@strive/engine';

/** One readable line per outcome: what was appended, or why nothing was. Pure. */
export const describeOutcome = (outcome: CommandOutcome): string => {
  switch (outcome._tag) {
    case 'Accepted':
      return outcome.duplicate
        ? `${outcome.commandId} ${outcome.type}: duplicate, nothing appended`
        : `${outcome.commandId} ${outcome.type}: accepted, ${outcome.events.map((e) => e.type).join(', ')}`;
    case 'Rejected':
      return `${outcome.commandId} ${outcome.type}: rejected by ${outcome.failures
        .map((f) => `${f.ruleId} (${f.message})`)
        .join('; ')}`;
    case 'Invalid':
      return `invalid command: ${outcome.errors.map((e) => `${e.path} ${e.message}`).join('; ')}`;
    case 'Conflict':
      return `${outcome.commandId} ${outcome.type}: conflict, ${outcome.message}`;
  }
};
