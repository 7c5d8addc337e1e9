import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDemoOrg, type DemoOrg } from '../../../main/services/demo/demo-org';
import { searchAuditEvents, verifyAuditChain } from '../../../main/db/audit/index';

let dir: string;
let demo: DemoOrg;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'demo-audit-'));
  demo = await openDemoOrg({ mirrorFile: join(dir, 'mirror.sqlite') });
}, 60_000);
afterAll(async () => {
  await demo?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('the demo org audit trail', () => {
  it('holds the scripted changes as journal events, once each, named from the mirror', () => {
    const events = searchAuditEvents(demo.db, 'source:journal', { limit: 100 }).events;
    expect(events.map((event) => event.type).sort()).toEqual([
      'api_key.changed',
      'api_key.created',
      'invite.created',
      'user.changed',
    ]);
    const promotion = events.find((event) => event.type === 'user.changed')!;
    expect(promotion.before).toEqual({ role: 'developer' });
    expect(promotion.after).toEqual({ role: 'admin' });
    const userName = demo.db
      .prepare('SELECT name FROM users WHERE id = ?')
      .pluck()
      .get(promotion.targets[0]?.id) as string;
    expect(promotion.summary).toContain(userName);
    expect(searchAuditEvents(demo.db, 'demo-reporting-job').events).toHaveLength(1);
  });

  it('is a valid chain', () => {
    expect(verifyAuditChain(demo.db).ok).toBe(true);
  });

  it('stays as it was when the window opens the demo again (the same org, the scripted changes not reverted)', async () => {
    const before = searchAuditEvents(demo.db, '', { limit: 100 }).events.map((event) => event.id);
    await demo.close();
    demo = await openDemoOrg({ mirrorFile: join(dir, 'mirror.sqlite') });
    expect(demo.summary.status).toBe('ok');
    expect(searchAuditEvents(demo.db, '', { limit: 100 }).events.map((event) => event.id)).toEqual(before);
    expect(verifyAuditChain(demo.db).ok).toBe(true);
  });
});
