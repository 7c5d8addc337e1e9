/**
 * What the key rules share: which keys count, the common shape of a key condition, and the facts each rule judges
 * (expiry window, rotation age, idle days, creator gone). The key judgement (key-judgement.ts) asks the same
 * predicates, so the inventory, the tree and the alerts cannot disagree about a key.
 *
 * Days: ages and time to expiry are exact 24-hour periods (no time zone); idle days are UTC calendar days, since
 * the usage report's daily buckets are UTC days.
 */
import type { AlertRules } from '../rules';
import type { AlertApiKey, AlertInputs, Condition, RuleId, Severity } from '../types';
import { DAY_MS, utcDay, utcDayStartMs } from '../../time';
import { workspaceKey, workspaceName } from './shared';

type KeyTimes = Pick<AlertApiKey, 'createdAtMs' | 'expiresAtMs' | 'lastUsedDay'>;

/** The smallest expiry warning window (days) a not yet expired key is inside, or null. */
export function expiryWindowDays(
  key: Pick<AlertApiKey, 'expiresAtMs'>,
  rules: AlertRules,
  nowMs: number,
): number | null {
  if (key.expiresAtMs === null || key.expiresAtMs <= nowMs) return null;
  const left = key.expiresAtMs - nowMs;
  return [...rules.keys.expiryDays].sort((a, b) => a - b).find((days) => left <= days * DAY_MS) ?? null;
}

export function hasExpired(key: Pick<AlertApiKey, 'expiresAtMs'>, nowMs: number): boolean {
  return key.expiresAtMs !== null && key.expiresAtMs <= nowMs;
}

export function isRotationDue(key: Pick<AlertApiKey, 'createdAtMs'>, rules: AlertRules, nowMs: number): boolean {
  return nowMs - key.createdAtMs >= rules.keys.rotationDays * DAY_MS;
}

/** Days without usage: UTC days since the last day with usage, or, for a key never seen in usage, its age. */
export function idleDays(key: KeyTimes, nowMs: number): number {
  if (key.lastUsedDay === null) return Math.floor((nowMs - key.createdAtMs) / DAY_MS);
  return Math.round((utcDayStartMs(utcDay(nowMs)) - utcDayStartMs(key.lastUsedDay)) / DAY_MS);
}

export function isDormant(key: KeyTimes, rules: AlertRules, nowMs: number): boolean {
  return idleDays(key, nowMs) >= rules.keys.dormantDays;
}

/** Created by a user who is no longer a member (keys without a user creator cannot be orphaned). */
export function isOrphaned(key: Pick<AlertApiKey, 'createdByUserId'>, memberIds: ReadonlySet<string>): boolean {
  return key.createdByUserId !== null && !memberIds.has(key.createdByUserId);
}

/** Only active keys can break a service or leak; inactive, archived and expired ones are left alone. */
export function activeKeys(inputs: AlertInputs): AlertApiKey[] {
  return inputs.keys.filter((key) => key.status === 'active');
}

/** "in Production" (or "in the organization scope" for an org-scoped key without a workspace). */
export function keyWhere(inputs: AlertInputs, key: AlertApiKey): string {
  return `in ${workspaceName(inputs, workspaceKey(key.workspaceId))}`;
}

export function keyCondition(
  key: AlertApiKey,
  fields: { id: string; rule: RuleId; severity: Severity; title: string; body: string },
): Condition {
  return { ...fields, targetKind: 'key', targetId: key.id, targetName: key.name, view: { view: 'keys', id: key.id } };
}
