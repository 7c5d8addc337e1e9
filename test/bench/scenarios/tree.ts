/**
 * tree: the org tree DTO the window asks for (`clade:org/tree` answers with `readOrgTreeWithBadges`: the tree plus
 * spend and key badges) on the mirror sync-full produced; the bare `readOrgTree` is reported next to it.
 */
import { readOrgTree } from '../../../main/db/repos/org-tree-repo';
import { openMirror } from '../../../main/db/open';
import { readOrgTreeWithBadges } from '../../../main/db/queries/overview-tree-badges';
import type { BenchContext } from '../lib/context';
import { measured, notMeasured, type ScenarioResult } from '../lib/report';
import { percentile, summarize } from '../lib/stats';

export const TARGET = '≤ 50 ms';

export async function runTree(ctx: BenchContext): Promise<ScenarioResult[]> {
  if (!ctx.mirrorFile) return [notMeasured('tree', TARGET, 'no synced mirror (sync-full did not run)')];
  const db = openMirror(ctx.mirrorFile, { readonly: true });
  try {
    const first = readOrgTreeWithBadges(db, Date.now()); // warm-up: statement compilation and page cache
    readOrgTree(db);
    if (!first) return [notMeasured('tree', TARGET, 'the mirror holds no organization')];
    const times: number[] = [];
    const bare: number[] = [];
    for (let i = 0; i < ctx.cfg.treeRuns; i++) {
      let started = performance.now();
      readOrgTreeWithBadges(db, Date.now());
      times.push(performance.now() - started);
      started = performance.now();
      readOrgTree(db);
      bare.push(performance.now() - started);
    }
    const median = summarize(times).median;
    return [
      measured('tree', times, 'ms', {
        target: TARGET,
        pass: median <= 50,
        note: 'the DTO of clade:org/tree (tree + spend and key badges); bareTree: readOrgTree alone',
        extra: {
          p95: percentile(times, 95),
          bareTreeP50: percentile(bare, 50),
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
