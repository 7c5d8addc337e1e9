// Control API, virtual clock and org events (time, control): scripted events change what the API serves
// and are recorded in the compliance feed; seeded events appear as virtual time passes.
import { afterEach, describe, expect, it, vi } from 'vitest';
import Anthropic from '@anthropic-ai/sdk';
import { startSandbox, type RunningSandbox } from '../../../main/sandbox';
import * as api from '../../fixtures/admin-api/schemas';
import { all, FIXED_NOW, rawGet, sdkFor, startFrozen } from './sdk-client';

let sandbox: RunningSandbox | undefined;
afterEach(async () => {
  await sandbox?.close();
  sandbox = undefined;
});

async function control(sb: RunningSandbox, method: string, path: string, body?: unknown, token = sb.controlToken) {
  const res = await fetch(`${sb.controlUrl}${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

describe('control API', () => {
  it('needs its bearer token; the admin key does not open it', async () => {
    sandbox = await startFrozen({ seededEvents: false });
    expect((await control(sandbox, 'GET', '/state', undefined, 'wrong')).status).toBe(401);
    expect((await control(sandbox, 'GET', '/state', undefined, sandbox.adminKey)).status).toBe(401);
    const state = await control(sandbox, 'GET', '/state');
    expect(state.status).toBe(200);
    expect(state.body).toMatchObject({ size: 'demo', seed: 1, now: FIXED_NOW.toISOString() });
  });

  it('sets and advances the virtual clock', async () => {
    sandbox = await startFrozen({ seededEvents: false });
    expect((await control(sandbox, 'POST', '/clock', { advanceMs: 3_600_000 })).body.now).toBe(
      new Date(FIXED_NOW.getTime() + 3_600_000).toISOString(),
    );
    expect((await control(sandbox, 'POST', '/clock', { set: '2026-12-01T00:00:00Z' })).body.now).toBe(
      '2026-12-01T00:00:00.000Z',
    );
    expect((await control(sandbox, 'POST', '/clock', { set: 'not a date' })).status).toBe(400);
  });

  it('revokes the admin key: the next call is a 401 AuthenticationError', async () => {
    sandbox = await startFrozen({ seededEvents: false });
    const client = sdkFor(sandbox);
    await client.beta.organization.retrieve();
    await control(sandbox, 'POST', '/admin-key/revoke');
    await expect(client.beta.organization.retrieve()).rejects.toBeInstanceOf(Anthropic.AuthenticationError);
  });

  it('switches the API-key shape at run time', async () => {
    sandbox = await startFrozen({ seededEvents: false });
    await control(sandbox, 'POST', '/key-shape', { keyShape: 'legacy' });
    const res = await rawGet(sandbox, '/v1/organizations/api_keys?limit=5');
    api.pageOf(api.apiKeyLegacy).parse(res.body);
  });
});

describe('scripted events', () => {
  it('apply to the org and land in the compliance feed with a user actor', async () => {
    sandbox = await startFrozen({ compliance: true, seededEvents: false });
    const client = sdkFor(sandbox);
    const prod = (await all(client.beta.organization.workspaces.list())).find((w) => w.name === 'Production')!;
    const member = (await all(client.beta.organization.users.list({ limit: 100 }))).find(
      (u) => u.role === 'developer',
    )!;
    const key = (await all(client.beta.organization.apiKeys.list({ status: 'active' })))[0]!;
    const res = await control(sandbox, 'POST', '/events', {
      events: [
        { type: 'key_created', workspace_id: prod.id, name: 'fresh-key' },
        { type: 'key_renamed', api_key_id: key.id, name: 'renamed-by-console' },
        { type: 'user_invited', email: 'joiner@example.com', role: 'developer' },
        { type: 'role_changed', user_id: member.id, role: 'billing' },
        { type: 'rate_limit_changed', workspace_id: prod.id, value: 123 },
      ],
    });
    expect(res.status).toBe(200);
    const applied = res.body.applied as Array<Record<string, string>>;
    const newKeyId = applied[0]!.api_key_id!;
    expect((await client.beta.organization.apiKeys.retrieve(newKeyId)).name).toBe('fresh-key');
    expect((await client.beta.organization.apiKeys.retrieve(key.id)).name).toBe('renamed-by-console');
    expect((await client.beta.organization.users.retrieve(member.id)).role).toBe('billing');
    const inviteId = applied[2]!.invite_id!;
    const joined = await control(sandbox, 'POST', '/events', {
      events: [{ type: 'user_joined', invite_id: inviteId }],
    });
    const userId = (joined.body.applied as Array<Record<string, string>>)[0]!.user_id!;
    expect((await client.beta.organization.users.retrieve(userId)).email).toBe('joiner@example.com');
    expect((await client.beta.organization.invites.retrieve(inviteId)).status).toBe('accepted');

    const feed = api
      .pageOf(api.activity)
      .parse((await rawGet(sandbox, `/v1/compliance/activities?created_at.gte=${FIXED_NOW.toISOString()}`)).body);
    expect(new Set(feed.data.map((a) => a.type))).toEqual(
      new Set([
        'platform_api_key_created',
        'platform_api_key_updated',
        'org_user_invite_sent',
        'org_user_role_updated',
        'platform_workspace_rate_limit_updated',
        'org_user_invite_accepted',
      ]),
    );
    expect(feed.data.every((a) => (a.actor as { type: string }).type === 'user_actor')).toBe(true);
  });

  it('refuses an unknown event type or a missing target', async () => {
    sandbox = await startFrozen({ seededEvents: false });
    expect((await control(sandbox, 'POST', '/events', { events: [{ type: 'meteor_strike' }] })).status).toBe(400);
    expect(
      (
        await control(sandbox, 'POST', '/events', {
          events: [{ type: 'key_deactivated', api_key_id: 'apikey_01nope' }],
        })
      ).status,
    ).toBe(404);
  });

  it('expiring a key changes its status and stops its usage at that instant', async () => {
    sandbox = await startFrozen({ seededEvents: false });
    const client = sdkFor(sandbox);
    const key = (await all(client.beta.organization.apiKeys.list({ status: 'active', limit: 100 })))[0]!;
    await control(sandbox, 'POST', '/events', { events: [{ type: 'key_expired', api_key_id: key.id }] });
    expect((await client.beta.organization.apiKeys.retrieve(key.id)).status).toBe('expired');
    await control(sandbox, 'POST', '/clock', { advanceMs: 3 * 86_400_000 });
    const usage = await rawGet(
      sandbox,
      `/v1/organizations/usage_report/messages?starting_at=${FIXED_NOW.toISOString()}&api_key_ids[]=${key.id}&bucket_width=1h&limit=168`,
    );
    const buckets = (usage.body as { data: Array<{ starting_at: string; results: unknown[] }> }).data;
    expect(
      buckets
        .filter((b) => Date.parse(b.starting_at) >= FIXED_NOW.getTime() + 3_600_000)
        .every((b) => b.results.length === 0),
    ).toBe(true);
  });
});

describe('seeded events', () => {
  it('happen deterministically as virtual days pass, and are recorded when compliance is on', async () => {
    const run = async () => {
      const sb = await startFrozen({ size: 'mid', compliance: true });
      const before = sb.model.apiKeys.size + sb.model.invites.size;
      await control(sb, 'POST', '/clock', { advanceMs: 7 * 86_400_000 });
      const feed = api
        .pageOf(api.activity)
        .parse(
          (await rawGet(sb, `/v1/compliance/activities?limit=1000&created_at.gt=${FIXED_NOW.toISOString()}`)).body,
        );
      const changed = sb.model.apiKeys.size + sb.model.invites.size - before;
      await sb.close();
      return { types: feed.data.map((a) => a.type), changed };
    };
    const a = await run();
    expect(a.types.length).toBeGreaterThan(3);
    expect(a.changed).toBeGreaterThan(0);
    expect(await run()).toEqual(a);
  });
});

describe('the start instant', () => {
  it('generates the same org from the same seed and instant, however far the running clock has moved meanwhile', async () => {
    const frozen = await startSandbox({ seed: 3, now: FIXED_NOW, freezeClock: true });
    const frozenKeys = [...frozen.model.apiKeys.values()].map((key) => [key.id, key.createdAtMs]);
    await frozen.close();
    // A busy machine: every reading of the real clock is 7 ms after the last, so a running clock has moved on
    // between its creation and any later reading.
    const start = Date.now();
    let calls = 0;
    const spy = vi.spyOn(Date, 'now').mockImplementation(() => start + 7 * ++calls);
    try {
      sandbox = await startSandbox({ seed: 3, now: FIXED_NOW });
      expect(sandbox.clock.nowMs()).toBeGreaterThan(FIXED_NOW.getTime());
    } finally {
      spy.mockRestore();
    }
    expect([...sandbox.model.apiKeys.values()].map((key) => [key.id, key.createdAtMs])).toEqual(frozenKeys);
    expect(sandbox.state.eventsOriginMs).toBe(FIXED_NOW.getTime());
  });
});
