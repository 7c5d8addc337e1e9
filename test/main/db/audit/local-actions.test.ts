import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { adminKeyHint } from '../../../../main/core/audit/normalise-local';
import { recordKeyConnected, recordKeyRemoved, recordSettingChanged } from '../../../../main/db/audit/local-actions';
import { searchAuditEvents } from '../../../../main/db/audit/search';
import { verifyAuditChain } from '../../../../main/db/audit/verify';
import { fixedNow, openAuditDb } from './audit-db';

let env: ReturnType<typeof openAuditDb>;
beforeEach(() => {
  env = openAuditDb();
});
afterEach(() => env.cleanup());

const FAKE_KEY = 'sk-ant-admin01-TESTabcdefghijklmnopqrstuvwxyz0123456789-WXYZ';

describe('local action log', () => {
  it('records a settings change with before and after, and nothing when the value did not change', () => {
    expect(recordSettingChanged(env.db, 'audit.retentionDays', null, 365, 1_000, { now: fixedNow })?.appended).toBe(1);
    expect(recordSettingChanged(env.db, 'audit.retentionDays', 365, 365, 2_000, { now: fixedNow })).toBeNull();
    const [event, ...rest] = searchAuditEvents(env.db, 'source:local').events;
    expect(rest).toEqual([]);
    expect(event).toMatchObject({
      type: 'settings.changed',
      source: 'local',
      atMs: 1_000,
      actor: { kind: 'local_admin' },
      targets: [{ type: 'setting', id: 'audit.retentionDays' }],
      before: { 'audit.retentionDays': null },
      after: { 'audit.retentionDays': 365 },
    });
    expect(verifyAuditChain(env.db).ok).toBe(true);
  });

  it('records key connected, replaced and removed with the org and the hint only, never the key', () => {
    const hint = adminKeyHint(FAKE_KEY);
    expect(hint).toBe('sk-ant-admin01-…WXYZ');
    recordKeyConnected(
      env.db,
      { profileId: 'acme', orgName: 'Acme', orgId: 'org_1', replaced: false, keyHint: hint, via: 'cli' },
      1_000,
      { now: fixedNow },
    );
    recordKeyConnected(
      env.db,
      { profileId: 'acme', orgName: 'Acme', orgId: 'org_1', replaced: true, keyHint: hint },
      2_000,
      { now: fixedNow },
    );
    recordKeyRemoved(env.db, { profileId: 'acme', via: 'window' }, 3_000, { now: fixedNow });
    const types = searchAuditEvents(env.db, '').events.map((e) => e.type);
    expect(types).toEqual(['key.removed', 'key.replaced', 'key.connected']);
    const connected = searchAuditEvents(env.db, 'type:key.connected').events[0]!;
    expect(connected.summary).toContain('Acme');
    expect(connected.summary).toContain('sk-ant-admin01-…WXYZ');
    expect(connected.after).toMatchObject({ orgId: 'org_1', keyHint: 'sk-ant-admin01-…WXYZ', via: 'cli' });
    const everything = JSON.stringify(env.db.prepare('SELECT * FROM audit_events').all());
    expect(everything).not.toContain('TESTabcdefghijklmnop');
  });

  it('gives no hint for something that is not key-shaped', () => {
    expect(adminKeyHint('hello')).toBeNull();
    expect(adminKeyHint('sk-ant-admin01-short')).toBeNull();
  });
});
