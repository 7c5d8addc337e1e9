/**
 * The Admin API through the official SDK: the only place that talks to the network for the sync.
 * Lists use the SDK's own pagination (`for await` over pages); the classic usage, cost and Claude Code reports have
 * no typed method in SDK 1.12.0 and go through `client.getAPIList`. Every body is validated with the zod schemas
 * of admin-api/schemas.ts before it leaves this file; every HTTP request (retries included) is counted.
 */
import { ReportPageCursor, type AbstractPage } from '@anthropic-ai/sdk/pagination';
import type { z } from 'zod';
import { AdminApiError } from '../../core/api-error';
import type { ApiClaudeCodeRecord, ApiCostResult, ApiReportBucket, ApiUsageResult } from '../../core/api-types';
import type { AdminApiPort, ApiPage, CostReportQuery, ListRoute, ListRoutes, UsageReportQuery } from '../../core/ports';
import { toAdminApiError } from './errors';
import { createAnthropicClient } from './client';
import * as S from './schemas';

export interface CreateAdminApiOptions {
  apiKey: string;
  baseURL: string;
  /** Told of every 429 (the sync's request budget slows down after repeated ones). */
  onRateLimited?: () => void;
  /** SDK retries per request (429 honouring retry-after/retry-after-ms, 5xx and connection errors). Default 3. */
  maxRetries?: number;
  /** Per-request timeout in ms. Default 60 s. */
  timeoutMs?: number;
  /** Where HTTPS_PROXY / HTTP_PROXY / NO_PROXY are read from (default: process.env). */
  env?: Record<string, string | undefined>;
}

// The documented maximum (admin-api.md §2): an idle sync of a 2,000-key org then costs 2 pages, not 20.
const PAGE_LIMIT = 1000;
const ORG = '/v1/organizations';
/**
 * Report page sizes when the caller names none. The sync names one for every page (core/sync/page-size.ts sizes it
 * from the rows a page held); these row-safe defaults serve other callers.
 */
const HOURLY_BUCKETS_PER_PAGE = 6;
const DAILY_USAGE_BUCKETS_PER_PAGE = 7;
const COST_BUCKETS_PER_PAGE = 2;

type SdkPage = AbstractPage<unknown>;

export function createAdminApi(opts: CreateAdminApiOptions): AdminApiPort {
  const { client, requestCount } = createAnthropicClient(opts);
  const org = client.beta.organization;

  function list<R extends ListRoute>(route: R, params: ListRoutes[R]['params'], cursor: string | null) {
    const after = cursor ?? undefined;
    const p = params as Record<string, unknown>;
    switch (route) {
      case 'users':
        return pages(
          `GET ${ORG}/users`,
          () => org.users.list({ limit: PAGE_LIMIT, after_id: after }),
          S.pageSchema(S.UserSchema),
          pageCursor,
        );
      case 'invites':
        return pages(
          `GET ${ORG}/invites`,
          () => org.invites.list({ limit: PAGE_LIMIT, after_id: after }),
          S.pageSchema(S.InviteSchema),
          pageCursor,
        );
      case 'workspaces':
        return pages(
          `GET ${ORG}/workspaces`,
          () =>
            org.workspaces.list({
              limit: PAGE_LIMIT,
              after_id: after,
              include_archived: p['includeArchived'] === true,
              include_default: p['includeDefault'] === true,
            }),
          S.pageSchema(S.WorkspaceSchema),
          pageCursor,
        );
      case 'workspace_members': {
        const ws = String(p['workspaceId']);
        return pages(
          `GET ${ORG}/workspaces/${ws}/members`,
          () => org.workspaces.members.list(ws, { limit: PAGE_LIMIT, after_id: after }),
          S.pageSchema(S.WorkspaceMemberSchema),
          pageCursor,
        );
      }
      case 'api_keys':
        return pages(
          `GET ${ORG}/api_keys`,
          () => org.apiKeys.list({ limit: PAGE_LIMIT, after_id: after }),
          S.pageSchema(S.ApiKeySchema),
          pageCursor,
        );
      case 'rate_limits':
        return pages(
          `GET ${ORG}/rate_limits`,
          () => org.rateLimits.list(pageParam(cursor)),
          S.pageCursorSchema(S.RateLimitSchema),
          nextPage,
        );
      case 'workspace_rate_limits': {
        const ws = String(p['workspaceId']);
        return pages(
          `GET ${ORG}/workspaces/${ws}/rate_limits`,
          () => org.workspaces.rateLimits.list(ws, pageParam(cursor)),
          S.pageCursorSchema(S.WorkspaceRateLimitSchema),
          nextPage,
        );
      }
      case 'spend_limits_effective':
        return pages(
          `GET ${ORG}/spend_limits/effective`,
          () => org.spendLimits.effective.list(pageParam(cursor)),
          S.pageCursorSchema(S.EffectiveSpendSchema),
          nextPage,
        );
      case 'spend_limits':
        return pages(
          `GET ${ORG}/spend_limits`,
          () => org.spendLimits.list(pageParam(cursor)),
          S.pageCursorSchema(S.SpendLimitSchema),
          nextPage,
        );
    }
    throw new Error(`unknown list route ${String(route)}`);
  }

  function report<T>(path: string, query: Record<string, unknown>, cursor: string | null, item: z.ZodType<T>) {
    return pages<T, { data: T[]; has_more: boolean; next_page: string | null }>(
      `GET ${path}`,
      () => client.getAPIList(path, ReportPageCursor, { query: cursor ? { ...query, page: cursor } : query }),
      S.reportPageSchema(item) as z.ZodType<{ data: T[]; has_more: boolean; next_page: string | null }>,
      (body: { next_page: string | null; has_more: boolean }) => (body.has_more ? body.next_page : null),
    );
  }

  return {
    requestCount,
    async organization() {
      const endpoint = `GET ${ORG}/me`;
      try {
        const { data, response } = await org.retrieve().withResponse();
        return validate(S.OrganizationSchema, data, endpoint, response.headers.get('request-id'));
      } catch (e) {
        throw toAdminApiError(e, endpoint);
      }
    },
    list: list as AdminApiPort['list'],
    usageReport(q: UsageReportQuery, cursor: string | null): AsyncIterable<ApiPage<ApiReportBucket<ApiUsageResult>>> {
      const query = {
        starting_at: q.startingAt,
        ending_at: q.endingAt,
        bucket_width: q.bucketWidth,
        group_by: q.groupBy,
      };
      const limit = q.limit ?? (q.bucketWidth === '1h' ? HOURLY_BUCKETS_PER_PAGE : DAILY_USAGE_BUCKETS_PER_PAGE);
      return report(`${ORG}/usage_report/messages`, { ...query, limit }, cursor, S.UsageBucketSchema);
    },
    costReport(q: CostReportQuery, cursor: string | null): AsyncIterable<ApiPage<ApiReportBucket<ApiCostResult>>> {
      const query = {
        starting_at: q.startingAt,
        ending_at: q.endingAt,
        bucket_width: '1d',
        group_by: q.groupBy,
        limit: q.limit ?? COST_BUCKETS_PER_PAGE,
      };
      return report(`${ORG}/cost_report`, query, cursor, S.CostBucketSchema);
    },
    claudeCodeReport(day: string, cursor: string | null): AsyncIterable<ApiPage<ApiClaudeCodeRecord>> {
      return report(
        `${ORG}/usage_report/claude_code`,
        { starting_at: day, limit: 1000 },
        cursor,
        S.ClaudeCodeRecordSchema,
      );
    },
  };
}

