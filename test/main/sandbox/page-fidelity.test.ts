// Every Page list returns each item exactly once at limit 1, 7 and 1000, forwards and backwards,
// and every item matches the documented shape (schemas written from admin-api.md).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type Anthropic from '@anthropic-ai/sdk';
import type { z } from 'zod';
import type { RunningSandbox } from '../../../main/sandbox';
import * as api from '../../fixtures/admin-api/schemas';
import { rawGet, sdkFor, startFrozen } from './sdk-client';

let sandbox: RunningSandbox;
let client: Anthropic;
let workspaceId: string;

beforeAll(async () => {
  sandbox = await startFrozen({ size: 'demo', seed: 7 });
  client = sdkFor(sandbox);
  const production = [...sandbox.model.workspaces.values()].find((w) => w.name === 'Production');
  workspaceId = production!.id;
});
afterAll(() => sandbox.close());

interface ListCase {
  name: string;
  path: () => string;
  query?: Record<string, unknown>;
  schema: z.ZodTypeAny;
  idOf: (item: Record<string, unknown>) => string;
  expectedCount: () => number;
}

const cases: ListCase[] = [
  {
    name: 'users',
    path: () => '/v1/organizations/users',
    schema: api.user,
    idOf: (u) => u.id as string,
    expectedCount: () => 12,
  },
  {
    name: 'workspaces (all)',
    path: () => '/v1/organizations/workspaces',
    query: { include_archived: true, include_default: true },
    schema: api.workspace,
    idOf: (w) => w.id as string,
    expectedCount: () => sandbox.model.workspaces.size,
  },
  {
    name: 'workspace members',
    path: () => `/v1/organizations/workspaces/${workspaceId}/members`,
    schema: api.workspaceMember,
    idOf: (m) => m.user_id as string,
    expectedCount: () => sandbox.model.members.get(workspaceId)!.size,
  },
  {
    name: 'api keys',
    path: () => '/v1/organizations/api_keys',
    schema: api.apiKeyNew,
    idOf: (k) => k.id as string,
    expectedCount: () => 25,
  },
  {
    name: 'invites',
    path: () => '/v1/organizations/invites',
    schema: api.invite,
    idOf: (i) => i.id as string,
    expectedCount: () => [...sandbox.model.invites.values()].filter((i) => i.status !== 'deleted').length,
  },
  {
    name: 'default workspace members (implicit)',
    path: () => `/v1/organizations/workspaces/${sandbox.model.defaultWorkspaceId}/members`,
    schema: api.workspaceMember,
    idOf: (m) => m.user_id as string,
    expectedCount: () => 12,
  },
];

async function walk(c: ListCase, query: Record<string, unknown>): Promise<string[]> {
  const { Page } = await import('@anthropic-ai/sdk/pagination');
  const ids: string[] = [];
  for await (const item of client.getAPIList(c.path(), Page<Record<string, unknown>>, {
    query: { ...c.query, ...query },
  })) {
    c.schema.parse(item);
    ids.push(c.idOf(item as Record<string, unknown>));
  }
  return ids;
}

describe.each(cases)('Page list: $name', (c) => {
  it.each([1, 7, 1000])('lists each item exactly once forwards and backwards at limit %i', async (limit) => {
    const forwards = await walk(c, { limit });
    expect(forwards).toHaveLength(c.expectedCount());
    expect(new Set(forwards).size).toBe(forwards.length);

    // backwards: start before the last item and walk towards the front with before_id
    const lastId = forwards[forwards.length - 1]!;
    const backwards = await walk(c, { limit, before_id: lastId });
    expect([...backwards, lastId].sort()).toEqual([...forwards].sort());
    expect(new Set(backwards).size).toBe(backwards.length);
  });

  it('answers a raw page with has_more, first_id and last_id', async () => {
    const sep = c.path().includes('?') ? '&' : '?';
    const extra = c.query
      ? Object.entries(c.query)
          .map(([k, v]) => `&${k}=${String(v)}`)
          .join('')
      : '';
    const res = await rawGet(sandbox, `${c.path()}${sep}limit=2${extra}`);
    expect(res.status).toBe(200);
    const body = api.pageOf(c.schema).parse(res.body);
    expect(body.data).toHaveLength(2);
    expect(body.has_more).toBe(true);
    expect(body.first_id).toBe(c.idOf(body.data[0] as Record<string, unknown>));
    expect(body.last_id).toBe(c.idOf(body.data[1] as Record<string, unknown>));
  });
});

describe('typed SDK methods', () => {
  it('walk users, workspaces, members and api keys with for await', async () => {
    const users: string[] = [];
    for await (const u of client.beta.organization.users.list({ limit: 5 })) users.push(api.user.parse(u).id);
    expect(users).toHaveLength(12);
    const workspaces: string[] = [];
    for await (const w of client.beta.organization.workspaces.list({ limit: 1 }))
      workspaces.push(api.workspace.parse(w).name);
    expect(workspaces).toEqual(expect.arrayContaining(['Production', 'Staging', 'Development']));
    expect(workspaces).not.toContain('Hackathon 2025'); // archived hidden by default
    expect(workspaces).not.toContain('Default Workspace'); // default hidden unless include_default
    let members = 0;
    for await (const m of client.beta.organization.workspaces.members.list(workspaceId, { limit: 2 })) {
      api.workspaceMember.parse(m);
      members++;
    }
    expect(members).toBeGreaterThan(0);
    const keys: string[] = [];
    for await (const k of client.beta.organization.apiKeys.list({ limit: 10 })) keys.push(api.apiKeyNew.parse(k).id);
    expect(keys).toHaveLength(25);
  });

  it('returns the empty page shape when nothing matches', async () => {
    const res = await rawGet(sandbox, '/v1/organizations/users?email=nobody@nowhere.example');
    expect(res.body).toEqual({ data: [], has_more: false, first_id: null, last_id: null });
  });
});

describe('workspaces ids[] filter', () => {
  it('returns exactly the asked workspaces and refuses more than 100 ids', async () => {
    const ids = [...sandbox.model.workspaces.values()]
      .filter((w) => !w.isDefault && w.archivedAtMs === null)
      .slice(0, 2)
      .map((w) => w.id);
    const res = await rawGet(sandbox, `/v1/organizations/workspaces?${ids.map((id) => `ids[]=${id}`).join('&')}`);
    expect(
      api
        .pageOf(api.workspace)
        .parse(res.body)
        .data.map((w) => w.id)
        .sort(),
    ).toEqual([...ids].sort());
    const many = Array.from({ length: 101 }, (_, i) => `ids[]=wrkspc_${i}`).join('&');
    expect((await rawGet(sandbox, `/v1/organizations/workspaces?${many}`)).status).toBe(400);
  });
});

describe('Page parameter validation (admin-api.md §2)', () => {
  it.each([
    ['limit=0', 400],
    ['limit=1001', 400],
    ['limit=abc', 400],
    ['limit=1', 200],
    ['limit=1000', 200],
    ['after_id=user_x&before_id=user_y', 400],
    ['after_id=not_an_id', 400],
  ])('%s → %i', async (qs, status) => {
    const res = await rawGet(sandbox, `/v1/organizations/users?${qs}`);
    expect(res.status).toBe(status);
    if (status === 400) {
      const body = api.errorBody.parse(res.body);
      expect(body.error.type).toBe('invalid_request_error');
    }
  });

  it('defaults to 20 items per page', async () => {
    const res = await rawGet(sandbox, '/v1/organizations/api_keys');
    expect((res.body as { data: unknown[] }).data).toHaveLength(20);
  });
});
