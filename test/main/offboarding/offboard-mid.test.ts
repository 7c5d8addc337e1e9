/**
 * `offboard` on the sandbox's mid org, in process, against a real sync: a developer who created two active keys and
 * is the only admin of one workspace (arranged through the Admin API before the sync: a new workspace with them as
 * its only workspace_admin, and an invite they sent, which the compliance feed names them for), and an org admin
 * with two keys (arranged through the control API's scripted events).
 * The dry run lists exactly what they hold; a failure injected at step 2 stops the run there and a rerun continues;
 * afterwards the sandbox and the mirror agree, with one audit event per step. The admin's run ends with the Console
 * step, pending until a sync no longer finds them, and then resolved.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mirrorFile } from '../../../main/adapters/data-dir';
import { runCliInMemory } from '../../helpers/memory-cli';
import { openMirror } from '../../../main/db/open';
import { searchAuditEvents } from '../../../main/db/audit/index';
import { startSandbox, type RunningSandbox } from '../../../main/sandbox/index';
import { OffboardHoldingsDto, OffboardPlanDto, OffboardReportDto } from '../../../preload/contract-offboarding';
import { offboardingHandlers } from '../../../main/ipc/domains/offboarding';
import { HandlerError } from '../../../main/ipc/handler-error';

const PROFILE = 'mid';
let sandbox: RunningSandbox;
let root: string;
let leaver: { id: string; email: string; keys: string[]; lab: string };
let admin: { id: string; email: string; keys: string[] };

function cli(...args: string[]) {
  return runCliInMemory(['--data-dir', join(root, 'data'), '--profile', PROFILE, '--base-url', sandbox.url, ...args], {
    HOME: root,
    ANTHROPIC_ADMIN_KEY: sandbox.adminKey,
  });
}

async function api(method: string, path: string, body?: unknown) {
  const res = await fetch(`${sandbox.url}/v1/organizations/${path}`, {
    method,
    headers: { 'x-api-key': sandbox.adminKey, 'anthropic-version': '2023-06-01', 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}
async function control(method: string, path: string, body?: unknown) {
  const res = await fetch(`${sandbox.controlUrl}${path}`, {
    method,
    headers: { authorization: `Bearer ${sandbox.controlToken}`, 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  expect(res.status, await res.clone().text()).toBeLessThan(300);
  return (await res.json()) as Record<string, unknown>;
}

function mirror<T>(read: (db: ReturnType<typeof openMirror>) => T): T {
  const db = openMirror(mirrorFile(join(root, 'data'), PROFILE));
  try {
    return read(db);
  } finally {
    db.close();
  }
}
const localActions = (userId: string) =>
  mirror((db) => searchAuditEvents(db, 'source:local type:admin.action', { limit: 200 }).events).filter(
    (e) =>
      e.targets.some((t) => t.type === 'user' && t.id === userId) ||
      (e.keyId !== null && [...leaver.keys, ...admin.keys].includes(e.keyId) && keyOwner(e.keyId) === userId),
  );
const keyOwner = (keyId: string) => (leaver.keys.includes(keyId) ? leaver.id : admin.id);

/** Workspaces (not archived, not default) the sandbox lists this user in, with the role. */
function sandboxMemberships(userId: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const [wsId, members] of sandbox.model.members) {
    const ws = sandbox.model.workspaces.get(wsId)!;
    const member = members.get(userId);
    if (member && ws.archivedAtMs === null && !ws.isDefault) out.set(wsId, member.role);
  }
  return out;
}

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'clade-offboard-'));
  sandbox = await startSandbox({ size: 'mid', seed: 1 });
  const nowMs = sandbox.clock.nowMs();
  const activeKeysOf = (userId: string) =>
    [...sandbox.model.apiKeys.values()]
      .filter((k) => k.createdBy?.id === userId && k.status === 'active' && (k.expiresAtMs ?? Infinity) > nowMs)
      .map((k) => k.id)
      .sort();
  const users = [...sandbox.model.users.values()].filter((u) => u.removedAtMs === null);
  const dev = users.find(
    (u) => u.role === 'developer' && activeKeysOf(u.id).length === 2 && sandboxMemberships(u.id).size > 1,
  )!;
  // Arranged through the Admin API itself: a new workspace whose only workspace admin is the leaver.
  const lab = await api('POST', 'workspaces', { name: 'Offboarding Lab' });
  expect(lab.status).toBe(200);
  expect(
    (await api('POST', `workspaces/${lab.body.id}/members`, { user_id: dev.id, workspace_role: 'workspace_admin' }))
      .status,
  ).toBe(200);
  leaver = { id: dev.id, email: dev.email, keys: activeKeysOf(dev.id), lab: lab.body.id as string };
  // The compliance feed names who sends an invite: one sent by the leaver, one by someone else.
  await control('POST', '/compliance', { enabled: true });
  const other = users.find((u) => u.id !== dev.id && u.role === 'developer')!;
  await control('POST', '/events', {
    events: [
      { type: 'user_invited', email: 'sent.by.leaver@example.com', role: 'user', actor_user_id: dev.id },
      { type: 'user_invited', email: 'sent.by.other@example.com', role: 'user', actor_user_id: other.id },
    ],
  });

  // The admin with the fewest keys, topped up to two by the sandbox's scripted key creation.
  const orgAdmin = users
    .filter((u) => u.role === 'admin')
    .sort((a, b) => activeKeysOf(a.id).length - activeKeysOf(b.id).length)[0]!;
  const missing = Math.max(0, 2 - activeKeysOf(orgAdmin.id).length);
  if (missing > 0)
    await control('POST', '/events', {
      events: ['admin-laptop', 'admin-ci']
        .slice(0, missing)
        .map((name) => ({ type: 'key_created', name, created_by_user_id: orgAdmin.id })),
    });
  admin = { id: orgAdmin.id, email: orgAdmin.email, keys: activeKeysOf(orgAdmin.id) };
  expect(admin.keys.length).toBeGreaterThanOrEqual(2);
  const sync = await cli('sync', '--history', '2');
  expect(sync.code, sync.stderr).toBe(0);
}, 120_000);
afterAll(async () => {
  await sandbox?.close();
  if (root) rmSync(root, { recursive: true, force: true });
});

