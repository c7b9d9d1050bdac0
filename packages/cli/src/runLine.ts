import { outcomeJson, type CommandOutcome, type OutcomeJson } from '@strive/engine';

/** One line of `run --json` output, exactly as docs/cli.md fixes it: the line number, then the outcome. */
export type LineResult = { readonly line: number } & OutcomeJson;

/** The result of a line that is not a JSON command at all (not UTF-8, not JSON, or ambiguous JSON). Pure. */
export const badLine = (line: number, message: string): LineResult => ({
  line,
  id: null,
  type: null,
  ok: false,
  error: { kind: 'invalid', rules: [], message },
});

/**
 * Turns an engine outcome into the `run --json` line of docs/cli.md (the engine's `outcomeJson`, the
 * line number first). Pure.
 */
export const lineResult = (line: number, input: unknown, outcome: CommandOutcome): LineResult => ({
  line,
  ...outcomeJson(outcome, input),
});
