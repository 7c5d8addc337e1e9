// Filters of the Page lists and the demo org's documented features (admin-api.md §3.2–3.6).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type Anthropic from '@anthropic-ai/sdk';
import { startSandbox, type RunningSandbox } from '../../../main/sandbox';
import * as api from '../../fixtures/admin-api/schemas';
import { all, FIXED_NOW, rawGet, sdkFor, startFrozen } from './sdk-client';

let sandbox: RunningSandbox;
let client: Anthropic;
beforeAll(async () => {
  sandbox = await startFrozen({ seed: 3 });
  client = sdkFor(sandbox);
});
afterAll(() => sandbox.close());

describe('users', () => {
  it('filters by email (case-insensitive) and by roles[] (OR)', async () => {
    const users = await all(client.beta.organization.users.list({ limit: 100 }));
    const target = users[3]!;
    const byEmail = await all(client.beta.organization.users.list({ email: target.email.toUpperCase() }));
    expect(byEmail.map((u) => u.id)).toEqual([target.id]);
    const devsOrBilling = await all(client.beta.organization.users.list({ roles: ['developer', 'billing'] }));
    expect(devsOrBilling.length).toBe(users.filter((u) => u.role === 'developer' || u.role === 'billing').length);
    expect(devsOrBilling.every((u) => u.role === 'developer' || u.role === 'billing')).toBe(true);
  });
});

describe('workspaces', () => {
  it('hides archived and default unless asked; the default workspace has a real wrkspc_ id', async () => {
    const plain = await all(client.beta.organization.workspaces.list());
    const withArchived = await all(client.beta.organization.workspaces.list({ include_archived: true }));
    const withDefault = await all(client.beta.organization.workspaces.list({ include_default: true }));
    expect(plain.some((w) => w.archived_at !== null)).toBe(false);
    expect(withArchived.filter((w) => w.archived_at !== null).map((w) => w.name)).toContain('Hackathon 2025');
    const extra = withDefault.filter((w) => !plain.some((p) => p.id === w.id));
    expect(extra).toHaveLength(1);
    expect(extra[0]!.id).toMatch(/^wrkspc_/);
    expect(plain.map((w) => w.name)).toEqual(expect.arrayContaining(['Production', 'Staging', 'Development']));
  });
});

describe('api keys', () => {
  it('filters by status, workspace_id and created_by_user_id', async () => {
    const keys = await all(client.beta.organization.apiKeys.list({ limit: 1000 }));
    for (const status of ['active', 'inactive', 'archived', 'expired'] as const) {
      const filtered = await all(client.beta.organization.apiKeys.list({ status }));
      expect(filtered.length).toBe(keys.filter((k) => k.status === status).length);
      expect(filtered.length).toBeGreaterThan(0);
    }
    const ws = keys.find((k) => k.scope.type === 'workspace')!.scope as { workspace_id: string };
    const inWs = await all(client.beta.organization.apiKeys.list({ workspace_id: ws.workspace_id }));
    expect(inWs.every((k) => k.scope.type === 'workspace' && k.scope.workspace_id === ws.workspace_id)).toBe(true);
    const creator = keys.find((k) => k.created_by?.type === 'user')!.created_by!.id;
    const byCreator = await all(client.beta.organization.apiKeys.list({ created_by_user_id: creator }));
    expect(byCreator.length).toBe(keys.filter((k) => k.created_by?.id === creator).length);
  });

  it('has the demo features: bad names, expiring soon, created by a removed user, org-scoped and legacy keys', async () => {
    const keys = await all(client.beta.organization.apiKeys.list({ limit: 1000 }));
    const users = new Set((await all(client.beta.organization.users.list({ limit: 1000 }))).map((u) => u.id));
    expect(keys.map((k) => k.name)).toEqual(expect.arrayContaining(['test', 'asdf', 'New key']));
    const soon = keys.filter(
      (k) =>
        k.status === 'active' &&
        k.expires_at !== null &&
        Date.parse(k.expires_at) - FIXED_NOW.getTime() < 14 * 86_400_000,
    );
    expect(soon.length).toBeGreaterThanOrEqual(2);
    expect(keys.some((k) => k.created_by?.type === 'user' && !users.has(k.created_by.id))).toBe(true);
    expect(keys.some((k) => k.created_by === null)).toBe(true);
    expect(keys.some((k) => k.scope.type === 'organization' && k.principal?.type === 'user_actor')).toBe(true);
  });
});

describe('key shapes', () => {
  it.each([
    ['legacy', api.apiKeyLegacy],
    ['both', api.apiKeyNew.extend({ workspace_id: api.apiKeyLegacy.shape.workspace_id })],
  ] as const)('serves the %s shape', async (keyShape, schema) => {
    const sb = await startSandbox({ keyShape, now: FIXED_NOW });
    try {
      const res = await rawGet(sb, '/v1/organizations/api_keys?limit=1000');
      const page = api.pageOf(schema).parse(res.body);
      // default-workspace keys carry workspace_id null in the legacy field
      expect(page.data.some((k) => (k as { workspace_id: string | null }).workspace_id === null)).toBe(true);
    } finally {
      await sb.close();
    }
  });
});

describe('determinism', () => {
  it('generates the same org from the same seed and a different one from another seed', async () => {
    const a = await startSandbox({ seed: 11, now: FIXED_NOW });
    const b = await startSandbox({ seed: 11, now: FIXED_NOW });
    const c = await startSandbox({ seed: 12, now: FIXED_NOW });
    try {
      const list = async (sb: RunningSandbox) => (await rawGet(sb, '/v1/organizations/api_keys?limit=1000')).body;
      expect(await list(a)).toEqual(await list(b));
      expect(await list(a)).not.toEqual(await list(c));
    } finally {
      await Promise.all([a.close(), b.close(), c.close()]);
    }
  });
});
