/**
 * The Compliance API activity feed in the sync, against the sandbox: with compliance on, scripted org
 * events reach the trail once each, with their actors, however often we sync; with compliance off, the same events
 * reach it as journal events and the refusal is remembered for six hours (a full sync asks at once); a 500 between feed pages leaves no duplicate.
 * With the feed read, a journal difference the feed records is left out (each change once); what the feed does not
 * record (a key expiring) stays a journal event, and a feed failing in that sync keeps the journal copies.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createAdminApi } from '../../../main/adapters/anthropic/admin-api';
import { createComplianceFeed } from '../../../main/adapters/anthropic/compliance-feed';
import { searchAuditEvents, verifyAuditChain } from '../../../main/db/audit/index';
import { openMirror, type MirrorDb } from '../../../main/db/open';
import { syncMirror } from '../../../main/services/sync/sync-mirror';
import { readProfileSetting } from '../../../main/db/settings/profile-settings';
import { startSandbox, type RunningSandbox } from '../../../main/sandbox/index';
import { listAll, tempMirrorFile } from './sandbox-helpers';

const HOUR = 3_600_000;

interface Env {
  sandbox: RunningSandbox;
  db: MirrorDb;
  cleanup(): Promise<void>;
}

let env: Env | null = null;
afterEach(async () => {
  await env?.cleanup();
  env = null;
});

async function setUp(compliance: boolean): Promise<Env> {
  const sandbox = await startSandbox({
    size: 'demo',
    seed: 8,
    compliance,
    freezeClock: true,
    seededEvents: false,
    now: new Date('2026-11-10T10:00:00Z'),
  });
  const mirror = tempMirrorFile();
  const db = openMirror(mirror.file);
  env = {
    sandbox,
    db,
    async cleanup() {
      db.close();
      mirror.cleanup();
      await sandbox.close();
    },
  };
  return env;
}

function sync({ sandbox, db }: Env, pageLimit = 25, full = true) {
  return syncMirror(db, createAdminApi({ apiKey: sandbox.adminKey, baseURL: sandbox.url, maxRetries: 0 }), {
    clock: { now: () => sandbox.clock.nowMs(), sleep: async () => undefined },
    full,
    historyDays: 3,
    requestsPerMinute: null,
    compliance: createComplianceFeed({ apiKey: sandbox.adminKey, baseURL: sandbox.url, maxRetries: 0 }),
    compliancePageLimit: pageLimit,
  });
}

async function control(
  sandbox: RunningSandbox,
  method: string,
  path: string,
  body?: unknown,
): Promise<Record<string, unknown>> {
  const res = await fetch(`${sandbox.controlUrl}${path}`, {
    method,
    headers: { authorization: `Bearer ${sandbox.controlToken}`, 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
  return (await res.json()) as Record<string, unknown>;
}

/** Three scripted changes by a named member: a key renamed, a user's role changed, an invite sent. */
async function scriptEvents(e: Env): Promise<{ keyId: string; userId: string; actor: { id: string; email: string } }> {
  const key = e.db.prepare(`SELECT id FROM api_keys WHERE status = 'active' ORDER BY id LIMIT 1`).get() as {
    id: string;
  };
  const users = e.db.prepare(`SELECT id, email, role FROM users ORDER BY id`).all() as Array<{
    id: string;
    email: string;
    role: string;
  }>;
  const actor = users.find((u) => u.role === 'admin')!;
  const target = users.find((u) => u.role === 'user' || u.role === 'developer')!;
  await control(e.sandbox, 'POST', '/events', {
    events: [
      { type: 'key_renamed', api_key_id: key.id, name: 'audited-rename', actor_user_id: actor.id },
      {
        type: 'role_changed',
        user_id: target.id,
        role: target.role === 'user' ? 'developer' : 'user',
        actor_user_id: actor.id,
      },
      { type: 'user_invited', email: 'new.person@example.com', role: 'user', actor_user_id: actor.id },
    ],
  });
  return { keyId: key.id, userId: target.id, actor: { id: actor.id, email: actor.email } };
}

/** Sources of the events about a change made at or after `sinceMs` (the org's earlier history is in the feed too). */
function sourcesSince(db: MirrorDb, query: string, sinceMs: number, about?: string): string[] {
  return searchAuditEvents(db, query)
    .events.filter((ev) => ev.atMs >= sinceMs && (about === undefined || ev.targets.some((t) => t.id === about)))
    .map((ev) => ev.source)
    .sort();
}

