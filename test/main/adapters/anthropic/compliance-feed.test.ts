/**
 * The Compliance activity feed adapter (admin-api.md §5), over a recording fetch that answers with documented
 * shapes: the query it sends, the page it returns, the errors it maps, the bodies it refuses.
 */
import { describe, expect, it } from 'vitest';
import { createComplianceFeed } from '../../../../main/adapters/anthropic/compliance-feed';
import { AdminApiError } from '../../../../main/core/api-error';

const KEY = 'sk-ant-admin01-TESTcompliancefeedadapterxxxxxxxxxxxxxxxxxxxxxxx-TESTAA';

/** A documented activity: user actor, key updated with its `updates`. */
const activity = {
  id: 'activity_01abc',
  created_at: '2026-11-20T10:00:00Z',
  organization_id: 'org_compliance_1',
  organization_uuid: '11111111-2222-3333-4444-555555555555',
  type: 'platform_api_key_updated',
  actor: {
    type: 'user_actor',
    email_address: 'ada@example.com',
    user_id: 'user_01',
    ip_address: '203.0.113.9',
    user_agent: 'Mozilla/5.0',
  },
  api_key_id: 'apikey_01',
  updates: { name: { previous: 'a', current: 'b' } },
};

function recordingFetch(answer: (url: URL) => { status: number; body: unknown }) {
  const calls: Array<{ url: URL; headers: Headers }> = [];
  const fetchFn: typeof fetch = async (input, init) => {
    const url = new URL(typeof input === 'string' ? input : input instanceof URL ? input.href : input.url);
    calls.push({ url, headers: new Headers(init?.headers) });
    const { status, body } = answer(url);
    return new Response(JSON.stringify(body), {
      status,
      headers: { 'content-type': 'application/json', 'request-id': 'req_test_1' },
    });
  };
  return { calls, fetchFn };
}

const feed = (fetchFn: typeof fetch) =>
  createComplianceFeed({ apiKey: KEY, baseURL: 'http://127.0.0.1:9', maxRetries: 0, fetch: fetchFn });

describe('compliance feed adapter', () => {
  it('asks GET /v1/compliance/activities with limit, after_id and the dotted created_at.gte, and returns the validated page', async () => {
    const { calls, fetchFn } = recordingFetch(() => ({
      status: 200,
      body: { data: [activity], has_more: true, first_id: activity.id, last_id: activity.id },
    }));
    const port = feed(fetchFn);
    const gte = Date.parse('2026-11-19T09:00:00Z');
    const page = await port.page({ afterId: 'activity_00zz', createdAtGteMs: gte, limit: 500 });
    expect(calls).toHaveLength(1);
    const { url, headers } = calls[0]!;
    expect(url.pathname).toBe('/v1/compliance/activities');
    expect(url.searchParams.get('limit')).toBe('500');
    expect(url.searchParams.get('after_id')).toBe('activity_00zz');
    expect(url.searchParams.get('created_at.gte')).toBe('2026-11-19T09:00:00.000Z');
    expect(url.searchParams.has('before_id')).toBe(false);
    expect(headers.get('x-api-key') ?? headers.get('authorization')).toContain(KEY);
    expect(page).toEqual({
      activities: [activity],
      hasMore: true,
      firstId: activity.id,
      lastId: activity.id,
      requestId: 'req_test_1',
    });
    // Type-specific fields survive validation (they are what the trail shows).
    expect(page.activities[0]).toMatchObject({ api_key_id: 'apikey_01', updates: { name: { current: 'b' } } });
    expect(port.requestCount()).toBe(1);
  });

  it('maps a 403 "not enabled" to a forbidden AdminApiError with the API message and request id', async () => {
    const { fetchFn } = recordingFetch(() => ({
      status: 403,
      body: {
        type: 'error',
        error: { type: 'permission_error', message: 'The Compliance API is not enabled for this organization.' },
        request_id: 'req_test_1',
      },
    }));
    const error = await feed(fetchFn)
      .page({ limit: 10 })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AdminApiError);
    expect(error).toMatchObject({
      kind: 'forbidden',
      status: 403,
      endpoint: 'GET /v1/compliance/activities',
      message: expect.stringMatching(/not enabled/),
    });
  });

  it('maps 401 and 404 by status', async () => {
    for (const [status, kind] of [
      [401, 'unauthorized'],
      [404, 'not_found'],
      [500, 'server'],
    ] as const) {
      const { fetchFn } = recordingFetch(() => ({
        status,
        body: { type: 'error', error: { type: 'x', message: 'no' } },
      }));
      await expect(feed(fetchFn).page({ limit: 10 })).rejects.toMatchObject({ kind, status });
    }
  });

  it('refuses a page without the envelope fields as malformed, naming where', async () => {
    const { fetchFn } = recordingFetch(() => ({
      status: 200,
      body: { data: [{ ...activity, created_at: 'yesterday' }], has_more: false, first_id: null, last_id: null },
    }));
    await expect(feed(fetchFn).page({ limit: 10 })).rejects.toMatchObject({
      kind: 'malformed',
      message: expect.stringMatching(/data\.0\.created_at/),
    });
    const noCursor = recordingFetch(() => ({
      status: 200,
      body: { data: [], has_more: true, first_id: null, last_id: null },
    }));
    await expect(feed(noCursor.fetchFn).page({ limit: 10 })).rejects.toMatchObject({ kind: 'malformed' });
  });

  it('refuses a base URL that is neither the API nor a loopback sandbox', () => {
    expect(() => createComplianceFeed({ apiKey: KEY, baseURL: 'http://10.0.0.5:8080' })).toThrow(/refusing base URL/);
  });
});
