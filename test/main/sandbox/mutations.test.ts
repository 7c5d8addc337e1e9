// Writes through the SDK's typed methods, with the documented rules (admin-api.md §3.2–3.6).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import Anthropic from '@anthropic-ai/sdk';
import type { RunningSandbox } from '../../../main/sandbox';
import * as api from '../../fixtures/admin-api/schemas';
import { all, rawGet, sdkFor, startFrozen } from './sdk-client';

let sandbox: RunningSandbox;
let client: Anthropic;
beforeEach(async () => {
  sandbox = await startFrozen({ seed: 21, seededEvents: false });
  client = sdkFor(sandbox);
});
afterEach(() => sandbox.close());

const users = () => all(client.beta.organization.users.list({ limit: 1000 }));
const workspaceNamed = async (name: string) =>
  (await all(client.beta.organization.workspaces.list({ limit: 1000 }))).find((w) => w.name === name)!;
const badRequest = (p: Promise<unknown>) => expect(p).rejects.toBeInstanceOf(Anthropic.BadRequestError);

describe('users', () => {
  it.each(['user', 'developer', 'billing', 'claude_code_user'] as const)('can be given the %s role', async (role) => {
    const target = (await users()).find((u) => u.role !== 'admin')!;
    const updated = api.user.parse(await client.beta.organization.users.update(target.id, { role }));
    expect(updated.role).toBe(role);
    expect((await client.beta.organization.users.retrieve(target.id)).role).toBe(role);
  });

  it('never grants admin, and does not touch admins', async () => {
    const all_ = await users();
    const member = all_.find((u) => u.role !== 'admin')!;
    const admin = all_.find((u) => u.role === 'admin')!;
    await badRequest(client.beta.organization.users.update(member.id, { role: 'admin' as 'user' }));
    await badRequest(client.beta.organization.users.update(admin.id, { role: 'user' }));
    await badRequest(client.beta.organization.users.remove(admin.id));
  });

  it('removes a user (gone from lists and members), keeping the keys they created', async () => {
    const keys = await all(client.beta.organization.apiKeys.list({ limit: 1000 }));
    const creatorIds = new Set(keys.map((k) => k.created_by?.id));
    const victim = (await users()).find((u) => u.role !== 'admin' && creatorIds.has(u.id))!;
    expect(api.userDeleted.parse(await client.beta.organization.users.remove(victim.id))).toEqual({
      id: victim.id,
      type: 'user_deleted',
    });
    expect((await users()).some((u) => u.id === victim.id)).toBe(false);
    await expect(client.beta.organization.users.retrieve(victim.id)).rejects.toBeInstanceOf(Anthropic.NotFoundError);
    const after = await all(client.beta.organization.apiKeys.list({ created_by_user_id: victim.id }));
    expect(after.length).toBe(keys.filter((k) => k.created_by?.id === victim.id).length);
  });
});

