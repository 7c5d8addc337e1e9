// Everything one running sandbox holds: the org model, the virtual clock, credentials, switches and logs.
import type { ReportSizeRules } from './reports/report-size';
import type { SandboxClock } from './clock';
import type { ActivityActor, ActivityLog } from './model/activities';
import type { OrgModel } from './model/types';

/** Which API-key object shape to serve (admin-api.md §3.6):
 *  'new' = SDK 1.12.0 (scope/principal/created_by), 'legacy' = older docs (top-level nullable workspace_id),
 *  'both' = the intermediate shape carrying both (workspace_id deprecated). */
export type KeyShape = 'new' | 'legacy' | 'both';

export interface AuthState {
  adminKeys: Set<string>;
  revokedKeys: Set<string>;
  /** the apikey_… id the feed shows for changes made through the Admin API */
  adminKeyId: string;
}

export interface RequestLogEntry {
  atMs: number;
  method: string;
  path: string;
  status: number;
  fault?: string;
}

export interface SandboxState {
  model: OrgModel;
  clock: SandboxClock;
  auth: AuthState;
  keyShape: KeyShape;
  activity: ActivityLog;
  /** seeded org events as virtual days pass */
  seededEvents: boolean;
  /** events have been generated up to this instant */
  eventsThroughMs: number;
  /** seeded events fall on whole hours counted from this instant (the start) */
  eventsOriginMs: number;
  requestLog: RequestLogEntry[];
  /** Spend-limit writes through the Admin API are an early-access preview for Console orgs (403 without it). */
  spendLimitWrites: boolean;
  /** Reading them is a preview too; on by default so the demo shows its limits. */
  spendLimitReads: boolean;
  /** The report size limits (reports/report-size.ts); off by default. */
  reportSize: ReportSizeRules;
}

/** Who made a change arriving through the Admin API. */
export function apiActor(state: SandboxState, userAgent: string | undefined): ActivityActor {
  return {
    type: 'admin_api_key_actor',
    admin_api_key_id: state.auth.adminKeyId,
    ip_address: '127.0.0.1',
    user_agent: userAgent ?? 'unknown',
  };
}
