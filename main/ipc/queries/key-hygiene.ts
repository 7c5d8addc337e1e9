/**
 * The key inventory's hygiene verdict, one per key, with the reason in words. Pure. Thresholds follow the
 * alert defaults a careful admin would expect: expiring within 14 days, dormant after 30 days without
 * usage, rotate after 180 days.
 */
import type { KeyInventoryRow } from '../../../preload/contract';

const DAY = 86_400_000;
export const EXPIRING_WITHIN_DAYS = 14;
export const DORMANT_AFTER_DAYS = 30;
export const ROTATE_AFTER_DAYS = 180;

export interface HygieneInput {
  status: string;
  createdAtMs: number;
  expiresAtMs: number | null;
  creatorIsMember: boolean | null;
  lastUsedDayMs: number | null;
}

export function keyHygiene(key: HygieneInput, nowMs: number): Pick<KeyInventoryRow, 'verdict' | 'reason'> {
  if (key.status !== 'active') return { verdict: 'inactive', reason: `The key is ${key.status.replace(/_/g, ' ')}; it cannot be used.` };
  if (key.expiresAtMs !== null && key.expiresAtMs - nowMs <= EXPIRING_WITHIN_DAYS * DAY) {
    const days = Math.ceil((key.expiresAtMs - nowMs) / DAY);
    return { verdict: 'expiring', reason: days <= 0 ? 'The key has expired.' : `The key expires in ${days} day${days === 1 ? '' : 's'}.` };
  }
  if (key.creatorIsMember === false) return { verdict: 'orphaned', reason: 'Its creator is no longer a member of the organization.' };
  const ageDays = Math.floor((nowMs - key.createdAtMs) / DAY);
  const idleSince = key.lastUsedDayMs ?? key.createdAtMs;
  if (nowMs - idleSince > DORMANT_AFTER_DAYS * DAY) {
    return { verdict: 'dormant', reason: key.lastUsedDayMs === null ? `No usage recorded in ${ageDays} days.` : `Unused for ${Math.floor((nowMs - idleSince) / DAY)} days.` };
  }
  if (ageDays > ROTATE_AFTER_DAYS) return { verdict: 'rotate-soon', reason: `The key is ${ageDays} days old; rotate keys every ${ROTATE_AFTER_DAYS} days.` };
  return { verdict: 'ok', reason: 'Active, in use, and younger than the rotation policy.' };
}
