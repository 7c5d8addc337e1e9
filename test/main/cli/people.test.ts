/**
 * `users` and `invites` against the sandbox's demo and mid orgs, synced once per file at a pinned instant: every
 * member and invite the sandbox's Admin API lists is there with its role, status and the keys it created; the
 * demo's scripted promotion dates its admin, the others read "admin before" the first sync; `--json` parses as the
 * contract's DTOs; empty answers, bad values and unknown profiles are said as such. The CLI runs in process.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { z } from 'zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mirrorFile } from '../../../main/adapters/data-dir';
import { runCliInMemory } from '../../helpers/memory-cli';
import { openDemoOrg, type DemoOrg } from '../../../main/services/demo/demo-org';
import { peopleHandlers } from '../../../main/ipc/domains/people';
import { appendComplianceActivitiesToAudit } from '../../../main/db/audit/append';
import { InviteDto, PeopleDto, PersonDto } from '../../../preload/contract-people';

const PINNED = '2026-11-24T10:00:00Z';
const DAY = 86_400_000;

let root: string;
const orgs = new Map<string, DemoOrg>();

function cli(...args: string[]) {
  return runCliInMemory(['--data-dir', join(root, 'data'), ...args], { HOME: root });
}

/** The sandbox's own answer (a second reading of the org, independent of the mirror), all pages. */
async function apiList<T>(org: DemoOrg, path: string): Promise<T[]> {
  const all: T[] = [];
  let after: string | null = null;
  for (;;) {
    const url = new URL(`/v1/organizations/${path}`, org.sandbox.url);
    url.searchParams.set('limit', '1000');
    if (after) url.searchParams.set('after_id', after);
    const response = await fetch(url, {
      headers: { 'x-api-key': org.sandbox.adminKey, 'anthropic-version': '2023-06-01' },
    });
    const page = (await response.json()) as { data: T[]; has_more: boolean; last_id: string | null };
    all.push(...page.data);
    if (!page.has_more) return all;
    after = page.last_id;
  }
}

interface ApiUser {
  id: string;
  email: string;
  role: string;
}
interface ApiInvite {
  id: string;
  email: string;
  role: string;
  status: string;
  invited_at: string;
  expires_at: string;
}
interface ApiKey {
  id: string;
  status: string;
  created_by: { id: string; type: string } | null;
}

/** The documented fields of a `report claude-code --group-by user --json` row this test compares. */
interface ClaudeCodeJsonRow {
  actor?: { type: string; email_address: string };
  days_active: number;
  num_sessions: number;
  lines_of_code: { added: number; removed: number };
  commits_by_claude_code: number;
  pull_requests_by_claude_code: number;
  estimated_cost: { amount_cents: string };
}
const UsersJson = z.object({ profile: z.string(), firstSyncAtMs: z.number().nullable(), users: z.array(PersonDto) });
const InvitesJson = z.object({ profile: z.string(), invites: z.array(InviteDto) });

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'clade-people-'));
  for (const size of ['demo', 'mid'] as const)
    orgs.set(
      size,
      await openDemoOrg({
        mirrorFile: mirrorFile(join(root, 'data'), `${size}-org`),
        size,
        frozenAt: new Date(PINNED),
      }),
    );
}, 120_000);
afterAll(async () => {
  for (const org of orgs.values()) await org.close();
  rmSync(root, { recursive: true, force: true });
});

