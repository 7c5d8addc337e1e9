import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

export const ROOT = join(__dirname, '..', '..');
export const CLI = join(ROOT, 'out', 'main', 'cli.js');
/** The CLI's keychain host, built beside it (a build from before it existed lacks it). */
const KEYCHAIN_HOST = join(ROOT, 'out', 'main', 'keychain-host.js');

/** The tests drive the CLI as users do: the built bin. `npm test` builds first (pretest); a lone run builds here. */
export function ensureBuiltCli(): string {
  if (!existsSync(CLI) || !existsSync(KEYCHAIN_HOST)) {
    execFileSync(process.execPath, [join(ROOT, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js'), 'build'], {
      cwd: ROOT,
      stdio: 'ignore',
    });
  }
  return CLI;
}

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `clade-admin …` to completion with no standard input, as cron would. */
export function runBuiltCli(args: string[], env: NodeJS.ProcessEnv = {}): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [ensureBuiltCli(), ...args], {
      env: { ...cleanEnv(), ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** Starts a long-running command and resolves with its first stdout line (e.g. the sandbox's ready line). */
export function startBuiltCli(args: string[]): Promise<{ child: ChildProcess; firstLine: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [ensureBuiltCli(), ...args], {
      env: cleanEnv(),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let buffered = '';
    let stderr = '';
    child.stderr!.on('data', (d) => (stderr += d));
    child.stdout!.on('data', (d) => {
      buffered += d;
      const newline = buffered.indexOf('\n');
      if (newline >= 0) resolve({ child, firstLine: buffered.slice(0, newline) });
    });
    child.on('error', reject);
    child.on('close', (code) => reject(new Error(`exited ${code} before printing a line: ${stderr}`)));
  });
}

/** The parent's environment without anything that would steer the CLI elsewhere (a real key, a base URL, a profile). */
function cleanEnv(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const name of [
    'ANTHROPIC_ADMIN_KEY',
    'ANTHROPIC_BASE_URL',
    'ANTHROPIC_API_KEY',
    'CLADE_PROFILE',
    'CLADE_DATA_DIR',
  ]) {
    delete env[name];
  }
  return env;
}
