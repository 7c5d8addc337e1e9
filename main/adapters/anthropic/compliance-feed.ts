/**
 * `GET /v1/compliance/activities` (admin-api.md §5) through the official SDK's generic `client.get`: the route is
 * not in SDK 1.12.0. The client is built like the Admin API's (admin-api-sdk.ts): same base-URL check, no ambient
 * auth token, retries on 429/5xx/connection errors, the proxy for the real API, every request counted. Each body
 * is validated before it leaves this file. Only activity metadata is read; no content endpoint is ever called.
 */
import { AdminApiError } from '../../core/api-error';
import type { ComplianceFeedPage, ComplianceFeedPort, ComplianceFeedQuery } from '../../core/audit/compliance-feed';
import { toAdminApiError } from './errors';
import { ComplianceActivityPageSchema } from './compliance-schemas';
import { createAnthropicClient } from './client';

export const COMPLIANCE_ACTIVITIES_PATH = '/v1/compliance/activities';

export interface CreateComplianceFeedOptions {
  apiKey: string;
  baseURL: string;
  /** SDK retries per request. Default 3. */
  maxRetries?: number;
  /** Per-request timeout in ms. Default 60 s. */
  timeoutMs?: number;
  /** Where HTTPS_PROXY / HTTP_PROXY / NO_PROXY are read from (default: process.env). */
  env?: Record<string, string | undefined>;
  /** The transport (default: global fetch, or the proxy for the real API); tests pass a recording one. */
  fetch?: typeof fetch;
}

export function createComplianceFeed(opts: CreateComplianceFeedOptions): ComplianceFeedPort {
  const { client, requestCount } = createAnthropicClient(opts);
  const endpoint = `GET ${COMPLIANCE_ACTIVITIES_PATH}`;

  return {
    requestCount,
    async page(query: ComplianceFeedQuery): Promise<ComplianceFeedPage> {
      const params: Record<string, string | number> = { limit: query.limit };
      if (query.afterId !== undefined) params.after_id = query.afterId;
      // The feed documents dotted time filters (`created_at.gte=`), not the SDK's bracketed nesting.
      if (query.createdAtGteMs !== undefined) params['created_at.gte'] = new Date(query.createdAtGteMs).toISOString();
      let body: unknown;
      let requestId: string | null;
      try {
        const { data, response } = await client.get(COMPLIANCE_ACTIVITIES_PATH, { query: params }).withResponse();
        body = data;
        requestId = response.headers.get('request-id');
      } catch (e) {
        throw toAdminApiError(e, endpoint);
      }
      const parsed = ComplianceActivityPageSchema.safeParse(body);
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        const where = issue ? `${issue.path.join('.') || '(body)'}: ${issue.message}` : 'invalid body';
        throw new AdminApiError('malformed', `response failed validation at ${where}`, endpoint, null, requestId);
      }
      return {
        activities: parsed.data.data,
        hasMore: parsed.data.has_more,
        firstId: parsed.data.first_id,
        lastId: parsed.data.last_id,
        requestId,
      };
    },
  };
}
