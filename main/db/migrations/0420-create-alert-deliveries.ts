import type Database from 'better-sqlite3';
import type { Migration } from '../migrate';

/**
 * The "delivered" marks of alert channels other than the desktop notifier (which keeps `notified_at_ms` on the
 * episode): one row per (channel, key), where key is an episode id or `digest@<local day>` and channel is e.g.
 * `webhook`. A row is first written as a claim (`state = 'claimed'`, with the claimer's random token) in an
 * IMMEDIATE transaction BEFORE the post, so the app, a cron `check` and `serve-metrics` on the same mirror can never
 * post the same episode twice: the second claimer finds the row and skips. A successful post turns the claim into
 * `delivered`; a failed one deletes it (the next cycle tries again). A claim left by a process that died mid-post
 * is taken over after a while (db/alerts/alert-deliveries-repo.ts).
 *
 * `alert_channel_state` keeps per channel the last outcome (for `alerts webhook status` and the Settings view) and
 * the consecutive failures that space out retries of a webhook that keeps failing. No URL is ever stored here.
 */
const DDL = `
CREATE TABLE alert_deliveries (
  channel TEXT NOT NULL,
  key TEXT NOT NULL,
  state TEXT NOT NULL CHECK (state IN ('claimed', 'delivered')),
  claim_token TEXT NOT NULL,
  claimed_at_ms INTEGER NOT NULL,
  delivered_at_ms INTEGER,
  PRIMARY KEY (channel, key)
) STRICT;

CREATE TABLE alert_channel_state (
  channel TEXT PRIMARY KEY,
  last_success_at_ms INTEGER,
  last_failure_at_ms INTEGER,
  last_failure TEXT,
  consecutive_failures INTEGER NOT NULL DEFAULT 0
) STRICT;
`;

export const migration: Migration = {
  id: 420,
  name: 'create-alert-deliveries',
  up(db: Database.Database) {
    db.exec(DDL);
  },
};
