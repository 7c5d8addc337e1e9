/**
 * sandbox-start: `clade-admin sandbox serve --size large` from spawn to its JSON ready line, and the child's RSS
 * then. The last sandbox started stays up and serves every other scenario.
 */
import type { BenchContext } from '../lib/context';
import { measured, type ScenarioResult } from '../lib/report';
import { startSandboxChild, type SandboxChild } from '../lib/sandbox';

export const TARGET = '≤ 10 s, ≤ 500 MB';

export async function runSandboxStart(ctx: BenchContext): Promise<{ result: ScenarioResult; sandbox: SandboxChild }> {
  const times: number[] = [];
  const rss: number[] = [];
  let sandbox: SandboxChild | null = null;
  for (let i = 0; i < ctx.cfg.sandboxStarts; i++) {
    await sandbox?.close();
    sandbox = await startSandboxChild(ctx.cfg.size);
    times.push(sandbox.readyMs);
    if (sandbox.rssKbAtReady != null) rss.push(sandbox.rssKbAtReady / 1024);
    ctx.log(
      `sandbox-start ${i + 1}: ready in ${Math.round(sandbox.readyMs)} ms, RSS ${Math.round((sandbox.rssKbAtReady ?? 0) / 1024)} MB`,
    );
  }
  const maxRssMb = rss.length ? Math.max(...rss) : null;
  const medianMs = [...times].sort((a, b) => a - b)[times.length >> 1]!;
  const result = measured('sandbox-start', times, 'ms', {
    target: TARGET,
    pass: maxRssMb == null ? null : medianMs <= 10_000 && maxRssMb <= 500,
    extra: { rssMbMax: maxRssMb, size: ctx.cfg.size },
    ...(maxRssMb == null ? { note: 'RSS unreadable (no /proc): time only' } : {}),
  });
  return { result, sandbox: sandbox! };
}
