/** cli-start: wall time of `clade-admin status` (the built bin, on a copy of the synced mirror) vs `node -e 0`. */
import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { mirrorFile } from '../../../main/adapters/data-dir';
import { runChild } from '../lib/child';
import type { BenchContext } from '../lib/context';
import { measured, type ScenarioResult } from '../lib/report';
import { BUILT_CLI } from '../lib/sandbox';
import { summarize } from '../lib/stats';

export const TARGET = '≤ 5 × node -e 0';

export async function runCliStart(ctx: BenchContext): Promise<ScenarioResult[]> {
  const dataDir = join(ctx.tmp, 'cli-data');
  const mirror = mirrorFile(dataDir, 'default');
  mkdirSync(join(mirror, '..'), { recursive: true });
  if (ctx.mirrorFile) copyFileSync(ctx.mirrorFile, mirror);
  const env = { ANTHROPIC_ADMIN_KEY: '', ANTHROPIC_BASE_URL: '' };
  const ours: number[] = [];
  const base: number[] = [];
  for (let i = 0; i < ctx.cfg.cliRuns + 1; i++) {
    const status = await runChild(process.execPath, [BUILT_CLI, '--data-dir', dataDir, 'status'], {
      timeoutMs: 30_000,
      env,
    });
    if (status.code !== 0) throw new Error(`clade-admin status exited ${status.code}: ${status.stderr.slice(-400)}`);
    const bare = await runChild(process.execPath, ['-e', '0'], { timeoutMs: 30_000 });
    if (i === 0) continue; // warm-up: the first spawn pays for the file cache
    ours.push(status.wallMs);
    base.push(bare.wallMs);
  }
  const baseline = summarize(base).median;
  const ratio = summarize(ours).median / baseline;
  return [
    measured('cli-start', ours, 'ms', {
      baseline,
      ratio,
      target: TARGET,
      pass: ratio <= 5,
      note: ctx.mirrorFile ? 'status on a copy of the synced mirror' : 'status with no mirror (sync-full did not run)',
    }),
  ];
}
