/**
 * The CLI run in this process with its output captured: the exit code main/cli/run.ts maps errors to, and all it
 * wrote on stdout and stderr. No standard input (a prompt reads end of input), and only the environment given.
 */
import { Readable } from 'node:stream';
import type { CliIO } from '../../main/cli/io';
import { runCli } from '../../main/cli/run';

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

export async function runCliInMemory(args: string[], env: NodeJS.ProcessEnv): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const io: CliIO = {
    stdin: Readable.from([]),
    stdout: { write: (text: string) => ((stdout += text), true) },
    stderr: { write: (text: string) => ((stderr += text), true) },
    env,
  };
  const code = await runCli(args, io);
  return { code, stdout, stderr };
}
