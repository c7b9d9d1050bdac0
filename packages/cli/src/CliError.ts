/** A failure the user can act on: one line on stderr and an exit status (2 = bad arguments or unreadable input). */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: number = 2,
  ) {
    super(message);
    this.name = 'CliError';
  }
}

/** Whether a value is a `CliError`. Pure. */
export const isCliError = (u: unknown): u is CliError => u instanceof CliError;
