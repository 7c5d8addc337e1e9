/**
 * After a profile's admin key was connected or replaced: every "not available for this org" mark (sync resources and
 * the compliance feed) is asked again by the next sync, since the new key may have what the old one lacked. The
 * mirror's data is not touched.
 */
import type Database from 'better-sqlite3';
import { SyncStateRepo } from './repos/sync-state-repo';
import { readProfileSetting, writeProfileSetting } from './settings/profile-settings';

export function reprobeAfterKeyChange(db: Database.Database, atMs: number): void {
  db.transaction(() => {
    new SyncStateRepo(db).reprobeUnavailable();
    if (readProfileSetting(db, 'compliance.probe')?.status === 'refused')
      writeProfileSetting(db, 'compliance.probe', null, atMs);
  })();
}
