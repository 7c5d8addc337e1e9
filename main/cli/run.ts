import { CommanderError } from 'commander';
import { CliError } from './errors';
import type { CliIO } from './io';
import { note } from './io';
import { buildProgram } from './program';
import { describeError } from './describe-error';
import { redactSecrets } from '../core/redact';

/** Runs the CLI and returns its exit code; never lets a stack trace reach the user unless CLADE_DEBUG is set. */
export async function runCli(argv: string[], io: CliIO): Promise<number> {
  const program = buildProgram(io);
  try {
    await program.parseAsync(argv, { from: 'user' });
    return io.exitCode ?? 0;
  } catch (error) {
    if (error instanceof CommanderError) {
      // commander has already printed its message (help, version, or a usage error).
      return error.code === 'commander.helpDisplayed' || error.code === 'commander.version' ? 0 : 2;
    }
    if (error instanceof CliError) {
      // Messages may quote what the user typed (a profile id, a query), and a pasted key must not reach the logs.
      note(io, `clade-admin: ${redactSecrets(error.message)}`);
      return error.exitCode;
    }
    note(io, `clade-admin: ${describeError(error)}`);
    // A keychain that cannot be reached is "cannot run" (3) like a missing credential, not a crash.
    if (error instanceof Error && error.name === 'KeychainUnavailableError') return 3;
    if (io.env.CLADE_DEBUG && error instanceof Error && error.stack) note(io, redactSecrets(error.stack));
    return 1;
  }
}
