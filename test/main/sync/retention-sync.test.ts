/**
 * The profile's audit retention (`audit.retentionDays`) is applied after each sync: the oldest events go,
 * the purge is recorded with the anchor it left, `audit verify` still passes, and the feed does not bring the
 * purged activities back. With the default (forever) nothing is ever removed.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createAdminApi } from '../../../main/adapters/anthropic/admin-api';
import { createComplianceFeed } from '../../../main/adapters/anthropic/compliance-feed';
import { searchAuditEvents, verifyAuditChain } from '../../../main/db/audit/index';
import { openMirror, type MirrorDb } from '../../../main/db/open';
import { syncMirror } from '../../../main/services/sync/sync-mirror';
import { writeProfileSetting } from '../../../main/db/settings/profile-settings';
import { startSandbox, type RunningSandbox } from '../../../main/sandbox/index';
import { tempMirrorFile } from './sandbox-helpers';

const DAY = 86_400_000;
let sandbox: RunningSandbox;
let db: MirrorDb;
let mirror: ReturnType<typeof tempMirrorFile>;
afterEach(async () => {
  db.close();
  mirror.cleanup();
  await sandbox.close();
});

const sync = () =>
  syncMirror(db, createAdminApi({ apiKey: sandbox.adminKey, baseURL: sandbox.url, maxRetries: 0 }), {
    clock: { now: () => sandbox.clock.nowMs(), sleep: async () => undefined },
    historyDays: 3,
    requestsPerMinute: null,
    compliance: createComplianceFeed({ apiKey: sandbox.adminKey, baseURL: sandbox.url, maxRetries: 0 }),
  });

const count = (where = '1 = 1'): number =>
  db.prepare(`SELECT count(*) FROM audit_events WHERE ${where}`).pluck().get() as number;

describe('audit retention after each sync', () => {
  it('keeps N days: purges the older events after the sync, records the purge and its anchor, and verify passes', async () => {
    sandbox = await startSandbox({
      size: 'demo',
      seed: 21,
      compliance: true,
      freezeClock: true,
      seededEvents: false,
      now: new Date('2026-11-10T10:00:00Z'),
    });
    mirror = tempMirrorFile();
    db = openMirror(mirror.file);
    await sync();
    sandbox.clock.advance(60_000);
    const now = sandbox.clock.nowMs(); // the second sync's time: retention cuts at now − 30 days
    const old = count(`at_ms < ${now - 30 * DAY}`);
    const recent = count(`at_ms >= ${now - 30 * DAY}`);
    expect(old).toBeGreaterThan(0); // the feed reaches back months: there is something to purge
    expect(recent).toBeGreaterThan(0);

    writeProfileSetting(db, 'audit.retentionDays', 30, now);
    const second = await sync();
    expect(second.status).toBe('ok');
    const purge = searchAuditEvents(db, 'type:retention.purged').events;
    expect(purge).toHaveLength(1);
    expect(purge[0]!.after).toMatchObject({ removedCount: old, throughHash: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect(count(`at_ms < ${now - 30 * DAY}`)).toBe(0);
    const anchor = db.prepare('SELECT through_id, through_hash FROM audit_anchors').get() as {
      through_id: number;
      through_hash: string;
    };
    expect(anchor.through_hash).toBe((purge[0]!.after as { throughHash: string }).throughHash);
    expect(verifyAuditChain(db)).toMatchObject({ ok: true });

    // The next sync re-reads only the recent end of the feed: the purged activities stay purged.
    const before = count(`source = 'compliance'`);
    sandbox.clock.advance(60_000);
    await sync();
    expect(count(`at_ms < ${now - 30 * DAY}`)).toBe(0);
    expect(count(`source = 'compliance'`)).toBeGreaterThanOrEqual(before);
    expect(searchAuditEvents(db, 'type:retention.purged').events).toHaveLength(1); // nothing more was old enough
    expect(verifyAuditChain(db).ok).toBe(true);
  });

  it('forever (the default) never purges', async () => {
    sandbox = await startSandbox({
      size: 'demo',
      seed: 22,
      compliance: true,
      freezeClock: true,
      seededEvents: false,
      now: new Date('2026-11-10T10:00:00Z'),
    });
    mirror = tempMirrorFile();
    db = openMirror(mirror.file);
    await sync();
    const all = count();
    sandbox.clock.advance(40 * DAY);
    await sync();
    expect(count()).toBeGreaterThanOrEqual(all);
    expect(searchAuditEvents(db, 'type:retention.purged').events).toEqual([]);
  });
});
