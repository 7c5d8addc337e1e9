/**
 * The access review report (issue #23): what an admin hands an auditor for a period. A plain data shape, read from
 * the mirror by db/queries/access-review.ts (every figure from the read model that already judges it: people,
 * admin since, the key judgement, the spend read) and written by the two pure renderers beside this file (HTML for
 * print, CSV for spreadsheets). Money stays a decimal string of cents, times epoch milliseconds (UTC).
 */

/**
 * The posture checklist's result as the report needs it: the score and each failing item with its evidence (names).
 * Null when no posture was evaluated for the report: the section then says so instead of inventing a score.
 */
export interface ReviewPosture {
  /** 0–100. */
  score: number;
  failing: Array<{ title: string; evidence: string[] }>;
}

export interface ReviewPeriod {
  /** First UTC day, YYYY-MM-DD (inclusive). */
  from: string;
  /** Last UTC day, YYYY-MM-DD (inclusive). */
  to: string;
}

export interface ReviewMember {
  id: string;
  name: string;
  email: string;
  role: string;
  addedAtMs: number;
  /** Admins, owners and primary owners only: from the People read model (people.ts), with where the date comes from. */
  adminSince: { atMs: number; source: 'journal' | 'compliance' | 'before-first-sync' } | null;
  workspaces: string[];
}

/** One change to membership or roles in the period, from the journal or the Compliance feed (the audit trail). */
export interface ReviewChange {
  atMs: number;
  source: 'journal' | 'compliance';
  type: string;
  actor: string | null;
  summary: string;
}

export interface ReviewKey {
  id: string;
  name: string;
  workspaceName: string;
  status: string;
  creatorName: string | null;
  createdAtMs: number;
  ageDays: number;
  expiresAtMs: number | null;
  lastUsedDayMs: number | null;
  /** Every verdict of the one key judgement that applies, most urgent first. */
  verdicts: string[];
  reason: string;
}

export interface ReviewDormantMember {
  id: string;
  name: string;
  email: string;
  role: string;
  /** The last day they were seen active (Claude Code, or usage of a key they created), or null when never. */
  lastActiveDayMs: number | null;
}

export interface ReviewSpendRow {
  /** YYYY-MM (UTC). */
  month: string;
  workspaceName: string;
  cents: string;
}

export interface AccessReview {
  orgName: string;
  period: ReviewPeriod;
  generatedAtMs: number;
  /** When the mirror first synced: "admin since" before it reads "before <date>". */
  firstSyncAtMs: number | null;
  /** The rule that makes a key or member dormant (days without use), as the profile's settings say. */
  dormantDays: number;
  members: ReviewMember[];
  changes: ReviewChange[];
  admins: ReviewMember[];
  keys: ReviewKey[];
  dormantMembers: ReviewDormantMember[];
  dormantKeys: ReviewKey[];
  spend: ReviewSpendRow[];
  /** False when the mirror's cost report does not hold the whole period (the section says so). */
  spendComplete: boolean;
  posture: ReviewPosture | null;
}

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Parses YYYY-MM-DD as the start of that UTC day; null when it is not a real date. */
export function utcDayStartMs(day: string): number | null {
  const match = DAY.exec(day);
  if (!match) return null;
  const ms = Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
  return new Date(ms).toISOString().slice(0, 10) === day ? ms : null;
}

export function isoDay(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** The last whole calendar quarter before `nowMs` (UTC): the default period of a quarterly review. */
export function lastQuarter(nowMs: number): ReviewPeriod {
  const now = new Date(nowMs);
  const quarterStartMonth = Math.floor(now.getUTCMonth() / 3) * 3;
  const thisQuarterMs = Date.UTC(now.getUTCFullYear(), quarterStartMonth, 1);
  const previous = new Date(thisQuarterMs);
  previous.setUTCMonth(previous.getUTCMonth() - 3);
  return { from: isoDay(previous.getTime()), to: isoDay(thisQuarterMs - 86_400_000) };
}
