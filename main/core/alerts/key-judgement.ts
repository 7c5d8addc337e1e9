/**
 * One judgement of an API key's hygiene, for every surface that shows one: the key inventory, the org tree's badges
 * and (through the same predicates, evaluators/key-helpers.ts) the alerts, the tray and the CLI. The profile's
 * rules drive it (`keys.expiryDays`, `keys.rotationDays`, `keys.dormantDays`, `disabledRules`); a rule the admin
 * switched off gives no verdict here either, as it gives no alert.
 *
 * Days: ages and time to expiry are exact 24-hour periods rounded down (no time zone), written by the alerts' own
 * `inDuration`; idle days are UTC calendar days (the usage report's buckets).
 */
import type { AlertRules } from './rules';
import type { AlertApiKey, RuleId } from './types';
import { DAY_MS } from '../time';
import { expiryWindowDays, hasExpired, idleDays, isDormant, isRotationDue } from './evaluators/key-helpers';
import { inDuration, isRuleEnabled, plural, wholeDaysBetween } from './evaluators/shared';

/** The verdict a surface shows, most urgent first; one per key. */
export type KeyVerdict =
  'inactive' | 'expired' | 'expiring' | 'orphaned' | 'dormant' | 'rotate-soon' | 'default-workspace' | 'ok';

export type KeyFacts = Pick<AlertApiKey, 'createdAtMs' | 'expiresAtMs' | 'lastUsedDay'> & {
  /** The API's status; anything but "active" is judged inactive. */
  status: string;
  /** The user who created it is no longer a member (evaluators/key-helpers.ts `isOrphaned`, or the mirror's join). */
  creatorLeft: boolean;
  /** It lives in the Default Workspace, which every member of the org belongs to. */
  inDefaultWorkspace: boolean;
};

export interface KeyJudgement {
  verdict: KeyVerdict;
  /** Why, in one sentence. */
  reason: string;
  /** Whole days left before `expires_at` (0 within the last day, negative once past); null without an expiry. */
  daysToExpiry: number | null;
}

export function judgeKey(key: KeyFacts, rules: AlertRules, nowMs: number): KeyJudgement {
  const daysToExpiry = key.expiresAtMs === null ? null : Math.floor((key.expiresAtMs - nowMs) / DAY_MS);
  const judged = (verdict: KeyVerdict, reason: string): KeyJudgement => ({ verdict, reason, daysToExpiry });
  const on = (rule: RuleId) => isRuleEnabled(rules, rule);
  if (key.status !== 'active')
    return judged('inactive', `The key is ${key.status.replace(/_/g, ' ')}; it cannot be used.`);
  if (on('key-expired-active') && hasExpired(key, nowMs))
    return judged('expired', 'The key has expired but is still marked active: requests with it fail.');
  if (on('key-expiry') && expiryWindowDays(key, rules, nowMs) !== null && key.expiresAtMs !== null) {
    return judged('expiring', `The key expires ${inDuration(key.expiresAtMs - nowMs)}.`);
  }
  if (on('key-orphaned') && key.creatorLeft)
    return judged('orphaned', 'Its creator is no longer a member of the organization.');
  if (on('key-dormant') && isDormant(key, rules, nowMs)) {
    const idle = plural(idleDays(key, nowMs), 'day');
    return judged(
      'dormant',
      key.lastUsedDay === null
        ? `Never used; created ${idle} ago.`
        : `Not used for ${idle} (last used on ${key.lastUsedDay}).`,
    );
  }
  const policy = `${rules.keys.rotationDays}-day rotation policy`;
  if (on('key-rotation') && isRotationDue(key, rules, nowMs)) {
    return judged(
      'rotate-soon',
      `The key is ${plural(wholeDaysBetween(key.createdAtMs, nowMs), 'day')} old, past the ${policy}.`,
    );
  }
  // Least urgent, and no alert of its own: a key every member can reach belongs in a named workspace.
  if (key.inDefaultWorkspace)
    return judged(
      'default-workspace',
      'It lives in the Default Workspace, which every member can reach; move it to a named workspace.',
    );
  return judged('ok', `Active, in use, and younger than the ${policy}.`);
}
