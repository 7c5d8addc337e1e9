import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { migrate } from '../../../../main/db/migrate';
import { MIGRATIONS } from '../../../../main/db/migrations/index';
import {
  readAllProfileSettings,
  readProfileSetting,
  writeProfileSetting,
} from '../../../../main/db/settings/profile-settings';

describe('profile settings', () => {
  const dbs: Database.Database[] = [];
  const open = (): Database.Database => {
    const db = new Database(':memory:');
    migrate(db, MIGRATIONS);
    dbs.push(db);
    return db;
  };
  afterEach(() => dbs.splice(0).forEach((db) => db.close()));

  it('answers the documented defaults when nothing is stored', () => {
    const db = open();
    expect(readProfileSetting(db, 'sync.intervalMinutes')).toBe(15);
    expect(readProfileSetting(db, 'audit.retentionDays')).toBeNull();
  });

  it('stores a valid value and reads it back', () => {
    const db = open();
    expect(writeProfileSetting(db, 'audit.retentionDays', 30, 1)).toEqual({ ok: true });
    expect(readProfileSetting(db, 'audit.retentionDays')).toBe(30);
    expect(writeProfileSetting(db, 'audit.retentionDays', null, 2)).toEqual({ ok: true });
    expect(readProfileSetting(db, 'audit.retentionDays')).toBeNull();
  });

  it('refuses an invalid value with the setting name and leaves the stored one', () => {
    const db = open();
    writeProfileSetting(db, 'sync.intervalMinutes', 30, 1);
    const result = writeProfileSetting(db, 'sync.intervalMinutes', 1, 2);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.message).toMatch(/^sync\.intervalMinutes: /);
    expect(readProfileSetting(db, 'sync.intervalMinutes')).toBe(30);
  });

  it('falls back to the default when the stored JSON no longer fits the schema', () => {
    const db = open();
    db.prepare("INSERT INTO profile_settings VALUES ('sync.intervalMinutes', '\"soon\"', 1)").run();
    expect(readProfileSetting(db, 'sync.intervalMinutes')).toBe(15);
  });

  it('api.baseUrl takes only the API or loopback (normalised), and a stored value that breaks the rule reads as none', () => {
    const db = open();
    expect(writeProfileSetting(db, 'api.baseUrl', 'http://LOCALHOST:4010/', 1)).toEqual({ ok: true });
    expect(readProfileSetting(db, 'api.baseUrl')).toBe('http://localhost:4010');
    const refused = writeProfileSetting(db, 'api.baseUrl', 'https://api.anthropic.com.evil.example', 2);
    expect(!refused.ok && refused.message).toMatch(/^api\.baseUrl: the admin key may only be sent to/);
    // Edited into the file by hand: never followed.
    db.prepare(`UPDATE profile_settings SET value_json = '"http://10.0.0.5:8080"' WHERE name = 'api.baseUrl'`).run();
    expect(readProfileSetting(db, 'api.baseUrl')).toBeNull();
  });

  it('lists every setting in declaration order', () => {
    const names = readAllProfileSettings(open()).map((s) => s.name);
    expect(names).toEqual([
      'sync.intervalMinutes',
      'sync.historyDays',
      'sync.requestsPerMinute',
      'audit.retentionDays',
      'api.baseUrl',
      'webhook.format',
      'compliance.probe',
      'audit.ownAdminKeyIds',
      'pricing.overrides',
      'demo.org',
      'posture.keyNameTemplate',
      'posture.environments',
      'posture.maxAdmins',
      'posture.auditReviewDays',
      'posture.notApplicable',
    ]);
  });
});