describe('offboard on the mid org', () => {
  it('--dry-run lists exactly their two keys and their memberships, flags the only-admin workspace, sends nothing', async () => {
    const run = await cli('--json', 'offboard', leaver.email, '--dry-run');
    expect(run.code, run.stderr).toBe(0);
    const out = JSON.parse(run.stdout);
    const holdings = OffboardHoldingsDto.parse(out.holdings);
    const plan = OffboardPlanDto.parse(out.plan);
    expect(holdings.person).toMatchObject({ id: leaver.id, role: 'developer' });
    expect(holdings.keys.map((k) => k.id).sort()).toEqual(leaver.keys);
    const expected = sandboxMemberships(leaver.id);
    expect(new Map(holdings.memberships.map((m) => [m.workspaceId, m.role]))).toEqual(expected);
    expect(holdings.memberships.filter((m) => m.onlyAdmin).map((m) => m.workspaceId)).toEqual([leaver.lab]);
    expect(plan.steps.map((s) => s.kind)).toEqual([
      'key.deactivate',
      'key.deactivate',
      ...[...expected.keys()].map(() => 'workspace.leave'),
      'org.remove',
    ]);
    expect(plan.warnings.join('\n')).toMatch(/only workspace admin of Offboarding Lab/);
    expect(holdings.invitesSent.known).toBe(true);
    expect(holdings.invitesSent.invites.map((i) => i.email)).toEqual(['sent.by.leaver@example.com']);
    expect(plan.warnings.join('\n')).toMatch(/They sent 1 pending invite/);

    // One truth: the window's preview (the IPC handler over the same mirror) shows the same holdings and plan.
    const db = openMirror(mirrorFile(join(root, 'data'), PROFILE));
    try {
      const handlers = offboardingHandlers({ mirror: () => db, now: () => Date.now(), adminActions: async () => null });
      const ctx = (channel: 'clade:offboarding/preview' | 'clade:offboarding/run') => ({
        channel,
        via: 'ipc' as const,
      });
      const preview = await handlers['clade:offboarding/preview'](
        { userId: leaver.id, keep: [] },
        ctx('clade:offboarding/preview'),
      );
      expect(preview.holdings).toEqual(holdings);
      expect(preview.plan).toEqual(plan);
      expect(preview.confirmText).toBe(leaver.email);
      // The run needs the preview's token with their e-mail typed: anything else is refused before a client exists.
      const wrong = { userId: leaver.id, keep: [], confirmation: { token: preview.confirmToken, typed: 'someone' } };
      await expect(handlers['clade:offboarding/run'](wrong, ctx('clade:offboarding/run'))).rejects.toBeInstanceOf(
        HandlerError,
      );
      await expect(
        handlers['clade:offboarding/run'](
          { ...wrong, confirmation: { token: preview.confirmToken, typed: leaver.email } },
          ctx('clade:offboarding/run'),
        ),
      ).rejects.toThrow(/already used/);
    } finally {
      db.close();
    }

    const human = await cli('offboard', leaver.id, '--dry-run');
    expect(human.code, human.stderr).toBe(0);
    expect(human.stdout).toMatch(/Active keys they created \(2\)/);
    expect(human.stdout).toMatch(/Offboarding Lab\s+workspace_admin\s+only workspace admin/);
    expect(human.stdout).toContain('Dry run: nothing was sent.');
    expect(localActions(leaver.id)).toHaveLength(0);
    // Without a terminal and without --yes: refused before anything is sent.
    const unconfirmed = await cli('offboard', leaver.email);
    expect(unconfirmed.code).toBe(2);
    expect(unconfirmed.stderr).toMatch(/Add --yes/);
    expect(localActions(leaver.id)).toHaveLength(0);
  });

  it('a failure injected at step 2 stops the run; the rerun continues there; sandbox, mirror and trail agree', async () => {
    const [first, second] = leaver.keys as [string, string];
    await control('POST', '/faults', {
      rules: [
        {
          route: `/v1/organizations/api_keys/${second}`,
          method: 'POST',
          times: 1,
          status: 403,
          errorCode: 'api_key_requester_unconfirmed',
          message: 'The API could not confirm the request came from the organization.',
        },
      ],
    });
    const failed = await cli('--json', 'offboard', leaver.email, '--yes');
    expect(failed.code, failed.stderr).toBe(1);
    const stopped = OffboardReportDto.parse(JSON.parse(failed.stdout).report);
    expect(stopped.steps.map((s) => s.status).slice(0, 3)).toEqual(['done', 'failed', 'planned']);
    expect(stopped.outcome).toMatch(/Stopped at step 2 of \d+.*Run it again/);
    expect((await api('GET', `api_keys/${first}`)).body.status).toBe('inactive');
    expect((await api('GET', `api_keys/${second}`)).body.status).toBe('active');
    expect(mirror((db) => db.prepare('SELECT status FROM offboarding_runs WHERE user_id = ?').get(leaver.id))).toEqual({
      status: 'running',
    });

    // The window's progress poll reads the same record of the run.
    const db = openMirror(mirrorFile(join(root, 'data'), PROFILE));
    try {
      const handlers = offboardingHandlers({ mirror: () => db, now: () => Date.now() });
      const progress = await handlers['clade:offboarding/progress'](
        { userId: leaver.id },
        { channel: 'clade:offboarding/progress', via: 'ipc' },
      );
      expect(progress).toEqual(stopped);
    } finally {
      db.close();
    }

    const rerun = await cli('offboard', leaver.email, '--yes');
    expect(rerun.code, rerun.stderr).toBe(0);
    expect(rerun.stdout).toMatch(/Continuing the offboarding started/);
    expect(rerun.stdout).toMatch(/is offboarded: \d+ steps done/);
    const report = mirror((db) =>
      db.prepare('SELECT kind, status, target_id AS target FROM offboarding_steps ORDER BY seq').all(),
    ) as Array<{ kind: string; status: string; target: string }>;
    expect(report.every((s) => s.status === 'done')).toBe(true);

    // The sandbox: keys inactive, out of every workspace, out of the org.
    for (const key of leaver.keys) expect((await api('GET', `api_keys/${key}`)).body.status).toBe('inactive');
    expect((await api('GET', `users/${leaver.id}`)).status).toBe(404);
    expect(sandboxMemberships(leaver.id).size).toBe(0);
    // The mirror says the same.
    mirror((db) => {
      expect(db.prepare('SELECT count(*) AS n FROM users WHERE id = ?').get(leaver.id)).toEqual({ n: 0 });
      expect(db.prepare('SELECT count(*) AS n FROM workspace_members WHERE user_id = ?').get(leaver.id)).toEqual({
        n: 0,
      });
      for (const key of leaver.keys)
        expect(db.prepare('SELECT status FROM api_keys WHERE id = ?').get(key)).toEqual({ status: 'inactive' });
    });
    // One succeeded event per step, plus the one recorded failure of step 2.
    const events = localActions(leaver.id);
    const succeeded = events.filter((e) => (e.after as { outcome?: string }).outcome === 'succeeded');
    const failures = events.filter((e) => (e.after as { outcome?: string }).outcome === 'failed');
    expect(succeeded).toHaveLength(report.length);
    expect(failures.map((e) => e.keyId)).toEqual([second]);
    expect(rerun.stdout + rerun.stderr + failed.stdout).not.toContain(sandbox.adminKey);
  });

  it('an org admin: keeps one key with its inheritor noted, deactivates the other, ends with a pending Console step that a later sync resolves', async () => {
    await control('DELETE', '/requests');
    const [kept, ...deactivated] = admin.keys as [string, ...string[]];
    const dry = await cli(
      '--json',
      'offboard',
      admin.email,
      '--dry-run',
      '--keep',
      kept,
      '--inherit-to',
      'heir@example.com',
    );
    expect(dry.code, dry.stderr).toBe(0);
    const plan = OffboardPlanDto.parse(JSON.parse(dry.stdout).plan);
    // Keys first, then the Console step; no membership or org step (the API cannot change an admin's).
    expect(plan.steps.map((s) => s.kind).sort()).toEqual(
      ['console.remove', 'key.keep', ...deactivated.map(() => 'key.deactivate')].sort(),
    );
    expect(plan.steps.at(-1)!.kind).toBe('console.remove');
    expect(plan.steps.find((s) => s.kind === 'key.keep')!.targetId).toBe(kept);

    const run = await cli(
      '--json',
      'offboard',
      admin.email,
      '--yes',
      '--keep',
      kept,
      '--inherit-to',
      'heir@example.com',
    );
    expect(run.code, run.stderr).toBe(0);
    const report = OffboardReportDto.parse(JSON.parse(run.stdout).report);
    expect(report.run.status).toBe('awaiting-console');
    const consoleStep = report.steps.at(-1)!;
    expect(consoleStep).toMatchObject({ kind: 'console.remove', status: 'pending' });
    expect(consoleStep.detail).toContain(`Settings → Members: remove ${admin.email} (admin)`);
    expect(report.outcome).toMatch(/One step remains, in the Console/);
    expect((await api('GET', `api_keys/${kept}`)).body.status).toBe('active');
    for (const key of deactivated) expect((await api('GET', `api_keys/${key}`)).body.status).toBe('inactive');
    expect((await api('GET', `users/${admin.id}`)).status).toBe(200);
    const events = localActions(admin.id);
    expect(events).toHaveLength(admin.keys.length + 1);
    expect(events.find((e) => e.keyId === kept)?.summary).toMatch(
      /kept key '.+' in .+, inherited by heir@example\.com/,
    );

    // Nothing the API refuses for an admin was sent: no removal, no membership change.
    const sent = (await control('GET', '/requests')) as unknown as {
      requests: Array<{ method: string; path: string }>;
    };
    expect(
      sent.requests.filter((r) => r.method !== 'GET' && (r.path.includes(admin.id) || r.path.includes('/members'))),
    ).toEqual([]);

    // A rerun changes nothing while the Console step waits.
    expect((await cli('offboard', admin.email, '--yes')).code).toBe(0);
    expect(localActions(admin.id)).toHaveLength(admin.keys.length + 1);

    // Removed in the Console (the sandbox's scripted event), then a sync: the pending record resolves.
    await control('POST', '/events', { events: [{ type: 'user_removed', user_id: admin.id }] });
    const sync = await cli('sync', '--history', '2');
    expect(sync.code, sync.stderr).toBe(0);
    const after = await cli('--json', 'offboard', admin.email);
    expect(after.code, after.stderr).toBe(0);
    const resolved = OffboardReportDto.parse(JSON.parse(after.stdout).report);
    expect(resolved.run.status).toBe('done');
    expect(resolved.steps.at(-1)!.status).toBe('resolved');
    const finalEvents = localActions(admin.id);
    expect(finalEvents).toHaveLength(admin.keys.length + 2);
    expect(finalEvents[0]!.summary).toMatch(/no longer finds them/);
  });

  it('a step that keeps failing: --abandon closes the run (recorded), and the next dry run plans afresh', async () => {
    const nowMs = sandbox.clock.nowMs();
    const other = [...sandbox.model.users.values()].find(
      (u) =>
        u.removedAtMs === null &&
        u.id !== leaver.id &&
        !['admin', 'owner', 'primary_owner'].includes(u.role) &&
        [...sandbox.model.apiKeys.values()].some(
          (k) => k.createdBy?.id === u.id && k.status === 'active' && (k.expiresAtMs ?? Infinity) > nowMs,
        ),
    )!;
    await control('POST', '/faults', {
      rules: [{ route: '/v1/organizations/api_keys/*', method: 'POST', status: 403 }],
    });
    try {
      const failed = await cli('--json', 'offboard', other.email, '--yes');
      expect(failed.code, failed.stderr).toBe(1);
      expect(OffboardReportDto.parse(JSON.parse(failed.stdout).report).steps[0]!.status).toBe('failed');
      const abandoned = await cli('offboard', other.email, '--abandon');
      expect(abandoned.code, abandoned.stderr).toBe(0);
      expect(abandoned.stderr).toMatch(/Abandoned the stopped offboarding/);
      expect((await cli('offboard', other.email, '--abandon')).code).toBe(2);
      const dry = JSON.parse((await cli('--json', 'offboard', other.email, '--dry-run')).stdout);
      expect(dry.resumes).toBeNull();
      expect(dry.plan.steps.every((s: { status: string }) => s.status === 'planned')).toBe(true);
      expect(localActions(other.id)[0]!.summary).toMatch(/^Abandoned the offboarding of .+ after 0 of \d+ steps/);
    } finally {
      await control('DELETE', '/faults');
    }
  });
});
