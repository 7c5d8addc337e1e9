/**
 * The delivery marks of alert channels (migration 0420): claim before posting, deliver or release after. Every
 * claim is its own IMMEDIATE transaction, so two processes on one mirror (the app and a cron `check`, or
 * `serve-metrics`) serialise on SQLite's write lock and exactly one of them gets each (channel, key).
 */
import type Database from 'better-sqlite3';

/** A claim older than this belongs to a process that died mid-post: it may be taken over (at-least-once then). */
export const STALE_CLAIM_MS = 10 * 60_000;
const DAY_MS = 86_400_000;

/** The keys this channel must not post now: delivered, or claimed by someone within STALE_CLAIM_MS. */
export function takenDeliveryKeys(db: Database.Database, channel: string, nowMs: number): Set<string> {
  const keys = db
    .prepare(`SELECT key FROM alert_deliveries WHERE channel = ? AND (state = 'delivered' OR claimed_at_ms > ?)`)
    .pluck()
    .all(channel, nowMs - STALE_CLAIM_MS) as string[];
  return new Set(keys);
}

/** True when this caller now holds the claim on (channel, key); false when it is delivered or claimed by another. */
export function claimDelivery(
  db: Database.Database,
  channel: string,
  key: string,
  token: string,
  nowMs: number,
): boolean {
  return db
    .transaction((): boolean => {
      const row = db
        .prepare(`SELECT state, claimed_at_ms FROM alert_deliveries WHERE channel = ? AND key = ?`)
        .get(channel, key) as { state: string; claimed_at_ms: number } | undefined;
      if (row === undefined) {
        db.prepare(
          `INSERT INTO alert_deliveries (channel, key, state, claim_token, claimed_at_ms) VALUES (?, ?, 'claimed', ?, ?)`,
        ).run(channel, key, token, nowMs);
        return true;
      }
      if (row.state === 'delivered' || row.claimed_at_ms > nowMs - STALE_CLAIM_MS) return false;
      db.prepare(
        `UPDATE alert_deliveries SET claim_token = ?, claimed_at_ms = ? WHERE channel = ? AND key = ? AND state = 'claimed'`,
      ).run(token, nowMs, channel, key);
      return true;
    })
    .immediate();
}

/** The post went out: the claim becomes the delivered mark. */
export function completeDelivery(
  db: Database.Database,
  channel: string,
  key: string,
  token: string,
  nowMs: number,
): void {
  db.prepare(
    `UPDATE alert_deliveries SET state = 'delivered', delivered_at_ms = ? WHERE channel = ? AND key = ? AND claim_token = ?`,
  ).run(nowMs, channel, key, token);
}

/** The post failed: the claim is dropped so a later cycle (of any process) tries again. */
export function releaseDelivery(db: Database.Database, channel: string, key: string, token: string): void {
  db.prepare(
    `DELETE FROM alert_deliveries WHERE channel = ? AND key = ? AND claim_token = ? AND state = 'claimed'`,
  ).run(channel, key, token);
}

/** Drops marks of episodes the alert store no longer keeps (and old digest marks). */
export function pruneDeliveries(db: Database.Database, nowMs: number, retentionDays = 90): void {
  db.prepare(`DELETE FROM alert_deliveries WHERE claimed_at_ms < ? AND key NOT IN (SELECT id FROM alert_episodes)`).run(
    nowMs - retentionDays * DAY_MS,
  );
}

export interface ChannelState {
  lastSuccessAtMs: number | null;
  lastFailureAtMs: number | null;
  /** Already redacted by the writer. */
  lastFailure: string | null;
  consecutiveFailures: number;
}

const NO_STATE: ChannelState = {
  lastSuccessAtMs: null,
  lastFailureAtMs: null,
  lastFailure: null,
  consecutiveFailures: 0,
};

export function readChannelState(db: Database.Database, channel: string): ChannelState {
  const row = db
    .prepare(
      `SELECT last_success_at_ms, last_failure_at_ms, last_failure, consecutive_failures FROM alert_channel_state WHERE channel = ?`,
    )
    .get(channel) as
    | {
        last_success_at_ms: number | null;
        last_failure_at_ms: number | null;
        last_failure: string | null;
        consecutive_failures: number;
      }
    | undefined;
  if (row === undefined) return NO_STATE;
  return {
    lastSuccessAtMs: row.last_success_at_ms,
    lastFailureAtMs: row.last_failure_at_ms,
    lastFailure: row.last_failure,
    consecutiveFailures: row.consecutive_failures,
  };
}

export function recordChannelSuccess(db: Database.Database, channel: string, nowMs: number): void {
  db.prepare(
    `INSERT INTO alert_channel_state (channel, last_success_at_ms, consecutive_failures) VALUES (?, ?, 0)
     ON CONFLICT (channel) DO UPDATE SET last_success_at_ms = excluded.last_success_at_ms, consecutive_failures = 0`,
  ).run(channel, nowMs);
}

/** `message` must be redacted already: it is shown by `alerts webhook status` and the Settings view. */
export function recordChannelFailure(db: Database.Database, channel: string, nowMs: number, message: string): void {
  db.prepare(
    `INSERT INTO alert_channel_state (channel, last_failure_at_ms, last_failure, consecutive_failures) VALUES (?, ?, ?, 1)
     ON CONFLICT (channel) DO UPDATE SET last_failure_at_ms = excluded.last_failure_at_ms,
       last_failure = excluded.last_failure, consecutive_failures = consecutive_failures + 1`,
  ).run(channel, nowMs, message);
}

/** Forgets the channel's outcome (a new URL starts afresh). */
export function resetChannelState(db: Database.Database, channel: string): void {
  db.prepare(`DELETE FROM alert_channel_state WHERE channel = ?`).run(channel);
}
