import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startSandbox, type RunningSandbox } from '../../../main/sandbox/index';
import { createAdminApi } from '../../../main/adapters/anthropic/admin-api';
import { openMirror, type MirrorDb } from '../../../main/db/open';
import { syncMirror } from '../../../main/services/sync/sync-mirror';
import { searchAuditEvents, verifyAuditChain } from '../../../main/db/audit/index';
import { tempMirrorFile } from './sandbox-helpers';

describe('every sync copies its journal into the audit trail', () => {
  let sandbox: RunningSandbox;
  let db: MirrorDb;
  let mirror: ReturnType<typeof tempMirrorFile>;
  const sync = () =>
    syncMirror(db, createAdminApi({ apiKey: sandbox.adminKey, baseURL: sandbox.url, maxRetries: 0 }), {
      clock: { now: () => sandbox.clock.nowMs(), sleep: async () => undefined },
      full: true,
      historyDays: 3,
      requestsPerMinute: null,
    });

  beforeEach(async () => {
    sandbox = await startSandbox({
      size: 'demo',
      seed: 5,
      freezeClock: true,
      seededEvents: false,
      now: new Date('2026-11-10T10:00:00Z'),
    });
    mirror = tempMirrorFile();
    db = openMirror(mirror.file);
  });
  afterEach(async () => {
    db.close();
    mirror.cleanup();
    await sandbox.close();
  });

  it('a key renamed between two syncs appears once in the trail, named, as a journal event', async () => {
    await sync();
    expect(searchAuditEvents(db, '').events).toHaveLength(0); // a first sync is a baseline

    const key = db.prepare(`SELECT id, name FROM api_keys WHERE status = 'active' ORDER BY id LIMIT 1`).get() as {
      id: string;
      name: string;
    };
    const res = await fetch(`${sandbox.controlUrl}/events`, {
      method: 'POST',
      headers: { authorization: `Bearer ${sandbox.controlToken}`, 'content-type': 'application/json' },
      body: JSON.stringify({ events: [{ type: 'key_renamed', api_key_id: key.id, name: 'renamed-for-audit' }] }),
    });
    expect(res.ok).toBe(true);
    await sync();
    await sync(); // a further sync must not copy the same journal event again

    const found = searchAuditEvents(db, `source:journal key:${key.id}`).events;
    expect(found).toHaveLength(1);
    expect(found[0]!.summary).toContain('renamed-for-audit');
    expect(verifyAuditChain(db).ok).toBe(true);
  });
});