describe('invites', () => {
  it('creates a pending invite expiring in exactly 21 days, lists it, deletes it once', async () => {
    const invite = api.invite.parse(
      await client.beta.organization.invites.create({ email: 'New.Person@example.com', role: 'developer' }),
    );
    expect(invite.status).toBe('pending');
    expect(Date.parse(invite.expires_at) - Date.parse(invite.invited_at)).toBe(21 * 86_400_000);
    const found = await all(client.beta.organization.invites.list({ email: 'new.person@EXAMPLE.com' }));
    expect(found.map((i) => i.id)).toEqual([invite.id]);
    expect(api.inviteDeleted.parse(await client.beta.organization.invites.delete(invite.id)).id).toBe(invite.id);
    await badRequest(client.beta.organization.invites.delete(invite.id)); // pending only
  });

  it('lists accepted, expired and pending invites by default and never deleted ones', async () => {
    const listed = await all(client.beta.organization.invites.list({ limit: 1000 }));
    for (const i of listed) api.invite.parse(i);
    expect(new Set(listed.map((i) => i.status))).toEqual(new Set(['accepted', 'expired', 'pending']));
    const pending = await all(client.beta.organization.invites.list({ statuses: ['pending'] }));
    expect(pending.length).toBe(listed.filter((i) => i.status === 'pending').length);
    // `deleted` is not a documented filter value
    const res = await rawGet(sandbox, '/v1/organizations/invites?statuses[]=deleted');
    expect(res.status).toBe(400);
    // a deleted invite is still readable by id
    const gone = [...sandbox.model.invites.values()].find((i) => i.status === 'deleted')!;
    expect((await client.beta.organization.invites.retrieve(gone.id)).status).toBe('deleted');
  });

  it('refuses admin invites, members and duplicate pending invites, and deleting accepted or expired ones', async () => {
    const member = (await users())[0]!;
    await badRequest(client.beta.organization.invites.create({ email: 'x@example.com', role: 'admin' as 'user' }));
    await expect(client.beta.organization.invites.create({ email: member.email, role: 'user' })).rejects.toMatchObject({
      status: 400,
      errorCode: 'already_member',
    });
    await client.beta.organization.invites.create({ email: 'twice@example.com', role: 'user' });
    await expect(
      client.beta.organization.invites.create({ email: 'twice@example.com', role: 'user' }),
    ).rejects.toMatchObject({ status: 400, errorCode: 'invite_already_exists' });
    const closed = await all(client.beta.organization.invites.list({ statuses: ['accepted', 'expired'] }));
    expect(closed.length).toBeGreaterThan(1);
    for (const inv of closed) await badRequest(client.beta.organization.invites.delete(inv.id));
  });

  it('expires a pending invite when 21 days pass on the virtual clock', async () => {
    const invite = await client.beta.organization.invites.create({ email: 'late@example.com', role: 'user' });
    sandbox.clock.advance(21 * 86_400_000);
    expect((await client.beta.organization.invites.retrieve(invite.id)).status).toBe('expired');
  });
});

describe('workspaces', () => {
  it('creates with documented defaults, updates, archives (keys archived with it)', async () => {
    const ws = api.workspace.parse(await client.beta.organization.workspaces.create({ name: 'Billing Bot' }));
    expect(ws.data_residency).toEqual({
      workspace_geo: 'us',
      allowed_inference_geos: 'unrestricted',
      default_inference_geo: 'global',
    });
    expect(ws.archived_at).toBeNull();
    const updated = await client.beta.organization.workspaces.update(ws.id, {
      name: 'Billing Bot 2',
      tags: { team: 'billing' },
    });
    expect(updated.name).toBe('Billing Bot 2');
    expect(updated.tags).toEqual({ team: 'billing' });
    const cleared = await client.beta.organization.workspaces.update(ws.id, {
      tags: { team: null } as unknown as Record<string, string>,
    });
    expect(cleared.tags).toEqual({});
    await badRequest(client.beta.organization.workspaces.update(ws.id, { tags: { anthropic_x: '1' } }));

    const staging = await workspaceNamed('Staging');
    const archived = api.workspace.parse(await client.beta.organization.workspaces.archive(staging.id));
    expect(archived.archived_at).not.toBeNull();
    const keys = await all(client.beta.organization.apiKeys.list({ workspace_id: staging.id }));
    expect(keys.length).toBeGreaterThan(0);
    expect(keys.every((k) => k.status === 'archived')).toBe(true);
    await badRequest(client.beta.organization.workspaces.archive(staging.id));
    expect((await all(client.beta.organization.workspaces.list())).some((w) => w.id === staging.id)).toBe(false);
  });

  it('validates data residency: the default geo must be allowed; nulls mean defaults', async () => {
    await badRequest(
      client.beta.organization.workspaces.create({
        name: 'Geo',
        data_residency: { allowed_inference_geos: ['us'], default_inference_geo: 'global' },
      }),
    );
    const us = await client.beta.organization.workspaces.create({
      name: 'Geo US',
      data_residency: { allowed_inference_geos: ['us'], default_inference_geo: 'us' },
    });
    expect(us.data_residency).toEqual({
      workspace_geo: 'us',
      allowed_inference_geos: ['us'],
      default_inference_geo: 'us',
    });
    const nulls = await client.beta.organization.workspaces.create({
      name: 'Geo null',
      data_residency: { allowed_inference_geos: null, default_inference_geo: null },
    });
    expect(nulls.data_residency).toEqual({
      workspace_geo: 'us',
      allowed_inference_geos: 'unrestricted',
      default_inference_geo: 'global',
    });
    await badRequest(client.beta.organization.workspaces.create({ name: '' }));
  });

  it('refuses to archive the default workspace', async () => {
    const all_ = await all(client.beta.organization.workspaces.list({ include_default: true }));
    const plain = new Set((await all(client.beta.organization.workspaces.list())).map((w) => w.id));
    const def = all_.find((w) => !plain.has(w.id))!;
    await badRequest(client.beta.organization.workspaces.archive(def.id));
  });
});

