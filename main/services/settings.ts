/**
 * The settings view's reads and writes of the active profile's mirror: the editable values with their
 * accepted ranges (both from the settings catalogue, so the window and the validation cannot disagree), and a
 * write that validates, stores, and records the change in the profile's audit trail; and the command line's
 * `config set` of a profile setting or an alert rule, recorded the same way.
 */
import type Database from 'better-sqlite3';
import type { z } from 'zod';
import type { EditableSetting, ProfileSummary, SettingsSnapshot } from '../../preload/contract';
import { recordSettingChanged } from '../db/audit/index';
import { getAlertRule, setAlertRule, type AlertRules } from '../core/alerts/index';
import { loadAlertRulesChecked, saveAlertRules } from '../db/alerts/index';
import {
  SETTINGS,
  readProfileSetting,
  writeProfileSetting,
  type ProfileSettingName,
} from '../db/settings/profile-settings';

const EDITABLE: readonly EditableSetting[] = [
  'sync.intervalMinutes',
  'sync.historyDays',
  'sync.requestsPerMinute',
  'audit.retentionDays',
];

/** What the admin reads next to the field when a value is refused. */
const DESCRIBED: Record<EditableSetting, (min: number, max: number) => string> = {
  'sync.intervalMinutes': (min, max) => `Sync interval must be a whole number of minutes from ${min} to ${max}.`,
  'sync.historyDays': (min, max) => `History to keep must be a whole number of days from ${min} to ${max}.`,
  'sync.requestsPerMinute': (min, max) =>
    `The sync rate must be a whole number of requests a minute from ${min} to ${max}.`,
  'audit.retentionDays': (min, max) =>
    `Audit retention must be a whole number of days from ${min} to ${max}, or “keep everything”.`,
};

type NumberBounds = { minValue: number | null; maxValue: number | null };

/** The accepted range of a catalogue entry (its zod number schema, unwrapped when nullable). */
export function settingRange(name: EditableSetting): { min: number; max: number } {
  const schema = SETTINGS[name].schema as z.ZodType;
  const inner = ('unwrap' in schema && typeof schema.unwrap === 'function'
    ? schema.unwrap()
    : schema) as unknown as NumberBounds;
  return { min: inner.minValue ?? 0, max: inner.maxValue ?? Number.MAX_SAFE_INTEGER };
}

export function readSettingsSnapshot(
  db: Database.Database | null,
  activeProfileId: string,
  profiles: ProfileSummary[],
): SettingsSnapshot {
  return {
    activeProfileId,
    profiles,
    values: db
      ? {
          'sync.intervalMinutes': readProfileSetting(db, 'sync.intervalMinutes'),
          'sync.historyDays': readProfileSetting(db, 'sync.historyDays'),
          'sync.requestsPerMinute': readProfileSetting(db, 'sync.requestsPerMinute'),
          'audit.retentionDays': readProfileSetting(db, 'audit.retentionDays'),
        }
      : null,
    limits: {
      'sync.intervalMinutes': settingRange('sync.intervalMinutes'),
      'sync.historyDays': settingRange('sync.historyDays'),
      'sync.requestsPerMinute': settingRange('sync.requestsPerMinute'),
      'audit.retentionDays': settingRange('audit.retentionDays'),
    },
  };
}

export type ChangeResult = { ok: true; changed: boolean } | { ok: false; message: string };

/** Validates with the catalogue, stores, and records "changed X from a to b" in the trail (nothing when unchanged). */
export function changeSetting(
  db: Database.Database,
  name: EditableSetting,
  value: number | null,
  nowMs: number,
): ChangeResult {
  if (!EDITABLE.includes(name)) return { ok: false, message: `${name} cannot be changed from the window.` };
  const change = setProfileSettingRecorded(db, name, value, nowMs);
  if (!change.ok) {
    const { min, max } = settingRange(name);
    return { ok: false, message: DESCRIBED[name](min, max) };
  }
  return { ok: true, changed: change.recorded };
}

/** A local `settings.changed` event in the trail; false (nothing recorded) when before and after are equal. */
export function recordSettingChange(
  db: Database.Database,
  name: string,
  before: unknown,
  after: unknown,
  nowMs: number,
): boolean {
  return recordSettingChanged(db, name, before, after, nowMs) !== null;
}

/** One change made from the command line: the value before, and after as stored. */
export type RecordedChange<T> =
  | { ok: true; before: T; after: T; /** false when the value did not change (nothing recorded) */ recorded: boolean }
  | { ok: false; message: string };

/**
 * `config set` of a profile setting: validate and store in one immediate transaction (so a concurrent writer
 * cannot slip between the read of "before" and the write), then record the change in the trail.
 */
export function setProfileSettingRecorded(
  db: Database.Database,
  name: ProfileSettingName,
  value: unknown,
  nowMs: number,
): RecordedChange<unknown> {
  const change = db
    .transaction(() => {
      const before = readProfileSetting(db, name);
      return { before, written: writeProfileSetting(db, name, value, nowMs) };
    })
    .immediate();
  if (!change.written.ok) return { ok: false, message: change.written.message };
  const after = readProfileSetting(db, name);
  const recorded = recordSettingChange(db, name, change.before, after, nowMs);
  return { ok: true, before: change.before, after, recorded };
}

/**
 * `config set` of an alert rule (dotted key, text value): parsed and validated by the alert core against the
 * stored rules, saved in one immediate transaction, and the change recorded in the trail.
 */
export function setAlertRuleRecorded(
  db: Database.Database,
  key: string,
  value: string,
  timeZone: string,
  nowMs: number,
): RecordedChange<unknown> & { rules?: AlertRules } {
  const change = db
    .transaction(() => {
      const current = loadAlertRulesChecked(db, timeZone).rules;
      const result = setAlertRule(current, key, value);
      if (result.ok) saveAlertRules(db, result.rules, timeZone);
      const before = getAlertRule(current, key);
      return { result, before: before.ok ? before.value : null };
    })
    .immediate();
  if (!change.result.ok) return { ok: false, message: change.result.message };
  const got = getAlertRule(change.result.rules, key);
  const after = got.ok ? (got.value ?? null) : null;
  const recorded = recordSettingChange(db, key, change.before, after, nowMs);
  return { ok: true, before: change.before, after, recorded, rules: change.result.rules };
}