/** `page` only when resuming: an empty `page=` is an invalid cursor to the API. */
const pageParam = (cursor: string | null): { page?: string } => (cursor ? { page: cursor } : {});
const pageCursor = (body: { has_more: boolean; last_id: string | null }): string | null =>
  body.has_more ? body.last_id : null;
const nextPage = (body: { next_page: string | null }): string | null => body.next_page;

/**
 * Walks the SDK's pages with `for await`, validating each raw body. The SDK computes the next request itself
 * (after_id / page); the cursor we report for a page is the one that fetches the page after it, so a resumed sync
 * can start exactly there.
 */
async function* pages<T, B extends { data: T[] }>(
  endpoint: string,
  start: () => { iterPages(): AsyncGenerator<SdkPage> } | Promise<SdkPage>,
  schema: z.ZodType<B>,
  cursorOf: (body: B) => string | null,
): AsyncGenerator<ApiPage<T>> {
  try {
    const first = start();
    const iterable: AsyncIterable<SdkPage> = 'iterPages' in first ? first.iterPages() : (await first).iterPages();
    for await (const page of iterable) {
      const raw = page as unknown as { body: unknown; response: Response };
      const requestId = raw.response?.headers?.get('request-id') ?? null;
      const body = validate(schema, raw.body, endpoint, requestId);
      releaseRawItems(page);
      yield { items: body.data, nextCursor: cursorOf(body), requestId };
    }
  } catch (e) {
    throw toAdminApiError(e, endpoint);
  }
}

/**
 * The SDK keeps each page object (its parsed body and `data`) until the next page arrives, since it asks for that
 * page from it. A report page (ReportPageCursor) reads only `next_page` and `has_more` for that; its items were
 * copied by validation, so the raw ones are dropped here: at a report page of 8,000 rows, tens of megabytes a
 * page that would otherwise stay alive while the next one is read.
 */
function releaseRawItems(page: SdkPage): void {
  // Only report pages: the list pages' hasNextPage() also asks whether the page had items.
  if (!(page instanceof ReportPageCursor)) return;
  const raw = page as unknown as { body?: { data?: unknown }; data?: unknown };
  if (raw.body && typeof raw.body === 'object' && Array.isArray(raw.body.data)) raw.body.data = [];
  if (Array.isArray(raw.data)) raw.data = [];
}

function validate<T>(schema: z.ZodType<T>, body: unknown, endpoint: string, requestId: string | null): T {
  const parsed = schema.safeParse(body);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const where = issue ? `${issue.path.join('.') || '(body)'}: ${issue.message}` : 'invalid body';
  throw new AdminApiError('malformed', `response failed validation at ${where}`, endpoint, null, requestId);
}
