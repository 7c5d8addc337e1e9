import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate, schemaVersion } from '../../../../main/db/migrate';
import { MIGRATIONS } from '../../../../main/db/migrations/index';
import { AUDIT_TRAIL_MIGRATION_ID } from '../../../../main/db/migrations/0100-create-audit-trail';
import { recordLocalAuditAction } from '../../../../main/db/audit/append';
import { keyConnectedAction } from '../../../../main/core/audit/normalise-local';
import { verifyAuditChain } from '../../../../main/db/audit/verify';

describe('migration 0100-create-audit-trail', () => {
  it('is in the migration list and adds the audit tables to a mirror of the previous version, keeping its data', () => {
    expect(MIGRATIONS.map((m) => m.id)).toContain(AUDIT_TRAIL_MIGRATION_ID);
    const db = new Database(':memory:');
    const before = MIGRATIONS.filter((m) => m.id < AUDIT_TRAIL_MIGRATION_ID);
    migrate(db, before);
    db.prepare(
      "INSERT INTO users (id, email, name, role, added_at_ms, first_seen_at_ms, last_seen_at_ms, seen_pass) VALUES ('user_01', 'ada@example.com', 'Ada', 'admin', 1, 1, 1, 1)",
    ).run();

    migrate(
      db,
      MIGRATIONS.filter((m) => m.id <= AUDIT_TRAIL_MIGRATION_ID),
    );
    expect(schemaVersion(db)).toBe(AUDIT_TRAIL_MIGRATION_ID);
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all();
    expect(tables).toEqual(expect.arrayContaining(['audit_events', 'audit_anchors', 'audit_purge_guard', 'audit_fts']));
    expect(db.prepare('SELECT email FROM users').pluck().all()).toEqual(['ada@example.com']);

    migrate(db, MIGRATIONS); // verify also reads the trail marker (migration 0360)
    recordLocalAuditAction(db, keyConnectedAction({ atMs: 1, orgId: 'org_1', orgName: 'Acme', profileId: 'default' }));
    expect(verifyAuditChain(db)).toMatchObject({ ok: true, checked: 1 });
  });
});
