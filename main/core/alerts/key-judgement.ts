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
  /**
   * Every verdict that applies, most urgent first (`verdict` is the first): a key can be both orphaned and past
   * the rotation policy, and `keys --verdict rotate-soon` must find it. Only ['inactive'] for a key that is not
   * active, only ['ok'] for a key with nothing to say.
   */
  verdicts: KeyVerdict[];
  /** Whole days left before `expires_at` (0 within the last day, negative once past); null without an expiry. */
  daysToExpiry: number | null;
  /** Whole days since `created_at`: the age the rotation policy is measured against. */
  ageDays: number;
}

export function judgeKey(key: KeyFacts, rules: AlertRules, nowMs: number): KeyJudgement {
  const daysToExpiry = key.expiresAtMs === null ? null : Math.floor((key.expiresAtMs - nowMs) / DAY_MS);
  const found = findings(key, rules, nowMs);
  const ageDays = wholeDaysBetween(key.createdAtMs, nowMs);
  return {
    verdict: found[0]!.verdict,
    reason: found[0]!.reason,
    verdicts: found.map((f) => f.verdict),
    daysToExpiry,
    ageDays,
  };
}

/** Each verdict that applies with its reason, most urgent first; never empty. */
function findings(key: KeyFacts, rules: AlertRules, nowMs: number): Array<{ verdict: KeyVerdict; reason: string }> {
  const on = (rule: RuleId) => isRuleEnabled(rules, rule);
  if (key.status !== 'active')
    return [{ verdict: 'inactive', reason: `The key is ${key.status.replace(/_/g, ' ')}; it cannot be used.` }];
  const found: Array<{ verdict: KeyVerdict; reason: string }> = [];
  const add = (verdict: KeyVerdict, reason: string) => found.push({ verdict, reason });
  if (on('key-expired-active') && hasExpired(key, nowMs))
    add('expired', 'The key has expired but is still marked active: requests with it fail.');
  if (on('key-expiry') && expiryWindowDays(key, rules, nowMs) !== null && key.expiresAtMs !== null)
    add('expiring', `The key expires ${inDuration(key.expiresAtMs - nowMs)}.`);
  if (on('key-orphaned') && key.creatorLeft) add('orphaned', 'Its creator is no longer a member of the organization.');
  if (on('key-dormant') && isDormant(key, rules, nowMs)) {
    const idle = plural(idleDays(key, nowMs), 'day');
    add(
      'dormant',
      key.lastUsedDay === null
        ? `Never used; created ${idle} ago.`
        : `Not used for ${idle} (last used on ${key.lastUsedDay}).`,
    );
  }
  const policy = `${rules.keys.rotationDays}-day rotation policy`;
  if (on('key-rotation') && isRotationDue(key, rules, nowMs))
    add(
      'rotate-soon',
      `The key is ${plural(wholeDaysBetween(key.createdAtMs, nowMs), 'day')} old, past the ${policy}.`,
    );
  // Least urgent, and no alert of its own: a key every member can reach belongs in a named workspace.
  if (key.inDefaultWorkspace)
    add(
      'default-workspace',
      'It lives in the Default Workspace, which every member can reach; move it to a named workspace.',
    );
  if (found.length === 0) add('ok', `Active, in use, and younger than the ${policy}.`);
  return found;
}
