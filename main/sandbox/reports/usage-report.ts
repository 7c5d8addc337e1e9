// GET /v1/organizations/usage_report/messages (admin-api.md §4.1).
import { recordActivity } from '../model/activities';
import { apiActor } from '../state';
import { badRequest } from '../errors';
import type { Query } from '../query';
import type { RouteDef, RequestContext } from '../router';
import { iso } from '../routes/serialize';
import {
  aggregateUsage,
  sortedCells,
  USAGE_DIMENSIONS,
  type Cell,
  type UsageDimension,
  type UsageFilters,
} from './aggregate';
import {
  bucketEnd,
  bucketRange,
  decodeCursor,
  encodeCursor,
  pageBuckets,
  USAGE_LIMITS,
  type BucketWidth,
} from './report-params';
import type { UsageRow, UsageSource } from './usage-model';
import { reportCache } from './report-cache';
import { checkReportPage } from './report-size';

const FAST_MODE_BETA = 'fast-mode-2026-02-01';
const SERVICE_TIERS = ['standard', 'batch', 'priority', 'priority_on_demand', 'flex', 'flex_discount'] as const;
const CONTEXT_WINDOWS = ['0-200k', '200k-1M'] as const;
const GEOS = ['global', 'us', 'not_available'] as const;
const SPEEDS = ['standard', 'fast'] as const;

export function hasBeta(ctx: RequestContext, beta: string): boolean {
  const header = ctx.headers['anthropic-beta'];
  const values = (Array.isArray(header) ? header.join(',') : (header ?? '')).split(',').map((s) => s.trim());
  return values.includes(beta);
}

export function usageFilters(ctx: RequestContext, defaultWorkspaceId: string): UsageFilters {
  const q = ctx.query;
  const fast = hasBeta(ctx, FAST_MODE_BETA);
  if (!fast && q.has('speeds')) throw badRequest(`speeds: requires the anthropic-beta header ${FAST_MODE_BETA}`);
  const keyIds = q.array('api_key_ids');
  const wsIds = q.array('workspace_ids');
  const accounts = q.array('account_ids');
  const serviceAccounts = q.array('service_account_ids');
  const models = q.array('models');
  const tiers = q.arrayOf('service_tiers', SERVICE_TIERS);
  const windows = q.arrayOf('context_window', CONTEXT_WINDOWS);
  const geos = q.arrayOf('inference_geos', GEOS);
  const speeds = q.arrayOf('speeds', SPEEDS);
  const inList = (list: string[] | undefined, v: string | null) => !list || (v !== null && list.includes(v));
  return {
    sources: (s: UsageSource) =>
      inList(keyIds, s.apiKeyId) &&
      inList(wsIds, s.workspaceId ?? defaultWorkspaceId) &&
      inList(accounts, s.accountId) &&
      inList(serviceAccounts, s.serviceAccountId),
    rows: (r: UsageRow) =>
      inList(models, r.model) &&
      inList(tiers, r.serviceTier) &&
      inList(windows, r.contextWindow) &&
      inList(geos, r.inferenceGeo) &&
      inList(speeds, r.speed),
  };
}

function usageGroupBy(ctx: RequestContext): UsageDimension[] {
  const groupBy = ctx.query.arrayOf('group_by', USAGE_DIMENSIONS) ?? [];
  if (groupBy.includes('speed') && !hasBeta(ctx, FAST_MODE_BETA)) {
    throw badRequest(`group_by: 'speed' requires the anthropic-beta header ${FAST_MODE_BETA}`);
  }
  return [...new Set(groupBy)];
}

function resultObject(cell: Cell, withSpeed: boolean): unknown {
  const [uncached, cache1h, cache5m, cacheRead, output, webSearch] = cell.counters;
  const d = cell.dims;
  return {
    uncached_input_tokens: uncached,
    cache_creation: { ephemeral_1h_input_tokens: cache1h, ephemeral_5m_input_tokens: cache5m },
    cache_read_input_tokens: cacheRead,
    output_tokens: output,
    server_tool_use: { web_search_requests: webSearch },
    api_key_id: d.api_key_id,
    workspace_id: d.workspace_id,
    model: d.model,
    service_tier: d.service_tier,
    context_window: d.context_window,
    inference_geo: d.inference_geo,
    account_id: d.account_id,
    service_account_id: d.service_account_id,
    ...(withSpeed ? { speed: d.speed } : {}),
  };
}

function bucketWidth(query: Query, allowed: readonly BucketWidth[], fallback: BucketWidth): BucketWidth {
  return query.oneOf('bucket_width', allowed) ?? fallback;
}

export const usageReportRoutes: RouteDef[] = [
  {
    method: 'GET',
    path: '/v1/organizations/usage_report/messages',
    handler: (ctx) => {
      const { state, query, headers } = ctx;
      const width = bucketWidth(query, ['1m', '1h', '1d'], '1d');
      const [defaultLimit, maxLimit] = USAGE_LIMITS[width];
      const limit = query.int('limit', defaultLimit, 1, maxLimit);
      const groupBy = usageGroupBy(ctx);
      const filters = usageFilters(ctx, state.model.defaultWorkspaceId);
      const nowMs = state.clock.nowMs();
      // reading a report is itself an audited action (admin-api.md §5)
      recordActivity(
        state.model,
        state.activity,
        nowMs,
        'platform_usage_report_messages_viewed',
        apiActor(state, headers['user-agent']),
        {},
      );
      const range = bucketRange(query, width, nowMs);
      const page = pageBuckets(range, decodeCursor(query), limit);
      const agg = aggregateUsage(
        state.model,
        reportCache(state),
        nowMs,
        page.starts,
        range.bucketMs,
        range.endMs,
        groupBy,
        filters,
      );
      const withSpeed = hasBeta(ctx, FAST_MODE_BETA);
      const data = page.starts.map((s) => ({
        starting_at: iso(s),
        ending_at: iso(bucketEnd(range, s)),
        results: sortedCells(agg.get(s) ?? new Map()).map((c) => resultObject(c, withSpeed)),
      }));
      checkReportPage(state.reportSize, '/v1/organizations/usage_report/messages', data);
      return {
        data,
        has_more: page.next !== null,
        next_page: page.next === null ? null : encodeCursor(query, page.next),
      };
    },
  },
];
