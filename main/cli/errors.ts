/** An error meant for the user: printed as one line, never with a stack trace. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: number = 1,
  ) {
    super(message);
    this.name = 'CliError';
  }
}

/** Exit code for bad command-line input (commander uses 1; we keep 2 for our own usage errors, like most CLIs). */
export const USAGE_EXIT = 2;
