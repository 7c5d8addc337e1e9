/** What a sync reports: to the CLI (`--json`), the tray and the renderer. */

export interface SyncProgress {
  resource: string;
  /** Pages fetched so far for this resource in this sync. */
  page: number;
  /** Rows written so far for this resource in this sync. */
  rows: number;
  /** Estimated time left for this resource, when it can be estimated (reports with known windows). */
  etaMs?: number;
}

export type ResourceOutcome = 'ok' | 'unavailable' | 'error' | 'skipped';

/** A UTC day a report could not be read whole (the API's too_many_report_groups), with the API's own words. */
export interface IncompleteDay {
  dayMs: number;
  message: string;
  requestId: string | null;
}

export interface ResourceSummary {
  resource: string;
  status: ResourceOutcome;
  pages: number;
  rows: number;
  events: number;
  detail: string | null;
  /** Days of a report left out of this sync, each said; the rest of its window is complete. */
  incompleteDays?: IncompleteDay[];
}

/** A failure worth telling the admin about: which endpoint, which request. */
export interface SyncProblem {
  resource: string;
  kind: string;
  endpoint: string;
  status: number | null;
  requestId: string | null;
  message: string;
}

export type SyncStatus = 'ok' | 'partial' | 'credential_invalid' | 'failed';

export interface SyncSummary {
  status: SyncStatus;
  /** HTTP requests sent, retries included. */
  requests: number;
  rows: number;
  events: number;
  durationMs: number;
  startedAtMs: number;
  resources: ResourceSummary[];
  problems: SyncProblem[];
  /** Why the sync stopped, when it did. */
  detail: string | null;
}
