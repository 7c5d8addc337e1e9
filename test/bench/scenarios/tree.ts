/** tree: `readOrgTree` (the org tree DTO the window asks for) on the mirror sync-full produced. */
import { readOrgTree } from '../../../main/db/repos/org-tree-repo';
import { openMirror } from '../../../main/db/open';
import type { BenchContext } from '../lib/context';
import { measured, notMeasured, type ScenarioResult } from '../lib/report';
import { percentile, summarize } from '../lib/stats';

export const TARGET = '≤ 50 ms';

export async function runTree(ctx: BenchContext): Promise<ScenarioResult[]> {
  if (!ctx.mirrorFile) return [notMeasured('tree', TARGET, 'no synced mirror (sync-full did not run)')];
  const db = openMirror(ctx.mirrorFile, { readonly: true });
  try {
    const first = readOrgTree(db); // warm-up: statement compilation and page cache
    if (!first) return [notMeasured('tree', TARGET, 'the mirror holds no organization')];
    const times: number[] = [];
    for (let i = 0; i < ctx.cfg.treeRuns; i++) {
      const started = performance.now();
      readOrgTree(db);
      times.push(performance.now() - started);
    }
    const median = summarize(times).median;
    return [
      measured('tree', times, 'ms', {
        target: TARGET,
        pass: median <= 50,
        extra: {
          p95: percentile(times, 95),
          workspaces: first.workspaces.length,
          members: first.workspaces.reduce((n, w) => n + w.members.length, 0),
          keys: first.workspaces.reduce((n, w) => n + w.keys.length, 0),
        },
      }),
    ];
  } finally {
    db.close();
  }
}
