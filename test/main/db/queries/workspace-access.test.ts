/**
 * Who can reach a workspace (db/queries/workspace-access.ts), against what the sandbox itself serves on
 * the demo org (read through the SDK, not the mirror), and on a hand-made mirror for what the sandbox never has: owners
 * (implicit access assumed, not documented) and a default workspace the API lists without an id.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { openMirror, type MirrorDb } from '../../../../main/db/open';
import { openDemoOrg, type DemoOrg } from '../../../../main/services/demo/demo-org';
import { readWorkspaceAccess, readWorkspacesAccess } from '../../../../main/db/queries/workspace-access';
import { WorkspaceAccessDto, type WorkspaceAccess } from '../../../../preload/contract-access';
import { ORG_ADMIN_ROLES, readSandboxTruth, type SandboxTruth } from '../../../helpers/sandbox-truth';

// The demo org only: the CLI tests (test/main/cli/access-commands.test.ts) run the same questions on mid too.
describe.each(['demo'] as const)('on the %s org', (size) => {
  let root: string;
  let org: DemoOrg;
  let truth: SandboxTruth;
  let access: WorkspaceAccess[];

  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), `clade-access-${size}-`));
    org = await openDemoOrg({ mirrorFile: join(root, 'mirror.sqlite'), size });
    truth = await readSandboxTruth(org.sandbox);
    access = readWorkspacesAccess(org.db, Date.now()).map((a) => WorkspaceAccessDto.parse(a));
  }, 60_000);
  afterAll(async () => {
    await org?.close();
    rmSync(root, { recursive: true, force: true });
  });

  it('answers for every workspace the API lists, archived and default included', () => {
    expect(access.map((a) => a.workspace.id).sort()).toEqual(truth.workspaces.map((w) => w.id).sort());
    expect(access.filter((a) => a.workspace.isDefault).map((a) => a.workspace.id)).toEqual(
      truth.workspaces.filter((w) => w.isDefault).map((w) => w.id),
    );
  });

  it('lists each member with their workspace role, and org admins and billing everywhere, and nobody else', () => {
    for (const workspace of truth.workspaces) {
      const answer = access.find((a) => a.workspace.id === workspace.id)!;
      const people = new Map(answer.people.map((p) => [p.userId, p]));
      const expected = new Set([
        ...workspace.members.keys(),
        ...truth.users.filter((u) => ORG_ADMIN_ROLES.includes(u.role) || u.role === 'billing').map((u) => u.id),
      ]);
      expect(new Set(people.keys()), workspace.name).toEqual(expected);
      // The default workspace's member list is derived from org roles (sandbox README); the mirror may hold it from
      // before a promotion, so only membership is compared there. Elsewhere the role is the API's.
      for (const [userId, role] of workspace.members) {
        const memberRole = people.get(userId)!.memberRole;
        if (workspace.isDefault) expect(memberRole).not.toBeNull();
        else expect(memberRole).toBe(role);
      }
      for (const user of truth.users) {
        const person = people.get(user.id);
        if (ORG_ADMIN_ROLES.includes(user.role)) {
          expect(person!.workspaceRole).toBe('workspace_admin');
          expect(person!.implicitRole).toBe('workspace_admin');
          expect(person!.via).toBe(workspace.members.has(user.id) ? 'both' : 'implicit');
          expect(person!.assumed).toBe(user.role !== 'admin');
        }
        if (user.role === 'billing') expect(person!.implicitRole).toBe('workspace_billing');
      }
    }
    // The demo and mid orgs have admins outside some workspace: the implicit rows are really exercised.
    expect(access.some((a) => a.people.some((p) => p.via === 'implicit' && p.orgRole === 'admin'))).toBe(true);
  });

  it('offers to add exactly the org members without a membership whose role does not already make them admin', () => {
    for (const workspace of truth.workspaces) {
      const answer = access.find((a) => a.workspace.id === workspace.id)!;
      const expected = truth.users.filter((u) => !workspace.members.has(u.id) && !ORG_ADMIN_ROLES.includes(u.role));
      expect(answer.addable.map((u) => u.userId).sort(), workspace.name).toEqual(expected.map((u) => u.id).sort());
    }
  });

  it("lists each workspace's own keys, and organization-scoped keys apart", () => {
    for (const workspace of truth.workspaces) {
      const answer = access.find((a) => a.workspace.id === workspace.id)!;
      const keys = truth.keys.filter((k) => k.workspaceId === workspace.id);
      expect(answer.keys.map((k) => k.id).sort(), workspace.name).toEqual(keys.map((k) => k.id).sort());
      for (const key of answer.keys) expect(key.status).toBe(keys.find((k) => k.id === key.id)!.status);
    }
    const orgScoped = truth.keys.filter((k) => k.workspaceId === null).map((k) => k.id);
    expect(access[0]!.organizationKeys.map((k) => k.id).sort()).toEqual(orgScoped.sort());
  });

  it('names each key creator, and says when the creator has left', () => {
    const members = new Set(truth.users.map((u) => u.id));
    const keys = access.flatMap((a) => a.keys);
    for (const key of keys.filter((k) => k.creatorIsMember !== null)) {
      expect(key.creatorName === 'a former member').toBe(key.creatorIsMember === false);
    }
    expect(keys.filter((k) => k.creatorIsMember === true).length).toBeGreaterThan(0);
    // Every creator named is a user the API lists (or a service account / former member, never a made-up name).
    const names = new Set([...truth.users.map((u) => u.name), 'a service account', 'a former member']);
    for (const key of keys) if (key.creatorName !== null) expect(names.has(key.creatorName)).toBe(true);
    expect(members.size).toBe(truth.users.length);
  });

  it('finds one workspace by id, the default one by null, and none for an unknown id', () => {
    const production = truth.workspaces.find((w) => !w.isDefault)!;
    expect(readWorkspaceAccess(org.db, production.id, Date.now())!.workspace.name).toBe(production.name);
    expect(readWorkspaceAccess(org.db, null, Date.now())!.workspace.isDefault).toBe(true);
    expect(readWorkspaceAccess(org.db, 'wrkspc_nope', Date.now())).toBeNull();
  });
});

describe('on a hand-made mirror', () => {
  let db: MirrorDb;
  const seen = [0, 0, 1] as const;
  beforeEach(() => {
    db = openMirror(':memory:');
    db.prepare(
      `INSERT INTO organization (id, name, first_seen_at_ms, last_seen_at_ms) VALUES ('org', 'Acme', 0, 0)`,
    ).run();
    const user = db.prepare(
      `INSERT INTO users (id, email, name, role, added_at_ms, first_seen_at_ms, last_seen_at_ms, seen_pass) VALUES (?, ?, ?, ?, 0, ?, ?, ?)`,
    );
    user.run('user_owner', 'olu@acme.example', 'Olu Owner', 'owner', ...seen);
    user.run('user_primary', 'pia@acme.example', 'Pia Primary', 'primary_owner', ...seen);
    user.run('user_dev', 'dev@acme.example', 'Dee Dev', 'developer', ...seen);
    db.prepare(
      `INSERT INTO workspaces (id, name, created_at_ms, is_default, first_seen_at_ms, last_seen_at_ms, seen_pass) VALUES ('wrkspc_prod', 'Production', 0, 0, ?, ?, ?)`,
    ).run(...seen);
    // A legacy-shape key with no workspace: it lives in the default workspace, which the API never listed.
    db.prepare(
      `INSERT INTO api_keys (id, name, status, created_at_ms, created_by_id, created_by_type, has_legacy_workspace_id, workspace_id, first_seen_at_ms, last_seen_at_ms, seen_pass)
       VALUES ('apikey_legacy', 'old-script', 'active', 0, 'user_dev', 'user', 1, NULL, ?, ?, ?)`,
    ).run(...seen);
  });
  afterEach(() => db.close());

  it('gives owners and primary owners workspace_admin everywhere, marked as assumed', () => {
    const production = readWorkspaceAccess(db, 'wrkspc_prod', 0)!;
    expect(production.people.map((p) => [p.name, p.workspaceRole, p.via, p.implicitBecause, p.assumed])).toEqual([
      ['Olu Owner', 'workspace_admin', 'implicit', 'org owner', true],
      ['Pia Primary', 'workspace_admin', 'implicit', 'org primary owner', true],
    ]);
  });

  it('lets every org member reach an id-less default workspace, as assumed workspace users unless their role says more', () => {
    const fallback = readWorkspaceAccess(db, null, 0)!;
    expect(fallback.workspace).toEqual({ id: null, name: 'Default', isDefault: true, archived: false });
    expect(fallback.keys.map((k) => [k.name, k.creatorName, k.creatorIsMember])).toEqual([
      ['old-script', 'Dee Dev', true],
    ]);
    expect(fallback.people.map((p) => [p.name, p.workspaceRole, p.implicitBecause, p.assumed])).toEqual([
      ['Dee Dev', 'workspace_user', 'default workspace', true],
      ['Olu Owner', 'workspace_admin', 'org owner', true],
      ['Pia Primary', 'workspace_admin', 'org primary owner', true],
    ]);
  });
});
