/**
 * The alert state of one profile, in its mirror (migration 0200): the edited rules, the episodes (each one a
 * JSON document, `view` included), the snoozes and the local day of the last digest. All SQL for them is here.
 *
 * Episodes are written as a whole list in one transaction, in the order `reconcileEpisodes` returns them.
 * `recordAlertCycle` and `markEpisodesNotified` read-modify-write inside one IMMEDIATE transaction, so the app's
 * alert cycle and a `clade-admin check` from cron never overwrite each other's notified marks.
 */
import type Database from 'better-sqlite3';
import {
  defaultAlertRules,
  markNotified,
  parseAlertRules,
  RULE_IDS,
  type AlertRules,
  type Episode,
  type RuleId,
  type Snooze,
} from '../../core/alerts/index';

const RULES = 'rules';
const LAST_DIGEST_DAY = 'last_digest_day';

function readSetting(db: Database.Database, name: string): unknown {
  const row = db.prepare(`SELECT value_json FROM alert_settings WHERE name = ?`).get(name) as
    { value_json: string } | undefined;
  return row === undefined ? undefined : (JSON.parse(row.value_json) as unknown);
}

function writeSetting(db: Database.Database, name: string, value: unknown, atMs = Date.now()): void {
  db.prepare(
    `INSERT INTO alert_settings (name, value_json, updated_at_ms) VALUES (?, ?, ?)
     ON CONFLICT (name) DO UPDATE SET value_json = excluded.value_json, updated_at_ms = excluded.updated_at_ms`,
  ).run(name, JSON.stringify(value), atMs);
}

export interface LoadedAlertRules {
  rules: AlertRules;
  /** Set when stored rules were unreadable and the defaults are used instead (say it once, don't crash). */
  problem: string | null;
}

/**
 * The profile's rules: the stored ones over the defaults, or the defaults. Quiet hours, the digest and the
 * dates in texts use `defaultTz` (the system's zone) unless the admin pinned another zone.
 */
export function loadAlertRulesChecked(db: Database.Database, defaultTz: string): LoadedAlertRules {
  const stored = readSetting(db, RULES);
  if (stored === undefined) return { rules: defaultAlertRules(defaultTz), problem: null };
  const withZone = withDefaultZone(stored, defaultTz);
  const parsed = parseAlertRules(withZone);
  if (parsed.ok) return { rules: parsed.rules, problem: null };
  return {
    rules: defaultAlertRules(defaultTz),
    problem: `the stored alert settings are invalid, using the defaults: ${parsed.message}`,
  };
}

export function loadAlertRules(db: Database.Database, defaultTz: string): AlertRules {
  return loadAlertRulesChecked(db, defaultTz).rules;
}

function withDefaultZone(stored: unknown, defaultTz: string): unknown {
  if (typeof stored !== 'object' || stored === null || Array.isArray(stored)) return stored;
  const record = stored as Record<string, unknown>;
  const quiet = record['quietHours'];
  const quietRecord =
    typeof quiet === 'object' && quiet !== null && !Array.isArray(quiet) ? (quiet as Record<string, unknown>) : {};
  if (typeof quietRecord['timeZone'] === 'string') return stored;
  return { ...record, quietHours: { ...quietRecord, timeZone: defaultTz } };
}

/**
 * Stores the rules. A time zone equal to `defaultTz` is not written, so the rules keep following the
 * system's zone (the admin travels; cron may run in UTC) unless another zone was chosen on purpose.
 */
export function saveAlertRules(db: Database.Database, rules: AlertRules, defaultTz: string, atMs = Date.now()): void {
  const { timeZone, ...quietHours } = rules.quietHours;
  const value = timeZone === defaultTz ? { ...rules, quietHours } : rules;
  writeSetting(db, RULES, value, atMs);
}

export function getLastDigestDay(db: Database.Database): string | null {
  const value = readSetting(db, LAST_DIGEST_DAY);
  return typeof value === 'string' ? value : null;
}

