/**
 * The sandbox in a child process (`clade-admin sandbox serve`), so its memory and CPU are not counted as ours.
 * Resolves on its JSON ready line with the time it took and the child's peak RSS (VmHWM) by then.
 */
import { resolve } from 'node:path';
import { killTree, REPO_ROOT, rssKb, spawnTracked } from './child';

export type BenchSize = 'demo' | 'mid' | 'large';

export interface SandboxChild {
  url: string;
  adminKey: string;
  pid: number;
  readyMs: number;
  rssKbAtReady: number | null;
  close(): Promise<void>;
}

export const BUILT_CLI = resolve(REPO_ROOT, 'out/main/cli.js');

export function startSandboxChild(size: BenchSize, timeoutMs = 60_000): Promise<SandboxChild> {
  const started = performance.now();
  const child = spawnTracked(process.execPath, [BUILT_CLI, 'sandbox', 'serve', '--size', size, '--port', '0']);
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  const close = async (): Promise<void> => {
    if (child.exitCode == null && child.signalCode == null) {
      killTree(child, 'SIGTERM');
      const timer = setTimeout(() => killTree(child), 3_000);
      await exited;
      clearTimeout(timer);
    }
  };
  return new Promise((resolveReady, reject) => {
    let buffered = '';
    let stderr = '';
    let settled = false;
    const fail = (why: string): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      void close();
      reject(new Error(`sandbox serve --size ${size}: ${why}; stderr: ${stderr.slice(-500)}`));
    };
    const timer = setTimeout(() => fail(`no ready line within ${timeoutMs} ms`), timeoutMs);
    child.stderr!.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.once('exit', (code) => fail(`exited (${code}) before its ready line`));
    child.stdout!.setEncoding('utf8').on('data', (d: string) => {
      buffered += d;
      const newline = buffered.indexOf('\n');
      if (newline < 0 || settled) return;
      const readyMs = performance.now() - started;
      try {
        const ready = JSON.parse(buffered.slice(0, newline)) as { url: string; adminKey: string };
        settled = true;
        clearTimeout(timer);
        void rssKb(child.pid!, 'VmHWM').then((rss) =>
          resolveReady({
            url: ready.url,
            adminKey: ready.adminKey,
            pid: child.pid!,
            readyMs,
            rssKbAtReady: rss,
            close,
          }),
        );
      } catch {
        fail(`ready line is not JSON: ${buffered.slice(0, 200)}`);
      }
    });
  });
}
