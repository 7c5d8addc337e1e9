/**
 * The admin's own actions, recorded in the profile's trail (source `local`). One call per action, from the place
 * that performed it (the CLI command, the IPC handler), into the mirror OF THAT PROFILE. Nothing secret goes in:
 * a key is described by its organization and at most its hint.
 */
import type Database from 'better-sqlite3';
import { canonicalise, canonicalJson } from '../../core/audit/canonical-json';
import type { JsonValue } from '../../core/audit/event';
import { keyConnectedAction, keyRemovedAction, settingsChangedAction } from '../../core/audit/normalise-local';
import type { AuditAppendResult, AuditStoreOptions } from './append';
import { recordLocalAuditAction } from './append';

/**
 * "Changed setting X from before to after". Values must be plain JSON (numbers, strings, null, objects); nothing is
 * recorded (null is returned) when before and after are the same value.
 */
export function recordSettingChanged(
  db: Database.Database,
  name: string,
  before: unknown,
  after: unknown,
  nowMs: number,
  options: AuditStoreOptions = {},
): AuditAppendResult | null {
  const was = toJson(before);
  const now = toJson(after);
  if (canonicalJson(was) === canonicalJson(now)) return null;
  return recordLocalAuditAction(
    db,
    settingsChangedAction({ atMs: nowMs, setting: name, before: was, after: now }),
    options,
  );
}

export interface KeyConnectedInput {
  profileId: string;
  orgName: string;
  orgId?: string | null;
  /** True when the profile already had a key (rotation of the admin key itself). */
  replaced: boolean;
  /** `adminKeyHint(key)`: kind and last four characters, never more. */
  keyHint?: string | null;
  via?: 'cli' | 'window';
}

export function recordKeyConnected(
  db: Database.Database,
  input: KeyConnectedInput,
  nowMs: number,
  options: AuditStoreOptions = {},
): AuditAppendResult {
  return recordLocalAuditAction(db, keyConnectedAction({ atMs: nowMs, ...input }), options);
}

export function recordKeyRemoved(
  db: Database.Database,
  input: { profileId: string; via?: 'cli' | 'window' },
  nowMs: number,
  options: AuditStoreOptions = {},
): AuditAppendResult {
  return recordLocalAuditAction(db, keyRemovedAction({ atMs: nowMs, ...input }), options);
}

function toJson(value: unknown): JsonValue {
  return value === undefined ? null : canonicalise(value);
}
