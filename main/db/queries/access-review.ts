/**
 * The access review's read model (issue #23): one period's report from the mirror only. Nothing is judged here a
 * second time: members, org roles and "admin since" come from the People read model (people.ts, the rule of
 * `users --role admin`), keys and their verdicts from the judged key inventory (the one key judgement, with the
 * profile's rules), spend from the one spend read (spend.ts). Membership changes are the journal's and the
 * Compliance feed's events in the audit trail (access-review-changes.ts). Keys and members are as of the last sync
 * (the mirror keeps the latest state); changes and spend are the period's.
 */
import type Database from 'better-sqlite3';
import {
  utcDayStartMs,
  type AccessReview,
  type ReviewDormantMember,
  type ReviewKey,
  type ReviewMember,
  type ReviewPeriod,
  type ReviewPosture,
} from '../../core/review/access-review';
import { isAdminRole } from '../../core/org/org-roles';
import { DAY_MS } from '../../core/time';
import { OrganizationRepo } from '../repos/organization-repo';
import { readPeople } from './people';
import { readJudgedKeyInventory, type JudgedKeyRow } from './key-inventory';
import { readProfileAlertRules } from './profile-rules';
import { readReviewChanges } from './access-review-changes';
import { readReviewSpend } from './access-review-spend';

export interface AccessReviewInput {
  period: ReviewPeriod;
  nowMs: number;
  /** The posture checklist's score and failing items, or null when it was not evaluated (the lead wires core/posture). */
  posture: ReviewPosture | null;
}

export class ReviewPeriodError extends Error {}

/** The period as [fromMs, toExclusiveMs); a bad or reversed period is a ReviewPeriodError naming the problem. */
export function resolveReviewPeriod(period: ReviewPeriod): { fromMs: number; toExclusiveMs: number } {
  const fromMs = utcDayStartMs(period.from);
  const toMs = utcDayStartMs(period.to);
  if (fromMs === null) throw new ReviewPeriodError(`--from: "${period.from}" is not a date (YYYY-MM-DD)`);
  if (toMs === null) throw new ReviewPeriodError(`--to: "${period.to}" is not a date (YYYY-MM-DD)`);
  if (toMs < fromMs) throw new ReviewPeriodError(`the period ends (${period.to}) before it starts (${period.from})`);
  return { fromMs, toExclusiveMs: toMs + DAY_MS };
}

export function readAccessReview(db: Database.Database, input: AccessReviewInput): AccessReview {
  const range = resolveReviewPeriod(input.period);
  const rules = readProfileAlertRules(db);
  const people = readPeople(db, input.nowMs);
  const inventory = readJudgedKeyInventory(db, input.nowMs, rules);
  const members = people.members.map((person): ReviewMember => ({
    id: person.id,
    name: person.name,
    email: person.email,
    role: person.role,
    addedAtMs: person.addedAtMs,
    adminSince: person.adminSince,
    workspaces: person.workspaces.map((w) => `${w.name} (${w.role})`),
  }));
  const keys = inventory.map(reviewKey);
  const spend = readReviewSpend(db, range.fromMs, range.toExclusiveMs);
  return {
    orgName: new OrganizationRepo(db).get()?.name ?? 'this organization',
    period: input.period,
    generatedAtMs: input.nowMs,
    firstSyncAtMs: people.firstSyncAtMs,
    dormantDays: rules.keys.dormantDays,
    members,
    changes: readReviewChanges(db, range.fromMs, range.toExclusiveMs),
    admins: members.filter((member) => isAdminRole(member.role)),
    keys,
    dormantMembers: dormantMembers(people.members, inventory, rules.keys.dormantDays, input.nowMs),
    dormantKeys: keys.filter((key) => key.verdicts.includes('dormant')),
    spend: spend.rows,
    spendComplete: spend.complete,
    posture: input.posture,
  };
}

function reviewKey(row: JudgedKeyRow): ReviewKey {
  return {
    id: row.id,
    name: row.name,
    workspaceName: row.workspaceName,
    status: row.status,
    creatorName: row.creatorName,
    createdAtMs: row.createdAtMs,
    ageDays: row.ageDays,
    expiresAtMs: row.expiresAtMs,
    lastUsedDayMs: row.lastUsedDayMs,
    verdicts: row.verdicts,
    reason: row.reason,
  };
}

/**
 * Members with no activity the mirror can see within the dormant rule's days (`keys.dormantDays`, the key rule's
 * setting, not a second one): no Claude Code day and no usage of any key they created. Console-only use leaves no
 * trace in the Admin API, so the report names the rule next to the list.
 */
function dormantMembers(
  people: ReturnType<typeof readPeople>['members'],
  keys: readonly JudgedKeyRow[],
  dormantDays: number,
  nowMs: number,
): ReviewDormantMember[] {
  const lastKeyUse = new Map<string, number>();
  for (const key of keys) {
    if (key.lastUsedDayMs === null) continue;
    for (const person of people) {
      if (!person.keysCreated.some((k) => k.id === key.id)) continue;
      lastKeyUse.set(person.id, Math.max(lastKeyUse.get(person.id) ?? 0, key.lastUsedDayMs));
    }
  }
  const cutoffMs = nowMs - dormantDays * DAY_MS;
  return people
    .map((person) => {
      const seen = [person.lastClaudeCodeDayMs, lastKeyUse.get(person.id) ?? null].filter(
        (ms): ms is number => ms !== null,
      );
      return { person, lastActiveDayMs: seen.length > 0 ? Math.max(...seen) : null };
    })
    .filter(({ person, lastActiveDayMs }) => person.addedAtMs < cutoffMs && (lastActiveDayMs ?? 0) < cutoffMs)
    .map(({ person, lastActiveDayMs }) => ({
      id: person.id,
      name: person.name,
      email: person.email,
      role: person.role,
      lastActiveDayMs,
    }));
}
