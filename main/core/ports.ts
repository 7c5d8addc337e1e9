/**
 * Ports of the pure core: the only ways core code reaches time and the Admin API.
 * Adapters implement them; tests pass doubles.
 */
import type {
  ApiClaudeCodeRecord,
  ApiCostResult,
  ApiEffectiveSpend,
  ApiInvite,
  ApiKey,
  ApiOrganization,
  ApiRateLimit,
  ApiReportBucket,
  ApiSpendLimit,
  ApiUsageResult,
  ApiUser,
  ApiWorkspace,
  ApiWorkspaceMember,
  ApiWorkspaceRateLimit,
} from './api-types';
import type { Digest } from './alerts/digest';
import type { Episode } from './alerts/episodes';

/** Time, injected so that the core never reads the wall clock itself. */
export interface Clock {
  /** Epoch milliseconds. */
  now(): number;
  sleep(ms: number): Promise<void>;
}

/** One validated page of a list or report, with the cursor that fetches the page after it (null: last page). */
export interface ApiPage<T> {
  items: T[];
  nextCursor: string | null;
  requestId: string | null;
}

/** The list routes the sync engine pages through, with their parameters and item types. */
export interface ListRoutes {
  users: { params: Record<string, never>; item: ApiUser };
  invites: { params: Record<string, never>; item: ApiInvite };
  workspaces: { params: { includeDefault: boolean; includeArchived: boolean }; item: ApiWorkspace };
  workspace_members: { params: { workspaceId: string }; item: ApiWorkspaceMember };
  api_keys: { params: Record<string, never>; item: ApiKey };
  rate_limits: { params: Record<string, never>; item: ApiRateLimit };
  workspace_rate_limits: { params: { workspaceId: string }; item: ApiWorkspaceRateLimit };
  spend_limits: { params: Record<string, never>; item: ApiSpendLimit };
  spend_limits_effective: { params: Record<string, never>; item: ApiEffectiveSpend };
}
export type ListRoute = keyof ListRoutes;

/** A classic report query (admin-api.md §4.1/§4.2). Times are RFC 3339; `endingAt` is exclusive. */
export interface UsageReportQuery {
  startingAt: string;
  endingAt: string;
  bucketWidth: '1h' | '1d';
  groupBy: string[];
  /** Buckets per page (the API's `limit`); the adapter's default when absent. */
  limit?: number;
}
export interface CostReportQuery {
  startingAt: string;
  endingAt: string;
  groupBy: string[];
  /** Buckets per page (the API's `limit`); the adapter's default when absent. */
  limit?: number;
}

export interface AdminApiPort {
  /** HTTP requests sent so far by this client, retries included. */
  requestCount(): number;
  organization(): Promise<ApiOrganization>;
  /** Pages of a list route, starting after `cursor` (null: from the start). */
  list<R extends ListRoute>(
    route: R,
    params: ListRoutes[R]['params'],
    cursor: string | null,
  ): AsyncIterable<ApiPage<ListRoutes[R]['item']>>;
  usageReport(query: UsageReportQuery, cursor: string | null): AsyncIterable<ApiPage<ApiReportBucket<ApiUsageResult>>>;
  costReport(query: CostReportQuery, cursor: string | null): AsyncIterable<ApiPage<ApiReportBucket<ApiCostResult>>>;
  /** Claude Code activity of one UTC day (`YYYY-MM-DD`). */
  claudeCodeReport(day: string, cursor: string | null): AsyncIterable<ApiPage<ApiClaudeCodeRecord>>;
}

/** What the alert cycle needs from a notifier (the app's is Electron's Notification). */
export interface NotifierPort {
  /** Shows these due episodes (one by one or in a summary); returns the ids that were shown. */
  notifyEpisodes(episodes: readonly Episode[]): string[];
  /** Shows the digest; false when notifications are not available here. */
  notifyDigest(digest: Digest): boolean;
}
