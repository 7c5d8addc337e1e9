// Rate limits (PageCursor), spend limits (beta-header rule), compliance settings and the activity feed
// (admin-api.md §3.7, §3.8, §3.11, §5).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import Anthropic from '@anthropic-ai/sdk';
import type { RunningSandbox } from '../../../main/sandbox';
import * as api from '../../fixtures/admin-api/schemas';
import { all, rawGet, sdkFor, startFrozen } from './sdk-client';

let sandbox: RunningSandbox;
let client: Anthropic;
beforeEach(async () => {
  sandbox = await startFrozen({ seed: 4, seededEvents: false });
  client = sdkFor(sandbox);
});
afterEach(() => sandbox.close());

const workspaces = () => all(client.beta.organization.workspaces.list({ limit: 1000 }));

describe('organization rate limits', () => {
  it('returns everything in one page without limit, and pages with page/next_page with it', async () => {
    const one = await rawGet(sandbox, '/v1/organizations/rate_limits');
    const body = api.pageCursorOf(api.orgRateLimit).parse(one.body);
    expect(body.next_page).toBeNull();
    expect(body.data.length).toBeGreaterThan(5);
    const paged = await all(client.beta.organization.rateLimits.list({ limit: 2 }));
    expect(paged.map((e) => e.id)).toEqual(body.data.map((e) => e.id));
  });

  it('filters by group_type and by model (full id or alias), 404 for an unknown model', async () => {
    const batch = await all(client.beta.organization.rateLimits.list({ group_type: 'batch' }));
    expect(batch.map((e) => e.group.type)).toEqual(['batch']);
    const full = await all(client.beta.organization.rateLimits.list({ model: 'claude-sonnet-4-5-20250929' }));
    const alias = await all(client.beta.organization.rateLimits.list({ model: 'claude-sonnet-4-5' }));
    expect(full).toHaveLength(1);
    expect(alias.map((e) => e.id)).toEqual(full.map((e) => e.id));
    await expect(all(client.beta.organization.rateLimits.list({ model: 'claude-unknown-1' }))).rejects.toBeInstanceOf(
      Anthropic.NotFoundError,
    );
  });

  it('uses group ids shared by every org and entry ids that differ between orgs', async () => {
    const other = await startFrozen({ seed: 99 });
    try {
      const a = api
        .pageCursorOf(api.orgRateLimit)
        .parse((await rawGet(sandbox, '/v1/organizations/rate_limits')).body).data;
      const b = api
        .pageCursorOf(api.orgRateLimit)
        .parse((await rawGet(other, '/v1/organizations/rate_limits')).body).data;
      expect(a.map((e) => e.group.id)).toEqual(b.map((e) => e.group.id));
      expect(a[0]!.id).not.toBe(b[0]!.id);
    } finally {
      await other.close();
    }
  });
});

describe('workspace rate limits', () => {
  it('lists overrides only by default, everything with include_inherited, and updates/clears overrides', async () => {
    const ws = (await workspaces()).find((w) => w.name === 'Production')!;
    const entry = (await all(client.beta.organization.rateLimits.list({ group_type: 'model_group' })))[0]!;
    const updated = api.workspaceRateLimit.parse(
      await client.beta.organization.workspaces.rateLimits.update(entry.id, {
        workspace_id: ws.id,
        limits: [{ type: 'requests_per_minute', value: 77 }],
      }),
    );
    expect(updated.limits.find((l) => l.type === 'requests_per_minute')).toMatchObject({
      value: 77,
      source: { type: 'workspace' },
    });
    const overrides = await all(client.beta.organization.workspaces.rateLimits.list(ws.id));
    for (const o of overrides) api.workspaceRateLimit.parse(o);
    expect(overrides.some((o) => o.rate_limit_id === entry.id)).toBe(true);
    expect(overrides.flatMap((o) => o.limits).every((l) => l.source.type === 'workspace')).toBe(true);
    const inherited = await all(
      client.beta.organization.workspaces.rateLimits.list(ws.id, { include_inherited: true }),
    );
    expect(inherited.length).toBeGreaterThan(overrides.length);
    await client.beta.organization.workspaces.rateLimits.update(entry.id, {
      workspace_id: ws.id,
      limits: [{ type: 'requests_per_minute', value: null }],
    });
    const after = await all(client.beta.organization.workspaces.rateLimits.list(ws.id));
    expect(
      after.some((o) => o.rate_limit_id === entry.id && o.limits.some((l) => l.type === 'requests_per_minute')),
    ).toBe(false);
  });

  it('accepts a limiter type the org has no limit for (org_limit null) and refuses unknown limiter types', async () => {
    const ws = (await workspaces()).find((w) => w.name === 'Research')!;
    const entry = (await all(client.beta.organization.rateLimits.list({ group_type: 'model_group' })))[1]!;
    const res = api.workspaceRateLimit.parse(
      await client.beta.organization.workspaces.rateLimits.update(entry.id, {
        workspace_id: ws.id,
        limits: [{ type: 'tokens_per_day', value: 5_000_000 }],
      } as never),
    );
    expect(res.limits).toEqual([
      { type: 'tokens_per_day', value: 5_000_000, org_limit: null, source: { type: 'workspace' } },
    ]);
    await expect(
      client.beta.organization.workspaces.rateLimits.update(entry.id, {
        workspace_id: ws.id,
        limits: [{ type: 'bananas_per_hour', value: 1 }],
      } as never),
    ).rejects.toBeInstanceOf(Anthropic.BadRequestError);
  });

  it('refuses overrides on the default workspace', async () => {
    const plain = new Set((await workspaces()).map((w) => w.id));
    const def = (await all(client.beta.organization.workspaces.list({ include_default: true }))).find(
      (w) => !plain.has(w.id),
    )!;
    const entry = (await all(client.beta.organization.rateLimits.list({ group_type: 'model_group' })))[0]!;
    await expect(
      client.beta.organization.workspaces.rateLimits.update(entry.id, {
        workspace_id: def.id,
        limits: [{ type: 'requests_per_minute', value: 5 }],
      }),
    ).rejects.toBeInstanceOf(Anthropic.BadRequestError);
  });
});

