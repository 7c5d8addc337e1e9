/** The streams a command writes to; injected so tests capture them. stdout carries only results (JSON with --json). */
export interface CliIO {
  stdout: { write(text: string): unknown; isTTY?: boolean };
  stderr: { write(text: string): unknown; isTTY?: boolean };
  stdin: NodeJS.ReadableStream & { isTTY?: boolean };
  env: NodeJS.ProcessEnv;
  /** Set by a command that finished but wants a non-zero exit (e.g. `check` found a critical alert). */
  exitCode?: number;
}

export function processIO(): CliIO {
  endQuietlyWhenTheReaderLeaves(process.stdout);
  return { stdout: process.stdout, stderr: process.stderr, stdin: process.stdin, env: process.env };
}

/**
 * `clade-admin audit search … | head` closes the pipe once it has its lines; what is still to print has nowhere to
 * go, which is not a failure of ours. The process ends at once and quietly (never an EPIPE stack trace), with the
 * exit code the command had set, else 0. Any other output error stays an error.
 */
function endQuietlyWhenTheReaderLeaves(stream: NodeJS.WriteStream): void {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
    process.exit(typeof process.exitCode === 'number' ? process.exitCode : 0);
  });
}

/** Prints a value as one JSON document on stdout. BigInt (money in nanocents) never reaches here: DTOs use strings. */
export function printJson(io: CliIO, value: unknown): void {
  io.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}

/** Progress and diagnostics go to stderr so `--json` output stays parseable. */
export function note(io: CliIO, text: string): void {
  io.stderr.write(`${text}\n`);
}
