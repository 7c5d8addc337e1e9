// GET /v1/organizations/cost_report (admin-api.md §4.2): daily buckets, group_by[] workspace_id / description,
// amounts as decimal strings of cents, derived from the same generated usage through the pricing table.
// Priority Tier usage is not in this report (documented).
import { recordActivity } from '../model/activities';
import { apiActor } from '../state';
import type { RouteDef } from '../router';
import { checkReportPage } from './report-size';
import { iso } from '../routes/serialize';
import {
  formatCents,
  modelDisplayName,
  tokenCostNanocents,
  TOKEN_TYPES,
  WEB_SEARCH_NANOCENTS,
  type TokenType,
} from '../pricing';
import { aggregateUsage, sortedCells, type Cell } from './aggregate';
import { reportCache } from './report-cache';
import { bucketEnd, bucketRange, decodeCursor, encodeCursor, pageBuckets } from './report-params';
import type { UsageFilters } from './aggregate';

const TOKEN_LABELS: Record<TokenType, string> = {
  uncached_input_tokens: 'Input Tokens',
  output_tokens: 'Output Tokens',
  cache_read_input_tokens: 'Cache Read Input Tokens',
  'cache_creation.ephemeral_1h_input_tokens': 'Cache Write (1h) Input Tokens',
  'cache_creation.ephemeral_5m_input_tokens': 'Cache Write (5m) Input Tokens',
};
/** index of each token type in the usage counters */
const COUNTER_INDEX: Record<TokenType, number> = {
  uncached_input_tokens: 0,
  'cache_creation.ephemeral_1h_input_tokens': 1,
  'cache_creation.ephemeral_5m_input_tokens': 2,
  cache_read_input_tokens: 3,
  output_tokens: 4,
};

interface CostLine {
  amount: bigint;
  fields: Record<string, string | null>;
}

export function costDescription(
  model: string,
  tokenType: TokenType,
  tier: string,
  ctxWindow: string,
  geo: string,
): string {
  let d = `${modelDisplayName(model)} Usage - ${TOKEN_LABELS[tokenType]}`;
  if (tier === 'batch') d += ' (Batch)';
  if (ctxWindow === '200k-1M') d += ' - Long Context';
  if (geo === 'us') d += ' - US Inference';
  return d;
}

function costLinesOfCell(cell: Cell, dayMs: number, byDescription: boolean, byWorkspace: boolean): CostLine[] {
  const d = cell.dims;
  const ws = byWorkspace ? d.workspace_id : null;
  const lines: CostLine[] = [];
  const blank = {
    cost_type: null,
    description: null,
    model: null,
    service_tier: null,
    token_type: null,
    context_window: null,
    inference_geo: null,
    workspace_id: ws,
  };
  for (const tokenType of TOKEN_TYPES) {
    const tokens = cell.counters[COUNTER_INDEX[tokenType]] as number;
    if (tokens === 0) continue;
    const amount = tokenCostNanocents(BigInt(tokens), tokenType, {
      model: d.model!,
      atMs: dayMs,
      serviceTier: d.service_tier!,
      contextWindow: d.context_window!,
      inferenceGeo: d.inference_geo!,
    });
    lines.push({
      amount,
      fields: byDescription
        ? {
            cost_type: 'tokens',
            description: costDescription(d.model!, tokenType, d.service_tier!, d.context_window!, d.inference_geo!),
            model: d.model,
            service_tier: d.service_tier,
            token_type: tokenType,
            context_window: d.context_window,
            inference_geo: d.inference_geo,
            workspace_id: ws,
          }
        : blank,
    });
  }
  const searches = cell.counters[5] as number;
  if (searches > 0) {
    lines.push({
      amount: BigInt(searches) * WEB_SEARCH_NANOCENTS,
      fields: byDescription ? { ...blank, cost_type: 'web_search', description: 'Web Search Usage' } : blank,
    });
  }
  return lines;
}

const noFilter: UsageFilters = { sources: () => true, rows: (r) => r.serviceTier !== 'priority' };

export const costReportRoutes: RouteDef[] = [
  {
    method: 'GET',
    path: '/v1/organizations/cost_report',
    handler: ({ state, query, headers }) => {
      query.oneOf('bucket_width', ['1d'] as const);
      const limit = query.int('limit', 7, 1, 31);
      const groupBy = query.arrayOf('group_by', ['workspace_id', 'description'] as const) ?? [];
      const byWorkspace = groupBy.includes('workspace_id');
      const byDescription = groupBy.includes('description');
      const nowMs = state.clock.nowMs();
      // reading a report is itself an audited action (admin-api.md §5)
      recordActivity(
        state.model,
        state.activity,
        nowMs,
        'platform_cost_report_viewed',
        apiActor(state, headers['user-agent']),
        {},
      );
      const range = bucketRange(query, '1d', nowMs);
      const page = pageBuckets(range, decodeCursor(query), limit);
      // always aggregate at pricing grain; roll up afterwards
      const agg = aggregateUsage(
        state.model,
        reportCache(state),
        nowMs,
        page.starts,
        range.bucketMs,
        range.endMs,
        ['workspace_id', 'model', 'service_tier', 'context_window', 'inference_geo'],
        noFilter,
      );
      const data = page.starts.map((s) => {
        const rolled = new Map<string, CostLine>();
        for (const cell of sortedCells(agg.get(s) ?? new Map())) {
          for (const line of costLinesOfCell(cell, s, byDescription, byWorkspace)) {
            const key = JSON.stringify(line.fields);
            const prev = rolled.get(key);
            if (prev) prev.amount += line.amount;
            else rolled.set(key, { ...line });
          }
        }
        return {
          starting_at: iso(s),
          ending_at: iso(bucketEnd(range, s)),
          results: [...rolled.entries()]
            .sort(([a], [b]) => (a < b ? -1 : 1))
            .map(([, l]) => ({ amount: formatCents(l.amount), currency: 'USD', ...l.fields })),
        };
      });
      checkReportPage(state.reportSize, '/v1/organizations/cost_report', data);
      return {
        data,
        has_more: page.next !== null,
        next_page: page.next === null ? null : encodeCursor(query, page.next),
      };
    },
  },
];
