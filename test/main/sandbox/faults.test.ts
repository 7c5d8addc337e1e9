// Fault injection as the SDK experiences it: 429 + retry-after, 5xx/529, resets, bad bodies, latency,
// every n-th and seeded-probability rules, and the faults file.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import Anthropic from '@anthropic-ai/sdk';
import { loadFaultsFile, startSandbox, type FaultRule, type RunningSandbox } from '../../../main/sandbox';
import * as api from '../../fixtures/admin-api/schemas';
import { sdkFor } from './sdk-client';

let sandbox: RunningSandbox | undefined;
afterEach(async () => {
  await sandbox?.close();
  sandbox = undefined;
});

async function withFaults(faults: FaultRule[]): Promise<RunningSandbox> {
  sandbox = await startSandbox({ faults, seededEvents: false });
  return sandbox;
}

async function control(sb: RunningSandbox, method: string, path: string, body?: unknown) {
  const res = await fetch(`${sb.controlUrl}${path}`, {
    method,
    headers: { authorization: `Bearer ${sb.controlToken}`, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

describe('429 and retries', () => {
  it('a 429 with retry-after: 1 makes the SDK (default retries) wait about a second and succeed', async () => {
    const sb = await withFaults([{ route: '/v1/organizations/me', status: 429, retryAfterSeconds: 1, times: 1 }]);
    const client = new Anthropic({ apiKey: sb.adminKey, baseURL: sb.url });
    const started = Date.now();
    const me = await client.beta.organization.retrieve();
    expect(api.organization.parse(me).id).toBe(sb.model.org.id);
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
    const log = (await control(sb, 'GET', '/requests')).body.requests as Array<{ status: number }>;
    expect(log.map((r) => r.status)).toEqual([429, 200]);
  });

  it('sends retry-after-ms, or no retry header at all, as configured', async () => {
    const sb = await withFaults([
      { route: '/v1/organizations/users', status: 429, retryAfterMs: 250 },
      { route: '/v1/organizations/workspaces', status: 429 },
    ]);
    const h = { 'x-api-key': sb.adminKey, 'anthropic-version': '2023-06-01' };
    const a = await fetch(`${sb.url}/v1/organizations/users`, { headers: h });
    expect(a.status).toBe(429);
    expect(a.headers.get('retry-after-ms')).toBe('250');
    expect(a.headers.get('retry-after')).toBeNull();
    expect(api.errorBody.parse(await a.json()).error.type).toBe('rate_limit_error');
    const b = await fetch(`${sb.url}/v1/organizations/workspaces`, { headers: h });
    expect(b.status).toBe(429);
    expect(b.headers.get('retry-after')).toBeNull();
    expect(b.headers.get('retry-after-ms')).toBeNull();
    expect(b.headers.get('request-id')).toMatch(/^req_/);
  });
});

describe('server errors', () => {
  it.each([
    [500, Anthropic.InternalServerError, 'api_error'],
    [503, Anthropic.InternalServerError, 'api_error'],
    [529, Anthropic.InternalServerError, 'overloaded_error'],
  ])('status %i surfaces as the SDK error with the documented body', async (status, cls, type) => {
    const sb = await withFaults([{ route: '/v1/organizations/users*', status }]);
    const err = await sdkFor(sb)
      .beta.organization.users.list()
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(cls);
    expect((err as InstanceType<typeof Anthropic.APIError>).status).toBe(status);
    expect((err as { error: unknown }).error).toMatchObject({ type: 'error', error: { type } });
  });
});

describe('error codes and retry hints', () => {
  it('a 409 concurrent_membership_change carries its error_code, and x-should-retry: false stops SDK retries', async () => {
    const sb = await withFaults([
      { route: '/v1/organizations/users', status: 409, errorCode: 'concurrent_membership_change', shouldRetry: false },
    ]);
    const err = await new Anthropic({ apiKey: sb.adminKey, baseURL: sb.url }).beta.organization.users
      .list()
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(Anthropic.ConflictError);
    expect((err as { error: unknown }).error).toMatchObject({
      error: { type: 'conflict_error', details: { error_code: 'concurrent_membership_change' } },
    });
    const log = (await control(sb, 'GET', '/requests')).body.requests as unknown[];
    expect(log).toHaveLength(1); // not retried
  });
});

describe('broken connections and bodies', () => {
  it('a connection reset mid-response surfaces as the SDK APIConnectionError', async () => {
    const sb = await withFaults([{ route: '/v1/organizations/api_keys', reset: true }]);
    const err = await sdkFor(sb)
      .beta.organization.apiKeys.list()
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(Anthropic.APIConnectionError);
  });

  it('a reset inside the body: SDK 1.17 retries it, then raises APIConnectionError with the cause (admin-api.md §8)', async () => {
    const sb = await withFaults([{ route: '/v1/organizations/api_keys', reset: 'body' }]);
    const err = await sdkFor(sb)
      .beta.organization.apiKeys.list()
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(Anthropic.APIConnectionError);
    expect((err as Error).cause).toBeInstanceOf(TypeError);
  });

  it('a reset inside the body once: the SDK retries and succeeds', async () => {
    const sb = await withFaults([{ route: '/v1/organizations/api_keys', reset: 'body', times: 1 }]);
    const client = new Anthropic({ apiKey: sb.adminKey, baseURL: sb.url, maxRetries: 1 });
    const page = await client.beta.organization.apiKeys.list();
    expect(page.data.length).toBeGreaterThan(0);
    const log = (await control(sb, 'GET', '/requests')).body.requests as Array<{ status: number }>;
    expect(log.map((r) => r.status)).toEqual([0, 200]);
  });

  it('with default retries the SDK retries a reset and succeeds once the fault is spent', async () => {
    const sb = await withFaults([{ route: '/v1/organizations/me', reset: true, times: 1 }]);
    const me = await new Anthropic({ apiKey: sb.adminKey, baseURL: sb.url }).beta.organization.retrieve();
    expect(me.id).toBe(sb.model.org.id);
  });

  it.each(['truncated', 'malformed'] as const)(
    'a %s body makes the SDK fail instead of returning data',
    async (body) => {
      const sb = await withFaults([{ route: '/v1/organizations/me', body }]);
      await expect(sdkFor(sb).beta.organization.retrieve()).rejects.toBeTruthy();
    },
  );

  it('adds latency without changing the answer', async () => {
    const sb = await withFaults([{ route: '/v1/organizations/me', latencyMs: 300 }]);
    const started = Date.now();
    await sdkFor(sb).beta.organization.retrieve();
    expect(Date.now() - started).toBeGreaterThanOrEqual(280);
  });
});

describe('rule selection', () => {
  it('fires on every n-th matching request only, for the matching method and route', async () => {
    const sb = await withFaults([{ route: '/v1/organizations/users', method: 'GET', every: 3, status: 500 }]);
    const h = { 'x-api-key': sb.adminKey, 'anthropic-version': '2023-06-01' };
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) statuses.push((await fetch(`${sb.url}/v1/organizations/users`, { headers: h })).status);
    expect(statuses).toEqual([200, 200, 500, 200, 200, 500]);
    expect((await fetch(`${sb.url}/v1/organizations/me`, { headers: h })).status).toBe(200);
  });

  it('fires with a seeded probability: the same seed gives the same sequence', async () => {
    const run = async () => {
      const sb = await startSandbox({
        seed: 3,
        faults: [{ route: '/v1/organizations/me', probability: 0.5, status: 503 }],
      });
      const h = { 'x-api-key': sb.adminKey, 'anthropic-version': '2023-06-01' };
      const out: number[] = [];
      for (let i = 0; i < 20; i++) out.push((await fetch(`${sb.url}/v1/organizations/me`, { headers: h })).status);
      await sb.close();
      return out;
    };
    const a = await run();
    expect(a).toEqual(await run());
    expect(a).toContain(503);
    expect(a).toContain(200);
  });

  it('rules can be replaced and cleared through the control API', async () => {
    const sb = await withFaults([]);
    const set = await control(sb, 'POST', '/faults', { rules: [{ route: '/v1/organizations/me', status: 500 }] });
    expect(set.status).toBe(200);
    await expect(sdkFor(sb).beta.organization.retrieve()).rejects.toBeInstanceOf(Anthropic.InternalServerError);
    expect(((await control(sb, 'GET', '/faults')).body.rules as Array<{ fired: number }>)[0]!.fired).toBe(1);
    await control(sb, 'DELETE', '/faults');
    await expect(sdkFor(sb).beta.organization.retrieve()).resolves.toBeTruthy();
    expect((await control(sb, 'POST', '/faults', { rules: [{ status: 'soon' }] })).status).toBe(400);
  });
});

describe('faults file', () => {
  it('loads a JSON array of rules and rejects an invalid one with a readable message', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sandbox-faults-'));
    const good = join(dir, 'good.json');
    writeFileSync(
      good,
      JSON.stringify([{ route: '/v1/organizations/users*', every: 2, status: 429, retryAfterSeconds: 1 }]),
    );
    expect(loadFaultsFile(good)).toEqual([
      { route: '/v1/organizations/users*', every: 2, status: 429, retryAfterSeconds: 1 },
    ]);
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, JSON.stringify([{ route: 1 }]));
    expect(() => loadFaultsFile(bad)).toThrow(/invalid faults file/);
  });
});

describe('cursor faults', () => {
  const headers = (sb: RunningSandbox) => ({ 'x-api-key': sb.adminKey, 'anthropic-version': '2023-06-01' });

  it('"reject-once" refuses the first request that carries a cursor with a 400 on page, then answers normally', async () => {
    const sb = await withFaults([{ route: '/v1/organizations/users', cursor: 'reject-once' }]);
    const first = await fetch(`${sb.url}/v1/organizations/users?limit=2`, { headers: headers(sb) });
    expect(first.status).toBe(200); // no cursor: the rule does not match
    const { last_id } = api.pageOf(api.user).parse(await first.json());
    const rejected = await fetch(`${sb.url}/v1/organizations/users?limit=2&after_id=${last_id}`, {
      headers: headers(sb),
    });
    expect(rejected.status).toBe(400);
    const body = api.errorBody.parse(await rejected.json());
    expect(body.error).toMatchObject({ type: 'invalid_request_error', message: 'page: invalid page cursor' });
    const again = await fetch(`${sb.url}/v1/organizations/users?limit=2&after_id=${last_id}`, { headers: headers(sb) });
    expect(again.status).toBe(200);
    const log = (await control(sb, 'GET', '/requests')).body.requests as Array<{ status: number; fault?: string }>;
    expect(log.map((r) => r.fault ?? null)).toEqual([null, 'cursor reject-once', null]);
  });

  it('"repeat" hands back the request\'s own cursor as the next one (report next_page, Page last_id)', async () => {
    const sb = await withFaults([
      { route: '/v1/organizations/cost_report', cursor: 'repeat' },
      { route: '/v1/organizations/users', cursor: 'repeat' },
    ]);
    const report = `${sb.url}/v1/organizations/cost_report?starting_at=2026-11-01T00:00:00Z&ending_at=2026-11-10T00:00:00Z&limit=2`;
    const first = (await (await fetch(report, { headers: headers(sb) })).json()) as {
      next_page: string;
      has_more: boolean;
    };
    expect(first.has_more).toBe(true);
    const second = (await (await fetch(`${report}&page=${first.next_page}`, { headers: headers(sb) })).json()) as {
      next_page: string;
      data: Array<{ starting_at: string }>;
    };
    expect(second.next_page).toBe(first.next_page);
    const third = (await (await fetch(`${report}&page=${second.next_page}`, { headers: headers(sb) })).json()) as {
      data: Array<{ starting_at: string }>;
    };
    expect(third.data.map((b) => b.starting_at)).toEqual(second.data.map((b) => b.starting_at));

    const users = await fetch(`${sb.url}/v1/organizations/users?limit=2`, { headers: headers(sb) });
    const page1 = api.pageOf(api.user).parse(await users.json());
    const page2 = api
      .pageOf(api.user)
      .parse(
        await (
          await fetch(`${sb.url}/v1/organizations/users?limit=2&after_id=${page1.last_id}`, { headers: headers(sb) })
        ).json(),
      );
    expect(page2).toMatchObject({ last_id: page1.last_id, has_more: true });
  });
});
