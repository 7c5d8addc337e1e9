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

export interface ResourceSummary {
  resource: string;
  status: ResourceOutcome;
  pages: number;
  rows: number;
  events: number;
  detail: string | null;
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