describe('spend limits', () => {
  it('answers 404 on the list without the spend-limit-reads beta header, and lists with it (SDK adds it)', async () => {
    expect((await rawGet(sandbox, '/v1/organizations/spend_limits')).status).toBe(404);
    const withHeader = await rawGet(sandbox, '/v1/organizations/spend_limits', {
      'anthropic-beta': 'spend-limit-reads-2026-09-26',
    });
    expect(withHeader.status).toBe(200);
    const limits = await all(client.beta.organization.spendLimits.list());
    for (const l of limits) api.spendLimit.parse(l);
    expect(new Set(limits.map((l) => l.scope.type))).toEqual(new Set(['usage_tier', 'organization', 'workspace']));
  });

  it('refuses writes with 403 spend_limits_admin_api_writes_not_enabled unless the org is in the preview', async () => {
    const ws = (await workspaces()).find((w) => w.name === 'Staging')!;
    const err = await client.beta.organization.spendLimits
      .set({ scope: { type: 'workspace', workspace_id: ws.id }, amount: '25000' } as never)
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(Anthropic.PermissionDeniedError);
    expect((err as { errorCode: string }).errorCode).toBe('spend_limits_admin_api_writes_not_enabled');
  });

  it('upserts organization and workspace monthly limits, deletes them, keeps usage_tier read-only', async () => {
    sandbox.state.spendLimitWrites = true;
    const ws = (await workspaces()).find((w) => w.name === 'Staging')!;
    const set = api.spendLimit.parse(
      await client.beta.organization.spendLimits.set({
        scope: { type: 'workspace', workspace_id: ws.id },
        amount: '25000',
      } as never),
    );
    const again = await client.beta.organization.spendLimits.set({
      scope: { type: 'workspace', workspace_id: ws.id },
      amount: '30000',
    } as never);
    expect(again.id).toBe(set.id);
    expect(again.amount).toBe('30000');
    expect(await client.beta.organization.spendLimits.delete(set.id)).toEqual({
      id: set.id,
      type: 'spend_limit_deleted',
    });
    const tier = (await all(client.beta.organization.spendLimits.list({ scope_type: ['usage_tier'] } as never)))[0]!;
    await expect(client.beta.organization.spendLimits.delete(tier.id)).rejects.toBeInstanceOf(
      Anthropic.BadRequestError,
    );
  });

  it('lists newest first, refuses scope types foreign to a Console org, and refuses everything without the read preview', async () => {
    const limits = await all(client.beta.organization.spendLimits.list());
    const created = limits.map((l) => Date.parse(l.created_at));
    expect([...created].sort((a, b) => b - a)).toEqual(created);
    const foreign = await rawGet(sandbox, '/v1/organizations/spend_limits?scope_type[]=user', {
      'anthropic-beta': 'spend-limit-reads-2026-09-26',
    });
    expect(foreign.status).toBe(400);
    sandbox.state.spendLimitReads = false;
    await expect(all(client.beta.organization.spendLimits.list())).rejects.toMatchObject({
      status: 403,
      errorCode: 'spend_limits_admin_api_writes_not_enabled',
    });
  });

  it('needs an amount for organization and workspace limits', async () => {
    sandbox.state.spendLimitWrites = true;
    await expect(
      client.beta.organization.spendLimits.set({ scope: { type: 'organization' }, amount: null } as never),
    ).rejects.toBeInstanceOf(Anthropic.BadRequestError);
  });

  it('refuses effective summaries for a Console org with organization_type_not_supported', async () => {
    const res = await rawGet(sandbox, '/v1/organizations/spend_limits/effective');
    expect(res.status).toBe(400);
    expect(api.errorBody.parse(res.body).error.details?.error_code).toBe('organization_type_not_supported');
    await expect(all(client.beta.organization.spendLimits.effective.list())).rejects.toBeInstanceOf(
      Anthropic.OrganizationTypeNotSupportedError,
    );
  });

  it('shares 60 requests per minute across spend-limit routes, then answers 429 with retry-after', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 61; i++)
      statuses.push(
        (await rawGet(sandbox, '/v1/organizations/spend_limits', { 'anthropic-beta': 'spend-limit-reads-2026-09-26' }))
          .status,
      );
    expect(statuses.slice(0, 60).every((s) => s === 200)).toBe(true);
    const last = await rawGet(sandbox, '/v1/organizations/spend_limits/effective');
    expect(last.status).toBe(429);
    expect(Number(last.headers.get('retry-after'))).toBeGreaterThan(0);
  });
});

