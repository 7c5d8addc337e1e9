/**
 * The progress of one whole sync, for the window's first-run panel and the tray: how many resources of the plan
 * are done, which ones are usable already, the resource being paged now (page, rows), and an estimate of the time
 * left. Pure: the clock comes in as `now`.
 *
 * The estimate: the engine's own estimate for the resource under way when it has one (reports with a known window),
 * plus the average time the finished resources took for each one still to come. Before anything has finished
 * there is no honest estimate, so it is null ("estimating…").
 */
import type { ResourceSummary, SyncProgress } from './summary';

export interface RunProgress {
  resourcesDone: number;
  resourcesTotal: number;
  /** Finished with their data in the mirror (status ok), in the order they finished. */
  usable: string[];
  resource: string | null;
  page: number;
  rows: number;
  etaMs: number | null;
}

export interface RunProgressTracker {
  /** The plan (engine's onPlan) plus any steps after the engine (the compliance feed). */
  plan(resources: readonly string[], extraSteps?: number): RunProgress;
  page(progress: SyncProgress): RunProgress;
  resourceDone(summary: ResourceSummary): RunProgress;
  current(): RunProgress;
}

export function createRunProgressTracker(now: () => number): RunProgressTracker {
  const startedAtMs = now();
  let total = 0;
  const finished = new Set<string>();
  const usable: string[] = [];
  let resource: string | null = null;
  let page = 0;
  let rows = 0;
  let resourceEtaMs: number | undefined;

  const eta = (): number | null => {
    const remaining = Math.max(0, total - finished.size);
    if (remaining === 0) return 0;
    const inFlight = resource !== null && !finished.has(resource);
    if (finished.size === 0) return inFlight && resourceEtaMs !== undefined && remaining === 1 ? resourceEtaMs : null;
    const perResource = (now() - startedAtMs) / finished.size;
    const current = inFlight ? (resourceEtaMs ?? perResource) : 0;
    return Math.round(current + perResource * (remaining - (inFlight ? 1 : 0)));
  };
  const current = (): RunProgress => ({
    resourcesDone: finished.size,
    resourcesTotal: total,
    usable: [...usable],
    resource,
    page,
    rows,
    etaMs: eta(),
  });
  return {
    plan(resources, extraSteps = 0) {
      total = new Set(resources).size + extraSteps;
      return current();
    },
    page(progress) {
      if (progress.resource !== resource) resourceEtaMs = undefined;
      resource = progress.resource;
      page = progress.page;
      rows = progress.rows;
      resourceEtaMs = progress.etaMs ?? resourceEtaMs;
      return current();
    },
    resourceDone(summary) {
      if (!finished.has(summary.resource)) {
        finished.add(summary.resource);
        // A resource the plan did not count (a step added late) still counts once it is done.
        total = Math.max(total, finished.size);
        if (summary.status === 'ok') usable.push(summary.resource);
      }
      if (resource === summary.resource) resourceEtaMs = undefined;
      return current();
    },
    current,
  };
}