describe.each(['demo', 'mid'])('on the %s org', (size) => {
  const profile = `${size}-org`;

  it('users lists every member with the org role and active keys the API gives', async () => {
    const org = orgs.get(size)!;
    const [apiUsers, apiKeys] = [await apiList<ApiUser>(org, 'users'), await apiList<ApiKey>(org, 'api_keys')];
    const result = await cli('--profile', profile, '--json', 'users', '--now', PINNED);
    expect(result.code, result.stderr).toBe(0);
    const json = UsersJson.parse(JSON.parse(result.stdout));
    expect(json.users.map((u) => [u.email, u.role]).sort()).toEqual(apiUsers.map((u) => [u.email, u.role]).sort());
    for (const user of json.users) {
      const created = apiKeys.filter(
        (k) => k.status === 'active' && k.created_by?.type === 'user' && k.created_by.id === user.id,
      );
      expect(user.keysCreated.map((k) => k.id).sort(), user.email).toEqual(created.map((k) => k.id).sort());
      expect(user.adminSince === null, user.email).toBe(!['admin', 'owner', 'primary_owner'].includes(user.role));
    }
    expect(json.users.some((u) => u.lastClaudeCodeDayMs !== null)).toBe(true);
    // Their Claude Code month is the Claude Code report's own figures for the same 30 days (one truth).
    const report = await cli(
      '--profile',
      profile,
      '--json',
      'report',
      'claude-code',
      '--from',
      '2026-10-26',
      '--to',
      '2026-11-24',
      '--group-by',
      'user',
    );
    expect(report.code, report.stderr).toBe(0);
    const byEmail = new Map(
      (JSON.parse(report.stdout) as { rows: ClaudeCodeJsonRow[] }).rows
        .filter((r) => r.actor?.type === 'user_actor')
        .map((r) => [r.actor!.email_address.toLowerCase(), r]),
    );
    expect(byEmail.size).toBeGreaterThan(0);
    for (const user of json.users) {
      const row = byEmail.get(user.email.toLowerCase());
      expect(user.claudeCode30d, user.email).toEqual(
        row
          ? {
              daysActive: row.days_active,
              sessions: row.num_sessions,
              linesAdded: row.lines_of_code.added,
              linesRemoved: row.lines_of_code.removed,
              commits: row.commits_by_claude_code,
              pullRequests: row.pull_requests_by_claude_code,
              estimatedCostCents: row.estimated_cost.amount_cents,
            }
          : null,
      );
    }
    expect(json.users.some((u) => u.workspaces.length > 1)).toBe(true);
  });

  it('users --role admin answers the admins, in a table with ids and a total', async () => {
    const admins = (await apiList<ApiUser>(orgs.get(size)!, 'users')).filter((u) => u.role === 'admin');
    expect(admins.length).toBeGreaterThan(1);
    const result = await cli('--profile', profile, 'users', '--role', 'admin', '--now', PINNED);
    expect(result.code, result.stderr).toBe(0);
    const lines = result.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^EMAIL\s+NAME\s+ORG ROLE\s+MEMBER SINCE\s+ADMIN SINCE\s+ACTIVE KEYS/);
    expect(lines).toHaveLength(admins.length + 2);
    for (const admin of admins) expect(result.stdout).toContain(admin.id);
    expect(lines.at(-1)).toMatch(new RegExp(`^${admins.length} members · ${admins.length} admins`));
    // Columns line up: the ORG ROLE column starts at the same offset on every row.
    const roleAt = lines[0]!.indexOf('ORG ROLE');
    for (const line of lines.slice(1, -1)) expect(line.slice(roleAt, roleAt + 6)).toBe('admin ');
  });

  it('invites lists every invite the API gives, with its age at the pinned instant', async () => {
    const apiInvites = await apiList<ApiInvite>(orgs.get(size)!, 'invites');
    const result = await cli('--profile', profile, '--json', 'invites', '--now', PINNED);
    expect(result.code, result.stderr).toBe(0);
    const { invites } = InvitesJson.parse(JSON.parse(result.stdout));
    expect(invites.map((i) => [i.id, i.email, i.role]).sort()).toEqual(
      apiInvites.map((i) => [i.id, i.email, i.role]).sort(),
    );
    for (const invite of invites) {
      const api = apiInvites.find((i) => i.id === invite.id)!;
      expect(invite.ageDays).toBe(Math.floor((Date.parse(PINNED) - Date.parse(api.invited_at)) / DAY));
    }
    const pending = await cli('--profile', profile, '--json', 'invites', '--status', 'pending', '--now', PINNED);
    const pendingIds = InvitesJson.parse(JSON.parse(pending.stdout)).invites.map((i) => i.id);
    expect(pendingIds.length).toBeGreaterThan(0);
    expect(pendingIds.sort()).toEqual(
      apiInvites
        .filter((i) => i.status === 'pending')
        .map((i) => i.id)
        .sort(),
    );
  });

  it('judges a pending invite past its expiry as expired, as the alerts do', async () => {
    const apiInvites = await apiList<ApiInvite>(orgs.get(size)!, 'invites');
    const pending = apiInvites.filter((i) => i.status === 'pending');
    // The first pending invite's expiry plus a minute: it, and any expiring before it, are no longer pending.
    const later = Math.min(...pending.map((i) => Date.parse(i.expires_at))) + 60_000;
    const result = await cli('--profile', profile, '--json', 'invites', '--now', new Date(later).toISOString());
    const { invites } = InvitesJson.parse(JSON.parse(result.stdout));
    const expected = pending.filter((i) => Date.parse(i.expires_at) > later).map((i) => i.id);
    expect(expected.length).toBeLessThan(pending.length);
    expect(
      invites
        .filter((i) => i.status === 'pending')
        .map((i) => i.id)
        .sort(),
    ).toEqual(expected.sort());
  });
});

