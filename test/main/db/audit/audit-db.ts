import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { AuditEventDraft } from '../../../../main/core/audit/event';
import { up } from '../../../../main/db/migrations/0100-create-audit-trail';
import { migration as trailMarker } from '../../../../main/db/migrations/0360-create-audit-trail-marker';
import { migration as sealSwitch } from '../../../../main/db/migrations/0370-create-audit-seal-switch';

/** A file-backed database with only the audit migrations applied (WAL, like the mirror), in its own temp folder. */
export function openAuditDb(): { db: Database.Database; file: string; dir: string; headPath: string; cleanup(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'audit-'));
  const file = join(dir, 'mirror.sqlite');
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  up(db);
  trailMarker.up(db);
  sealSwitch.up(db);
  return {
    db,
    file,
    dir,
    headPath: `${file}.audit-head.json`,
    cleanup() {
      if (db.open) db.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export function localDraft(i: number, overrides: Partial<AuditEventDraft> = {}): AuditEventDraft {
  return {
    atMs: 1_700_000_000_000 + i * 1000,
    source: 'local',
    type: 'settings.changed',
    externalId: null,
    actor: { kind: 'local_admin', name: 'this app' },
    workspaceId: null,
    keyId: null,
    targets: [{ type: 'setting', id: `s${i}` }],
    summary: `changed setting number ${i}`,
    before: { value: i - 1 },
    after: { value: i },
    raw: null,
    ...overrides,
  };
}

/** A fixed clock for recorded-at times. */
export const fixedNow = (): number => 1_800_000_000_000;
