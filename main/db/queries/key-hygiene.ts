/**
 * The key inventory's and the org tree's hygiene verdict: the mirror's facts about a key, judged by the core's one
 * key judgement (core/alerts/key-judgement.ts) with the profile's alert rules, so they say what the alerts say.
 */
import type { KeyInventoryRow } from '../../../preload/contract';
import { judgeKey, type AlertRules, type KeyJudgement } from '../../core/alerts/index';

export interface HygieneInput {
  status: string;
  createdAtMs: number;
  expiresAtMs: number | null;
  creatorIsMember: boolean | null;
  /** In the Default Workspace (its id is the mirror's default one, or a legacy key with no workspace). */
  inDefaultWorkspace: boolean;
  /** Start (UTC) of the last day with usage; null when the usage report never showed the key. */
  lastUsedDayMs: number | null;
}

export function keyHygiene(
  key: HygieneInput,
  rules: AlertRules,
  nowMs: number,
): Pick<KeyInventoryRow, 'verdict' | 'reason'> {
  const { verdict, reason } = judgeMirroredKey(key, rules, nowMs);
  return { verdict, reason };
}

/** The whole judgement of a mirrored key: the verdict shown, every verdict that applies, and days to expiry. */
export function judgeMirroredKey(key: HygieneInput, rules: AlertRules, nowMs: number): KeyJudgement {
  return judgeKey(
    {
      status: key.status,
      createdAtMs: key.createdAtMs,
      expiresAtMs: key.expiresAtMs,
      lastUsedDay: key.lastUsedDayMs === null ? null : new Date(key.lastUsedDayMs).toISOString().slice(0, 10),
      creatorLeft: key.creatorIsMember === false,
      inDefaultWorkspace: key.inDefaultWorkspace,
    },
    rules,
    nowMs,
  );
}
