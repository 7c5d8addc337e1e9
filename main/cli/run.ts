import { basename, dirname } from 'node:path';
import { CommanderError, type Command } from 'commander';
import { defaultDataDir, MIRROR_FILE_NAME, mirrorFile } from '../adapters/data-dir';
import { CliError } from './errors';
import type { CliIO } from './io';
import { note } from './io';
import { escapingIO } from './escaping-io';
import { buildProgram } from './program';
import { describeError } from './describe-error';
import { redactSecrets } from '../core/redact';
import { canMoveAside, type StorageError } from '../core/storage-error';
import { asStorageError } from '../db/storage-errors';
import { DEMO_PROFILE } from './context';
import type { GlobalOptions } from './context';

/** A problem with the files on this computer is "cannot run" (3), like a keychain that cannot be reached. */
const STORAGE_EXIT = 3;

/** Runs the CLI and returns its exit code; never lets a stack trace reach the user unless CLADE_DEBUG is set. */
export async function runCli(argv: string[], given: CliIO): Promise<number> {
  // Error messages quote API answers and names too: they pass the same escaping layer as the commands' output.
  const io = escapingIO(given);
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
    const options = program.opts<GlobalOptions>();
    // An error SQLite raised while a command read its mirror: said with that file's path and what to do.
    const storage = asStorageError(error, mirrorFileOfRun(argv, program, options, io));
    if (storage) {
      note(io, `clade-admin: ${redactSecrets(storage.message)}${moveAsideHint(storage, options)}`);
      return STORAGE_EXIT;
    }
    note(io, `clade-admin: ${describeError(error)}`);
    // A keychain that cannot be reached is "cannot run" (3) like a missing credential, not a crash.
    if (error instanceof Error && error.name === 'KeychainUnavailableError') return 3;
    if (io.env.CLADE_DEBUG && error instanceof Error && error.stack) note(io, redactSecrets(error.stack));
    return 1;
  }
}

/**
 * The exact command that moves a damaged mirror aside: the data folder this run used, and the profile the file
 * belongs to (`<data>/profiles/<id>/mirror.sqlite`; `demo` uses the demo profile whatever --profile says).
 */
function moveAsideHint(error: StorageError, options: GlobalOptions): string {
  if (!canMoveAside(error)) return '';
  const profile = basename(error.path) === MIRROR_FILE_NAME ? basename(dirname(error.path)) : options.profile;
  const flags = [
    ...(options.dataDir !== undefined ? [`--data-dir ${JSON.stringify(options.dataDir)}`] : []),
    ...(profile !== undefined ? [`--profile ${profile}`] : []),
  ];
  return ` To do so: \`clade-admin ${[...flags, 'mirror', 'move-aside'].join(' ')}\`.`;
}

/** The mirror the command of this run works on: the demo profile's for `demo`, else the profile's. */
function mirrorFileOfRun(argv: string[], program: Command, options: GlobalOptions, io: CliIO): string {
  const command = argv.find((arg) => program.commands.some((c) => c.name() === arg));
  const profile = command === 'demo' ? DEMO_PROFILE : (options.profile ?? io.env.CLADE_PROFILE ?? 'default');
  return mirrorFile(options.dataDir ?? defaultDataDir(io.env), profile);
}