describe('the window and the CLI', () => {
  it('answer the same members and invites (clade:people/list and users / invites --json)', async () => {
    const org = orgs.get('mid')!;
    const handlers = peopleHandlers({ mirror: () => org.db, now: () => Date.parse(PINNED) });
    const window = PeopleDto.parse(
      await handlers['clade:people/list'](undefined, { channel: 'clade:people/list', via: 'ipc' }),
    );
    const users = UsersJson.parse(
      JSON.parse((await cli('--profile', 'mid-org', '--json', 'users', '--now', PINNED)).stdout),
    );
    const invites = InvitesJson.parse(
      JSON.parse((await cli('--profile', 'mid-org', '--json', 'invites', '--now', PINNED)).stdout),
    );
    expect(window.members.length).toBeGreaterThan(50);
    expect(window.members).toEqual(users.users);
    expect(window.invites).toEqual(invites.invites);
    expect(window.firstSyncAtMs).toBe(users.firstSyncAtMs);
  });
});

describe('admin since', () => {
  it("dates the demo's scripted promotion by the sync that saw it, the other admins before the first sync", async () => {
    const result = await cli('--profile', 'demo-org', '--json', 'users', '--role', 'admin', '--now', PINNED);
    const { users, firstSyncAtMs } = UsersJson.parse(JSON.parse(result.stdout));
    expect(firstSyncAtMs).toBe(Date.parse(PINNED));
    // The demo's history promotes one member to admin between its two syncs (demo-audit-history.ts).
    expect(users.filter((u) => u.adminSince?.source === 'journal')).toHaveLength(1);
    expect(users.filter((u) => u.adminSince?.source === 'before-first-sync').length).toBeGreaterThan(0);
    const human = await cli('--profile', 'demo-org', 'users', '--role', 'admin', '--now', PINNED);
    expect(human.stdout).toContain('before 2026-11-24');
  });
});

describe('admin since, from the compliance feed', () => {
  // Last in the file: it adds a feed activity to the mid org's mirror.
  it('dates a promotion the feed recorded before the mirror existed, instead of "before the first sync"', async () => {
    const before = UsersJson.parse(
      JSON.parse((await cli('--profile', 'mid-org', '--json', 'users', '--role', 'admin', '--now', PINNED)).stdout),
    );
    const admin = before.users.find((u) => u.adminSince?.source === 'before-first-sync')!;
    const other = before.users.find((u) => u.adminSince?.source === 'before-first-sync' && u.id !== admin.id)!;
    // admin-api.md §5's activity envelope; `updates.role` as the sandbox's feed records a role change.
    appendComplianceActivitiesToAudit(orgs.get('mid')!.db, [
      {
        id: 'activity_01PROMOTED',
        created_at: '2026-10-01T09:30:00Z',
        type: 'org_user_role_updated',
        actor: { type: 'user_actor', user_id: other.id, email_address: other.email },
        user_id: admin.id,
        updates: { role: { previous: 'developer', current: 'admin' } },
      },
    ]);
    const after = UsersJson.parse(
      JSON.parse((await cli('--profile', 'mid-org', '--json', 'users', '--role', 'admin', '--now', PINNED)).stdout),
    );
    expect(after.users.find((u) => u.id === admin.id)!.adminSince).toEqual({
      atMs: Date.parse('2026-10-01T09:30:00Z'),
      source: 'compliance',
    });
    expect(after.users.find((u) => u.id === other.id)!.adminSince!.source).toBe('before-first-sync');
  });
});

describe('empty and bad input', () => {
  it('says when nothing matches, and answers an empty list in JSON', async () => {
    const none = await cli('--profile', 'demo-org', 'users', '--role', 'primary_owner');
    expect(none).toMatchObject({ code: 0, stdout: 'No members.\n' });
    const json = await cli('--profile', 'demo-org', '--json', 'invites', '--status', 'deleted');
    expect(InvitesJson.parse(JSON.parse(json.stdout)).invites).toEqual([]);
    const fresh = await cli('users');
    expect(fresh.code).toBe(0);
    expect(fresh.stdout).toContain('has no local mirror yet');
  });

  it('refuses an unknown role or status with exit 2, naming the valid ones', async () => {
    const role = await cli('--profile', 'demo-org', 'users', '--role', 'superuser');
    expect(role.code).toBe(2);
    expect(role.stderr).toContain('--role: unknown value "superuser"; expected one of: primary_owner, owner, admin');
    const status = await cli('--profile', 'demo-org', 'invites', '--status', 'open');
    expect(status.code).toBe(2);
    expect(status.stderr).toContain('expected one of: pending, expired, accepted, deleted');
  });

  it('refuses an unknown profile like the other read commands', async () => {
    const result = await cli('--profile', 'nobody', 'invites');
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('no profile "nobody"');
  });
});
