import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from '../../../main/db/migrate';
import { MIGRATIONS } from '../../../main/db/migrations/index';
import {
  claimDelivery,
  completeDelivery,
  releaseDelivery,
  STALE_CLAIM_MS,
  takenDeliveryKeys,
} from '../../../main/db/alerts/alert-deliveries-repo';

describe('migration 0420 and the delivery marks', () => {
  it('adds the tables to a mirror of the previous version, keeping its alert state', () => {
    const db = new Database(':memory:');
    migrate(
      db,
      MIGRATIONS.filter((m) => m.id < 420),
    );
    db.prepare(
      `INSERT INTO alert_settings (name, value_json, updated_at_ms) VALUES ('last_digest_day', '"2026-11-23"', 1)`,
    ).run();
    migrate(db, MIGRATIONS);
    expect(db.prepare(`SELECT value_json FROM alert_settings`).pluck().get()).toBe('"2026-11-23"');
    expect(db.prepare(`SELECT count(*) FROM alert_deliveries`).pluck().get()).toBe(0);
    expect(db.pragma('user_version', { simple: true })).toBeGreaterThanOrEqual(420);
  });

  it('gives each (channel, key) to one claimer; a release frees it; a stale claim may be taken over', () => {
    const db = new Database(':memory:');
    migrate(db, MIGRATIONS);
    expect(claimDelivery(db, 'webhook', 'e1', 'app', 1000)).toBe(true);
    expect(claimDelivery(db, 'webhook', 'e1', 'cron', 1001)).toBe(false);
    expect(claimDelivery(db, 'other', 'e1', 'cron', 1001)).toBe(true);
    expect(takenDeliveryKeys(db, 'webhook', 1002)).toEqual(new Set(['e1']));
    releaseDelivery(db, 'webhook', 'e1', 'cron'); // not the holder: nothing happens
    expect(claimDelivery(db, 'webhook', 'e1', 'cron', 1003)).toBe(false);
    releaseDelivery(db, 'webhook', 'e1', 'app');
    expect(claimDelivery(db, 'webhook', 'e1', 'cron', 1004)).toBe(true);
    completeDelivery(db, 'webhook', 'e1', 'cron', 1005);
    expect(claimDelivery(db, 'webhook', 'e1', 'app', 1006 + STALE_CLAIM_MS)).toBe(false);

    expect(claimDelivery(db, 'webhook', 'e2', 'dead', 2000)).toBe(true);
    expect(takenDeliveryKeys(db, 'webhook', 2000 + STALE_CLAIM_MS + 1).has('e2')).toBe(false);
    expect(claimDelivery(db, 'webhook', 'e2', 'app', 2000 + STALE_CLAIM_MS + 1)).toBe(true);
  });
});