describe('workspace members', () => {
  it('adds, updates and removes a member with the documented roles', async () => {
    const ws = await workspaceNamed('Production');
    const current = new Set((await all(client.beta.organization.workspaces.members.list(ws.id))).map((m) => m.user_id));
    const outsider = (await users()).find((u) => !current.has(u.id) && u.role !== 'admin')!;
    await badRequest(
      client.beta.organization.workspaces.members.add(ws.id, {
        user_id: outsider.id,
        workspace_role: 'workspace_billing' as 'workspace_user',
      }),
    );
    const added = api.workspaceMember.parse(
      await client.beta.organization.workspaces.members.add(ws.id, {
        user_id: outsider.id,
        workspace_role: 'workspace_developer',
      }),
    );
    expect(added).toEqual({
      type: 'workspace_member',
      user_id: outsider.id,
      workspace_id: ws.id,
      workspace_role: 'workspace_developer',
    });
    await badRequest(
      client.beta.organization.workspaces.members.add(ws.id, {
        user_id: outsider.id,
        workspace_role: 'workspace_user',
      }),
    );
    const billing = await client.beta.organization.workspaces.members.update(outsider.id, {
      workspace_id: ws.id,
      workspace_role: 'workspace_billing',
    });
    expect(billing.workspace_role).toBe('workspace_billing'); // any role on update
    const removed = api.workspaceMemberDeleted.parse(
      await client.beta.organization.workspaces.members.remove(outsider.id, { workspace_id: ws.id }),
    );
    expect(removed).toEqual({ type: 'workspace_member_deleted', user_id: outsider.id, workspace_id: ws.id });
    await expect(
      client.beta.organization.workspaces.members.retrieve(outsider.id, { workspace_id: ws.id }),
    ).rejects.toBeInstanceOf(Anthropic.NotFoundError);
  });
});

describe('api keys', () => {
  it('renames, deactivates and re-activates; refuses expired as a target and archived keys', async () => {
    const key = (await all(client.beta.organization.apiKeys.list({ status: 'active' })))[0]!;
    expect((await client.beta.organization.apiKeys.update(key.id, { name: 'renamed-key' })).name).toBe('renamed-key');
    expect((await client.beta.organization.apiKeys.update(key.id, { status: 'inactive' })).status).toBe('inactive');
    expect((await client.beta.organization.apiKeys.update(key.id, { status: 'active' })).status).toBe('active');
    await badRequest(client.beta.organization.apiKeys.update(key.id, { status: 'expired' as 'active' }));
    await client.beta.organization.apiKeys.update(key.id, { status: 'archived' });
    await badRequest(client.beta.organization.apiKeys.update(key.id, { status: 'active' }));
    const expired = (await all(client.beta.organization.apiKeys.list({ status: 'expired' })))[0]!;
    await badRequest(client.beta.organization.apiKeys.update(expired.id, { status: 'active' }));
  });

  it('has no create or delete endpoint', async () => {
    const res = await fetch(`${sandbox.url}/v1/organizations/api_keys`, {
      method: 'POST',
      headers: { 'x-api-key': sandbox.adminKey, 'anthropic-version': '2023-06-01', 'content-type': 'application/json' },
      body: '{}',
    });
    expect(res.status).toBeGreaterThanOrEqual(400);
    const del = await fetch(`${sandbox.url}/v1/organizations/api_keys/apikey_01x`, {
      method: 'DELETE',
      headers: { 'x-api-key': sandbox.adminKey, 'anthropic-version': '2023-06-01' },
    });
    expect(del.status).toBeGreaterThanOrEqual(400);
    expect((await rawGet(sandbox, '/v1/organizations/api_keys')).status).toBe(200);
  });
});
