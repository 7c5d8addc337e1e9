// Small shared helpers for the developer scripts in main/tools. Plain Node (no TS build needed):
// these run before dependencies are installed, so they import nothing outside node:*.
import { spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** The repository root (main/tools/lib → ../../..). */
export const projectRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

/** True when the module at `metaUrl` is the script Node was started with (not imported by a test). */
export function isMainModule(metaUrl) {
  const entry = process.argv[1];
  return entry !== undefined && pathToFileURL(entry).href === metaUrl;
}

/**
 * How to invoke npm from a script: reuse the npm that runs us (npm_execpath) so `npm run x` and the
 * child agree on the version; otherwise the `npm` on PATH (npm.cmd on Windows needs a shell).
 */
export function npmCommand(env = process.env) {
  const execPath = env.npm_execpath;
  if (execPath && /npm-cli\.js$/.test(execPath)) return { command: process.execPath, prefix: [execPath], shell: false };
  return { command: 'npm', prefix: [], shell: process.platform === 'win32' };
}

/**
 * Runs a command with no standard input (never waits for a prompt), streaming its output through
 * and keeping the last `keepBytes` of it so the caller can explain a failure.
 * Resolves { code, tail } and never rejects (a spawn error becomes code 127).
 */
export function runStreaming(
  command,
  args,
  { cwd = projectRoot, env = process.env, shell = false, keepBytes = 65536 } = {},
) {
  return new Promise((resolve) => {
    let tail = '';
    const keep = (chunk) => {
      tail = (tail + chunk.toString()).slice(-keepBytes);
    };
    let child;
    try {
      child = spawn(command, args, { cwd, env, shell, stdio: ['ignore', 'pipe', 'pipe'] });
    } catch (error) {
      resolve({ code: 127, tail: String(error) });
      return;
    }
    child.stdout.on('data', (chunk) => {
      process.stdout.write(chunk);
      keep(chunk);
    });
    child.stderr.on('data', (chunk) => {
      process.stderr.write(chunk);
      keep(chunk);
    });
    child.on('error', (error) => resolve({ code: 127, tail: `${tail}\n${String(error)}` }));
    child.on('close', (code, signal) => resolve({ code: code ?? (signal ? 128 : 1), tail }));
  });
}
