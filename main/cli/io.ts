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
  return { stdout: process.stdout, stderr: process.stderr, stdin: process.stdin, env: process.env };
}

/** Prints a value as one JSON document on stdout. BigInt (money in nanocents) never reaches here: DTOs use strings. */
export function printJson(io: CliIO, value: unknown): void {
  io.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}

/** Progress and diagnostics go to stderr so `--json` output stays parseable. */
export function note(io: CliIO, text: string): void {
  io.stderr.write(`${text}\n`);
}
