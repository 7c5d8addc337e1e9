/**
 * Child processes for the bench: every child runs in its own process group with a deadline, so a hang or a crash
 * never leaves anything behind; `killAll` (run on exit) stops any that are still alive.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';

export const REPO_ROOT = resolve(__dirname, '../../..');
const live = new Set<ChildProcess>();

export interface ChildResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  wallMs: number;
}

/** Stops a child and everything it started (its process group). */
export function killTree(child: ChildProcess, signal: NodeJS.Signals = 'SIGKILL'): void {
  if (child.pid == null || child.exitCode != null || child.signalCode != null) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    child.kill(signal);
  }
}

export function killAll(): void {
  for (const child of live) killTree(child);
  live.clear();
}

export function spawnTracked(cmd: string, args: string[], env: NodeJS.ProcessEnv = {}): ChildProcess {
  const child = spawn(cmd, args, {
    cwd: REPO_ROOT,
    env: { ...process.env, ...env },
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  live.add(child);
  child.once('exit', () => live.delete(child));
  return child;
}

/** Runs a command to completion (or kills it at the deadline) and returns what it printed. */
export function runChild(
  cmd: string,
  args: string[],
  opts: { timeoutMs: number; env?: NodeJS.ProcessEnv },
): Promise<ChildResult> {
  const started = performance.now();
  const child = spawnTracked(cmd, args, opts.env);
  let stdout = '';
  let stderr = '';
  child.stdout!.setEncoding('utf8').on('data', (d: string) => (stdout += d));
  child.stderr!.setEncoding('utf8').on('data', (d: string) => (stderr += d.length > 20_000 ? d.slice(-20_000) : d));
  return new Promise((resolveResult, reject) => {
    const timer = setTimeout(() => {
      killTree(child);
      reject(new Error(`${cmd} ${args.join(' ')} timed out after ${opts.timeoutMs} ms; stderr: ${stderr.slice(-500)}`));
    }, opts.timeoutMs);
    child.once('error', (e) => {
      clearTimeout(timer);
      reject(e);
    });
    child.once('close', (code, signal) => {
      clearTimeout(timer);
      resolveResult({ code, signal, stdout, stderr, wallMs: performance.now() - started });
    });
  });
}

let bundledChildrenDir: string | null = null;

/** Where `bundleChildren` put the children as .cjs; until set, children run from source under tsx. */
export function useBundledChildren(dir: string | null): void {
  bundledChildrenDir = dir;
}

/** Runs one of test/bench/children/*.ts (bundled, else under tsx) and parses the JSON it prints last. */
export async function runTsChild<T>(script: string, args: string[], timeoutMs: number): Promise<T> {
  const launch = bundledChildrenDir
    ? [resolve(bundledChildrenDir, script.replace(/\.ts$/, '.cjs'))]
    : ['--import', 'tsx', resolve(REPO_ROOT, 'test/bench/children', script)];
  const result = await runChild(process.execPath, [...launch, ...args], { timeoutMs });
  const last = result.stdout.trim().split('\n').pop() ?? '';
  if (result.code !== 0)
    throw new Error(`${script} exited ${result.code ?? result.signal}: ${result.stderr.trim().slice(-800)}`);
  try {
    return JSON.parse(last) as T;
  } catch {
    throw new Error(`${script} printed no JSON result: ${result.stdout.slice(-300)} ${result.stderr.slice(-300)}`);
  }
}

/** Resident set size of a live process in KiB (Linux /proc), or null where unavailable. */
export async function rssKb(pid: number, field: 'VmRSS' | 'VmHWM' = 'VmRSS'): Promise<number | null> {
  try {
    const { readFile } = await import('node:fs/promises');
    const status = await readFile(`/proc/${pid}/status`, 'utf8');
    const match = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status);
    return match ? Number(match[1]) : null;
  } catch {
    return null;
  }
}

/** CPU time (user + system, ms) a live process has used so far, from /proc (Linux); null elsewhere. */
export async function cpuMsOf(pid: number): Promise<number | null> {
  try {
    const { readFile } = await import('node:fs/promises');
    const stat = await readFile(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name (which may hold spaces, so split after its closing parenthesis): utime is the
    // 14th field of the line and stime the 15th, in clock ticks (USER_HZ, 100 a second on Linux).
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const ticks = Number(fields[11]) + Number(fields[12]);
    return Number.isFinite(ticks) ? ticks * 10 : null;
  } catch {
    return null;
  }
}
