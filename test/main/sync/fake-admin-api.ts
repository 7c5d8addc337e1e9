/**
 * A scriptable AdminApiPort double built from admin-api.md shapes, for engine rule tests that need exact control
 * over failures (the sandbox is used for everything else).
 */
import { AdminApiError } from '../../../main/core/api-error';
import type { ApiOrganization } from '../../../main/core/api-types';
import type { AdminApiPort, ApiPage, ListRoute, UsageReportQuery, CostReportQuery } from '../../../main/core/ports';

export type Failure = AdminApiError | null;
export interface Call {
  what: string;
  cursor: string | null;
  query?: unknown;
}

export class FakeAdminApi implements AdminApiPort {
  calls: Call[] = [];
  org: ApiOrganization = { id: 'org_1', name: 'Acme' };
  lists: Partial<Record<ListRoute, unknown[][]>> = {
    users: [[{ id: 'user_1', email: 'a@example.com', name: 'Ann', role: 'admin', added_at: '2026-01-01T00:00:00Z' }]],
    workspaces: [[{ id: 'wrkspc_1', name: 'Prod', created_at: '2026-01-01T00:00:00Z', archived_at: null }]],
    api_keys: [[]],
    invites: [[]],
    workspace_members: [[]],
    rate_limits: [[]],
    workspace_rate_limits: [[]],
    spend_limits: [[]],
  };
  /** Bucket pages per report: each page is a list of buckets. */
  usagePages: unknown[][] = [[]];
  costPages: unknown[][] = [[]];
  /** Calls (by `what`) whose pages after the first hand back the cursor they were asked with: paging never advances. */
  repeatCursor = new Set<string>();
  /** Return a failure to throw for a call (inspect `this.calls` for the call count). */
  fail: (call: Call) => Failure = () => null;

  requestCount(): number {
    return this.calls.length;
  }

  private record(call: Call): void {
    this.calls.push(call);
    const failure = this.fail(call);
    if (failure) throw failure;
  }

  async organization(): Promise<ApiOrganization> {
    this.record({ what: 'organization', cursor: null });
    return this.org;
  }

  list<R extends ListRoute>(route: R, _params: unknown, cursor: string | null): AsyncIterable<ApiPage<never>> {
    const pages = this.lists[route] ?? [[]];
    return this.paged(route, pages, cursor);
  }

  usageReport(q: UsageReportQuery, cursor: string | null): AsyncIterable<ApiPage<never>> {
    return this.paged(`usage_${q.bucketWidth}`, this.usagePages, cursor, q);
  }

  costReport(q: CostReportQuery, cursor: string | null): AsyncIterable<ApiPage<never>> {
    return this.paged('cost', this.costPages, cursor, q);
  }

  claudeCodeReport(day: string, cursor: string | null): AsyncIterable<ApiPage<never>> {
    return this.paged('claude_code', [[]], cursor, day);
  }

  /** Pages addressed by index; the cursor of page i+1 is "p<i+1>". */
  private async *paged(
    what: string,
    pages: unknown[][],
    cursor: string | null,
    query?: unknown,
  ): AsyncGenerator<ApiPage<never>> {
    let index = cursor ? Number(cursor.slice(1)) : 0;
    for (;;) {
      this.record({ what, cursor: index === 0 ? null : `p${index}`, query });
      const repeat = index > 0 && this.repeatCursor.has(what);
      const next = repeat ? `p${index}` : index + 1 < pages.length ? `p${index + 1}` : null;
      yield { items: (pages[index] ?? []) as never[], nextCursor: next, requestId: `req_${this.calls.length}` };
      if (!next) return;
      if (!repeat) index += 1;
    }
  }
}

export const apiError = (kind: AdminApiError['kind'], status: number | null, endpoint = 'GET /v1/organizations/x') =>
  new AdminApiError(kind, `${kind} (${status ?? '-'})`, endpoint, status, 'req_fail');
