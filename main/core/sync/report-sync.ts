/** Report resources (usage, cost, Claude Code): filled in by the reporting slice of issue 5. */
import type { Clock } from '../ports';
import type { PassDeps, PassTally } from './entity-pass';
import type { SyncResource } from './resources';

export const DEFAULT_HISTORY_DAYS = 90;

export interface ReportContext {
  runId: number;
  atMs: number;
  historyDays: number;
}

export async function syncReportResource(
  _deps: PassDeps & { clock: Clock },
  resource: SyncResource,
  _ctx: ReportContext,
  _tally: PassTally,
): Promise<void> {
  throw new Error(`${resource}: report sync is not implemented yet`);
}