function complianceIds(db: MirrorDb): string[] {
  return db
    .prepare(`SELECT external_id FROM audit_events WHERE source = 'compliance' ORDER BY external_id`)
    .pluck()
    .all() as string[];
}

async function feedIds(sandbox: RunningSandbox): Promise<string[]> {
  return (await listAll<{ id: string }>(sandbox, '/v1/compliance/activities')).map((a) => a.id).sort();
}

describe('compliance feed in the sync', () => {
  it('with compliance on, scripted events appear once each with their actors, and a second sync adds no copy', async () => {
    const e = await setUp(true);
    const first = await sync(e);
    expect(first.status).toBe('ok');
    expect(first.resources.find((r) => r.resource === 'compliance_activities')).toMatchObject({ status: 'ok' });
    expect(readProfileSetting(e.db, 'compliance.probe')).toMatchObject({ status: 'available' });
    // The backfill paged backwards through the whole feed (page size 25): the trail holds exactly the feed.
    expect(complianceIds(e.db)).toEqual(await feedIds(e.sandbox));

    const scriptedAt = e.sandbox.clock.nowMs();
    const { keyId, userId, actor } = await scriptEvents(e);
    e.sandbox.clock.advance(60_000);
    await sync(e);
    await sync(e);

    const renamed = searchAuditEvents(e.db, `source:compliance type:platform_api_key_updated key:${keyId}`).events;
    expect(renamed).toHaveLength(1);
    expect(renamed[0]!.actor).toMatchObject({ kind: 'user', id: actor.id, email: actor.email });
    const roles = searchAuditEvents(e.db, 'source:compliance type:org_user_role_updated').events.filter((ev) =>
      ev.targets.some((t) => t.id === userId),
    );
    expect(roles).toHaveLength(1);
    expect(roles[0]!.actor).toMatchObject({ kind: 'user', email: actor.email });
    const invites = searchAuditEvents(e.db, 'source:compliance type:org_user_invite_sent').events.filter((ev) =>
      ev.summary.includes('new.person@example.com'),
    );
    expect(invites).toHaveLength(1);
    expect(invites[0]!.actor).toMatchObject({ email: actor.email });
    // Each change once in an unfiltered search: the feed's copy, not also the journal's snapshot difference.
    expect(sourcesSince(e.db, `key:${keyId}`, scriptedAt)).toEqual(['compliance']);
    expect(sourcesSince(e.db, '', scriptedAt, userId)).toEqual(['compliance']);
    expect(sourcesSince(e.db, 'new.person@example.com', scriptedAt)).toEqual(['compliance']);
    expect(searchAuditEvents(e.db, 'source:journal').events).toEqual([]);
    // Each activity of the feed once, nothing else, and the chain verifies.
    const ids = complianceIds(e.db);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toEqual(await feedIds(e.sandbox));
    expect(verifyAuditChain(e.db).ok).toBe(true);
  });

  it('with compliance on, a change the feed does not record (a key expiring) still arrives as a journal event, once', async () => {
    const e = await setUp(true);
    await sync(e);
    const [renamed, expiring] = e.db
      .prepare(`SELECT id FROM api_keys WHERE status = 'active' ORDER BY id LIMIT 2`)
      .pluck()
      .all() as string[];
    const scriptedAt = e.sandbox.clock.nowMs();
    await control(e.sandbox, 'POST', '/events', {
      events: [
        { type: 'key_renamed', api_key_id: renamed, name: 'renamed-while-on' },
        { type: 'key_expired', api_key_id: expiring },
      ],
    });
    e.sandbox.clock.advance(60_000);
    await sync(e);
    await sync(e);

    expect(sourcesSince(e.db, `key:${renamed}`, scriptedAt)).toEqual(['compliance']);
    const expired = searchAuditEvents(e.db, `key:${expiring}`).events.filter((ev) => ev.atMs >= scriptedAt);
    expect(expired.map((ev) => `${ev.source} ${ev.type}`)).toEqual(['journal api_key.changed']);
    expect(expired[0]!.after).toMatchObject({ status: 'expired' });
    expect(verifyAuditChain(e.db).ok).toBe(true);
  });

  it('when the feed fails in the sync that finds the changes, their journal copies are kept and never appended twice', async () => {
    const e = await setUp(true);
    await sync(e);
    const scriptedAt = e.sandbox.clock.nowMs();
    const { keyId, userId } = await scriptEvents(e);
    e.sandbox.clock.advance(60_000);
    await control(e.sandbox, 'POST', '/faults', { rules: [{ route: '/v1/compliance/activities*', status: 500 }] });
    const failed = await sync(e);
    expect(failed.resources.find((r) => r.resource === 'compliance_activities')).toMatchObject({ status: 'error' });
    expect(searchAuditEvents(e.db, `source:journal key:${keyId}`).events).toHaveLength(1);
    expect(
      searchAuditEvents(e.db, 'source:journal').events.filter((ev) => ev.targets.some((t) => t.id === userId)),
    ).toHaveLength(1);
    expect(sourcesSince(e.db, `key:${keyId}`, scriptedAt)).toEqual(['journal']);

    // The feed back: its copies arrive; the journal's stay (insert-only) and are not appended again.
    await control(e.sandbox, 'DELETE', '/faults');
    e.sandbox.clock.advance(60_000);
    await sync(e);
    await sync(e);
    expect(sourcesSince(e.db, `key:${keyId}`, scriptedAt)).toEqual(['compliance', 'journal']);
    expect(verifyAuditChain(e.db).ok).toBe(true);
  });

  it('with compliance off, the same events arrive as journal events and the refusal is remembered for six hours', async () => {
    const e = await setUp(false);
    const first = await sync(e);
    expect(first.status).toBe('ok');
    expect(first.resources.find((r) => r.resource === 'compliance_activities')).toMatchObject({
      status: 'unavailable',
    });
    expect(readProfileSetting(e.db, 'compliance.probe')).toMatchObject({
      status: 'refused',
      checkedAtMs: e.sandbox.clock.nowMs(),
    });

    const { keyId } = await scriptEvents(e);
    await control(e.sandbox, 'DELETE', '/requests');
    e.sandbox.clock.advance(HOUR);
    const second = await sync(e, 25, false);
    expect(second.status).toBe('ok');
    expect(second.resources.find((r) => r.resource === 'compliance_activities')).toMatchObject({ status: 'skipped' });
    const log = (await control(e.sandbox, 'GET', '/requests')).requests as Array<{ path: string }>;
    expect(log.length).toBeGreaterThan(0);
    expect(log.filter((r) => r.path.startsWith('/v1/compliance'))).toEqual([]);

    expect(searchAuditEvents(e.db, 'source:compliance').events).toEqual([]);
    const journal = searchAuditEvents(e.db, `source:journal key:${keyId}`).events;
    expect(journal).toHaveLength(1);
    expect(journal[0]!.summary).toContain('audited-rename');
    expect(searchAuditEvents(e.db, 'source:journal new.person@example.com').events.length).toBeGreaterThan(0);

    // Five hours later it is still not asked; six hours after the refusal it is asked again (once).
    await control(e.sandbox, 'DELETE', '/requests');
    e.sandbox.clock.advance(4 * HOUR);
    await sync(e, 25, false);
    e.sandbox.clock.advance(HOUR);
    await sync(e, 25, false);
    const later = (await control(e.sandbox, 'GET', '/requests')).requests as Array<{ path: string }>;
    expect(later.filter((r) => r.path.startsWith('/v1/compliance/activities'))).toHaveLength(1);
    // A full sync asks at once, without waiting for the six hours.
    await control(e.sandbox, 'DELETE', '/requests');
    await sync(e, 25, true);
    const full = (await control(e.sandbox, 'GET', '/requests')).requests as Array<{ path: string }>;
    expect(full.filter((r) => r.path.startsWith('/v1/compliance/activities'))).toHaveLength(1);
  });

  it('a 500 on the feed between pages keeps the committed pages, and the next sync completes without a duplicate', async () => {
    const e = await setUp(true);
    await control(e.sandbox, 'POST', '/faults', {
      rules: [{ route: '/v1/compliance/activities*', every: 3, times: 1, status: 500 }],
    });
    const first = await sync(e, 10);
    expect(first.status).toBe('partial');
    expect(first.resources.find((r) => r.resource === 'compliance_activities')).toMatchObject({
      status: 'error',
      pages: 2,
    });
    expect(first.problems.some((p) => p.resource === 'compliance_activities' && p.status === 500)).toBe(true);
    const partial = complianceIds(e.db);
    expect(partial).toHaveLength(20);

    const second = await sync(e, 10);
    expect(second.status).toBe('ok');
    const ids = complianceIds(e.db);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toEqual(await feedIds(e.sandbox));
    expect(verifyAuditChain(e.db).ok).toBe(true);
  });
});