export function setLastDigestDay(db: Database.Database, localDay: string, atMs = Date.now()): void {
  writeSetting(db, LAST_DIGEST_DAY, localDay, atMs);
}

/** Every stored episode, in the order they were saved. */
export function loadEpisodes(db: Database.Database): Episode[] {
  const rows = db.prepare(`SELECT episode_json FROM alert_episodes ORDER BY seq`).all() as Array<{
    episode_json: string;
  }>;
  return rows.map((row) => JSON.parse(row.episode_json) as Episode);
}

/** Replaces the stored episodes with `episodes` (the whole list, as reconcileEpisodes returns it), atomically. */
export function saveEpisodes(db: Database.Database, episodes: readonly Episode[]): void {
  db.transaction(() => {
    db.prepare(`DELETE FROM alert_episodes`).run();
    const insert = db.prepare(
      `INSERT INTO alert_episodes (id, seq, condition_id, rule, severity, opened_at_ms, last_seen_at_ms, closed_at_ms,
         notified_at_ms, episode_json) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    episodes.forEach((episode, seq) => {
      insert.run(
        episode.id,
        seq,
        episode.conditionId,
        episode.rule,
        episode.severity,
        episode.openedAtMs,
        episode.lastSeenAtMs,
        episode.closedAtMs,
        episode.notifiedAtMs,
        JSON.stringify(episode),
      );
    });
  })();
}

/**
 * Loads the episodes, lets `step` compute the next list (a reconcile), saves it, and returns what `step`
 * returned, all in one IMMEDIATE transaction: no other writer can slip in between the read and the write.
 */
export function updateEpisodes<T extends { episodes: readonly Episode[] }>(
  db: Database.Database,
  step: (stored: Episode[]) => T,
): T {
  return db
    .transaction(() => {
      const result = step(loadEpisodes(db));
      saveEpisodes(db, result.episodes);
      return result;
    })
    .immediate();
}

/** The notifier showed these episodes: mark them (first time only), re-reading the store in the same transaction. */
export function markEpisodesNotified(db: Database.Database, ids: Iterable<string>, nowMs: number): Episode[] {
  const wanted = [...ids];
  return updateEpisodes(db, (stored) => ({ episodes: markNotified(stored, wanted, nowMs) })).episodes;
}

const RULE_SET = new Set<string>(RULE_IDS);

function isSnoozeRule(rule: string): rule is RuleId | '*' {
  return rule === '*' || RULE_SET.has(rule);
}

export function loadSnoozes(db: Database.Database): Snooze[] {
  const rows = db.prepare(`SELECT rule, target_id, until_ms FROM alert_snoozes ORDER BY rowid`).all() as Array<{
    rule: string;
    target_id: string | null;
    until_ms: number;
  }>;
  // A rule id a later build removed cannot hold anything: drop it rather than fail.
  return rows.flatMap((row) =>
    isSnoozeRule(row.rule) ? [{ rule: row.rule, targetId: row.target_id, untilMs: row.until_ms }] : [],
  );
}

export function saveSnoozes(db: Database.Database, snoozes: readonly Snooze[]): void {
  db.transaction(() => {
    db.prepare(`DELETE FROM alert_snoozes`).run();
    const insert = db.prepare(`INSERT INTO alert_snoozes (rule, target_id, until_ms) VALUES (?, ?, ?)`);
    for (const snooze of snoozes) insert.run(snooze.rule, snooze.targetId, snooze.untilMs);
  })();
}

/** The latest instant the stored episodes know of: evaluating before it would rewrite history backwards. */
export function latestEpisodeActivityMs(db: Database.Database): number | null {
  const row = db
    .prepare(
      `SELECT max(max(last_seen_at_ms), coalesce(max(closed_at_ms), 0), coalesce(max(notified_at_ms), 0)) AS at FROM alert_episodes`,
    )
    .get() as { at: number | null };
  return row.at;
}
