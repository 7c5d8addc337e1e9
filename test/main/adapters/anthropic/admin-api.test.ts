import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createAdminApi } from '../../../../main/adapters/anthropic/admin-api';
import { AdminApiError } from '../../../../main/core/api-error';

type Handler = (req: IncomingMessage) => { status?: number; body: unknown; headers?: Record<string, string> };
let server: Server | null = null;
const seen: IncomingMessage[] = [];

async function serve(handler: Handler): Promise<string> {
  server = createServer((req, res) => {
    seen.push(req);
    const { status = 200, body, headers = {} } = handler(req);
    res.writeHead(status, { 'content-type': 'application/json', 'request-id': `req_${seen.length}`, ...headers });
    res.end(typeof body === 'string' ? body : JSON.stringify(body));
  });
  await new Promise<void>((r) => server!.listen(0, '127.0.0.1', () => r()));
  return `http://127.0.0.1:${(server!.address() as AddressInfo).port}`;
}
afterEach(async () => {
  seen.length = 0;
  await new Promise<void>((r) => (server ? server.close(() => r()) : r()));
  server = null;
});

const KEY = 'sk-ant-admin01-TESTTESTTESTTEST';
async function collect<T>(it: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const x of it) out.push(x);
  return out;
}

// Objects as admin-api.md §3.6 documents them: the current shape and the legacy one.
const newKey = {
  id: 'apikey_01',
  type: 'api_key',
  name: 'prod',
  status: 'active',
  created_at: '2026-01-01T00:00:00Z',
  expires_at: null,
  partial_key_hint: 'sk-ant-api03-R2D...igAA',
  created_by: { id: 'user_01', type: 'user' },
  principal: null,
  scope: { type: 'workspace', workspace_id: 'wrkspc_01' },
};
const legacyKey = {
  id: 'apikey_02',
  type: 'api_key',
  name: 'old',
  status: 'inactive',
  created_at: '2025-01-01T00:00:00Z',
  created_by: { id: 'user_01', type: 'user' },
  workspace_id: null,
  partial_key_hint: 'sk-ant-api03-abc...wxyz',
};

describe('createAdminApi', () => {
  it('refuses a base URL that is not the API or loopback', () => {
    expect(() => createAdminApi({ apiKey: KEY, baseURL: 'https://evil.example' })).toThrow(/refusing base URL/);
  });

  it('pages with after_id through the SDK, validates both key shapes and counts requests', async () => {
    const url = await serve((req) => {
      const after = new URL(req.url!, 'http://x').searchParams.get('after_id');
      return after
        ? { body: { data: [legacyKey], has_more: false, first_id: 'apikey_02', last_id: 'apikey_02' } }
        : { body: { data: [newKey], has_more: true, first_id: 'apikey_01', last_id: 'apikey_01' } };
    });
    const api = createAdminApi({ apiKey: KEY, baseURL: url, maxRetries: 0 });
    const pages = await collect(api.list('api_keys', {}, null));
    expect(pages.map((p) => p.items.map((k) => k.id))).toEqual([['apikey_01'], ['apikey_02']]);
    expect(pages.map((p) => p.nextCursor)).toEqual(['apikey_01', null]);
    expect(pages[1]!.items[0]!.workspace_id).toBeNull();
    expect(api.requestCount()).toBe(2);
    expect(seen[0]!.headers.authorization).toBe(`Bearer ${KEY}`);
    expect(seen[1]!.url).toContain('after_id=apikey_01');
  });

  it('resumes a list from a stored cursor', async () => {
    const url = await serve(() => ({
      body: { data: [legacyKey], has_more: false, first_id: null, last_id: 'apikey_02' },
    }));
    const api = createAdminApi({ apiKey: KEY, baseURL: url, maxRetries: 0 });
    await collect(api.list('api_keys', {}, 'apikey_01'));
    expect(seen[0]!.url).toContain('after_id=apikey_01');
  });

  it('rejects a malformed page with the endpoint and the request id, and yields nothing from it', async () => {
    const url = await serve(() => ({
      body: { data: [{ id: 'user_1', email: 'a@b.c' }], has_more: false, last_id: 'user_1' },
    }));
    const api = createAdminApi({ apiKey: KEY, baseURL: url, maxRetries: 0 });
    const got: unknown[] = [];
    const error = await (async () => {
      try {
        for await (const p of api.list('users', {}, null)) got.push(p);
      } catch (e) {
        return e;
      }
    })();
    expect(got).toEqual([]);
    expect(error).toBeInstanceOf(AdminApiError);
    expect(error).toMatchObject({ kind: 'malformed', endpoint: 'GET /v1/organizations/users', requestId: 'req_1' });
  });

  it('maps a truncated body to malformed and API errors to kinds with status and request id', async () => {
    let mode: 'truncated' | '401' | '404' = 'truncated';
    const url = await serve(() =>
      mode === 'truncated'
        ? { body: '{"id":"org_1","na' }
        : {
            status: Number(mode),
            body: {
              type: 'error',
              error: { type: 'authentication_error', message: 'invalid x-api-key' },
              request_id: 'req_e',
            },
          },
    );
    const api = createAdminApi({ apiKey: KEY, baseURL: url, maxRetries: 0 });
    await expect(api.organization()).rejects.toMatchObject({ kind: 'malformed', endpoint: 'GET /v1/organizations/me' });
    mode = '401';
    await expect(api.organization()).rejects.toMatchObject({
      kind: 'unauthorized',
      status: 401,
      message: 'invalid x-api-key',
    });
    mode = '404';
    await expect(collect(api.list('spend_limits', {}, null))).rejects.toMatchObject({ kind: 'not_found', status: 404 });
  });

  it('sends classic report queries with group_by[] and the cursor as page=', async () => {
    const url = await serve(() => ({
      body: {
        data: [
          {
            starting_at: '2026-01-01T00:00:00Z',
            ending_at: '2026-01-02T00:00:00Z',
            results: [{ amount: '123.78912', currency: 'USD', workspace_id: null, description: null }],
          },
        ],
        has_more: false,
        next_page: null,
      },
    }));
    const api = createAdminApi({ apiKey: KEY, baseURL: url, maxRetries: 0 });
    const pages = await collect(
      api.costReport(
        {
          startingAt: '2026-01-01T00:00:00Z',
          endingAt: '2026-01-02T00:00:00Z',
          groupBy: ['workspace_id', 'description'],
        },
        'page_abc',
      ),
    );
    expect(pages[0]!.items[0]!.results[0]!.amount).toBe('123.78912');
    const q = new URL(seen[0]!.url!, 'http://x').searchParams;
    expect(q.getAll('group_by[]')).toEqual(['workspace_id', 'description']);
    expect(q.get('page')).toBe('page_abc');
    expect(q.get('ending_at')).toBe('2026-01-02T00:00:00Z');
  });
});

describe('retryAfterMs', () => {
  it('reads retry-after-ms first, then retry-after as seconds or an HTTP date', async () => {
    const { retryAfterMs } = await import('../../../../main/adapters/anthropic/errors');
    expect(retryAfterMs(new Headers({ 'retry-after-ms': '250', 'retry-after': '9' }), 0)).toBe(250);
    expect(retryAfterMs(new Headers({ 'retry-after': '3' }), 0)).toBe(3000);
    expect(
      retryAfterMs(new Headers({ 'retry-after': 'Wed, 21 Oct 2026 07:28:10 GMT' }), Date.parse('2026-10-21T07:28:00Z')),
    ).toBe(10_000);
    expect(retryAfterMs(new Headers({}), 0)).toBeNull();
  });
});