describe('compliance', () => {
  it('refuses the activity feed while compliance is disabled, other compliance routes with 401', async () => {
    expect(api.complianceSettings.parse(await client.beta.organization.complianceSettings.retrieve()).state.type).toBe(
      'disabled',
    );
    const feed = await rawGet(sandbox, '/v1/compliance/activities');
    expect(feed.status).toBe(403);
    expect(api.errorBody.parse(feed.body).error.type).toBe('permission_error');
    expect((await rawGet(sandbox, '/v1/compliance/organizations')).status).toBe(401);
  });

  it('records Admin API changes after enablement only (not retroactive), newest first', async () => {
    const before = (await all(client.beta.organization.apiKeys.list({ status: 'active' })))[0]!;
    await client.beta.organization.apiKeys.update(before.id, { name: 'before-enable' });
    const enabled = await client.beta.organization.complianceSettings.update({ state: 'enabled' } as never);
    expect(enabled.state.type).toBe('enabled');
    sandbox.clock.advance(1000);
    await client.beta.organization.apiKeys.update(before.id, { name: 'after-enable' });
    sandbox.clock.advance(1000);
    const invite = await client.beta.organization.invites.create({ email: 'feed@example.com', role: 'user' });
    const res = await rawGet(sandbox, '/v1/compliance/activities');
    const page = api.pageOf(api.activity).parse(res.body);
    expect(page.data.map((a) => a.type)).toEqual(['org_user_invite_sent', 'platform_api_key_updated']);
    expect(page.data[0]).toMatchObject({ invited_email: 'feed@example.com', actor: { type: 'admin_api_key_actor' } });
    expect(page.data[1]).toMatchObject({
      api_key_id: before.id,
      updates: { name: { previous: 'before-enable', current: 'after-enable' } },
    });
    const filtered = api
      .pageOf(api.activity)
      .parse((await rawGet(sandbox, '/v1/compliance/activities?activity_types[]=org_user_invite_sent')).body);
    expect(filtered.data).toHaveLength(1);
    expect(invite.id).toMatch(/^invite_/);
  });

  it('starts with a backfilled feed when the org has compliance on, filterable and paginated', async () => {
    const sb = await startFrozen({ compliance: true, seededEvents: false });
    try {
      const ids: string[] = [];
      let after: string | undefined;
      for (;;) {
        const res = await rawGet(sb, `/v1/compliance/activities?limit=3${after ? `&after_id=${after}` : ''}`);
        const page = api.pageOf(api.activity).parse(res.body);
        ids.push(...page.data.map((a) => a.id));
        const times = page.data.map((a) => Date.parse(a.created_at));
        expect([...times].sort((x, y) => y - x)).toEqual(times);
        if (!page.has_more) break;
        after = page.last_id!;
      }
      expect(ids.length).toBeGreaterThan(3);
      expect(new Set(ids).size).toBe(ids.length);
      expect((await rawGet(sb, '/v1/compliance/activities?limit=5001')).status).toBe(400);
      // backwards: before_id walks towards newer activities and meets the same set
      const oldest = ids[ids.length - 1]!;
      const newer: string[] = [];
      let before = oldest;
      for (;;) {
        const page = api
          .pageOf(api.activity)
          .parse((await rawGet(sb, `/v1/compliance/activities?limit=4&before_id=${before}`)).body);
        newer.unshift(...page.data.map((a) => a.id));
        if (!page.has_more) break;
        before = page.first_id!;
      }
      expect([...newer, oldest]).toEqual(ids);
      const orgId = api.pageOf(api.activity).parse((await rawGet(sb, '/v1/compliance/activities?limit=1')).body)
        .data[0]!.organization_id;
      expect(
        api.pageOf(api.activity).parse((await rawGet(sb, `/v1/compliance/activities?organization_ids[]=${orgId}`)).body)
          .data.length,
      ).toBeGreaterThan(0);
      expect((await rawGet(sb, '/v1/compliance/activities?organization_ids[]=org_other')).body).toMatchObject({
        data: [],
      });
      const recent = api
        .pageOf(api.activity)
        .parse(
          (
            await rawGet(
              sb,
              `/v1/compliance/activities?created_at.gte=${new Date(sb.clock.nowMs() - 7 * 86_400_000).toISOString()}`,
            )
          ).body,
        );
      expect(recent.data.every((a) => Date.parse(a.created_at) >= sb.clock.nowMs() - 7 * 86_400_000)).toBe(true);
    } finally {
      await sb.close();
    }
  });
});
