/**
 * The access review as one CSV (RFC 4180) for spreadsheets: one header, one row per fact, the `section` column
 * saying which part of the report it belongs to (posture, admin, member, change, key, dormant-member, dormant-key,
 * spend). Every cell goes through the shared spreadsheet cell rule (core/text/spreadsheet-cell.ts), so a member
 * named `=HYPERLINK(…)` is text, as in the other CSV writers. Amounts are exact dollars (centsToDollars).
 * Per section: member/admin rows put the org role in `role_or_status` and member since in `since`; key rows the
 * status, created date, and verdicts; a change row its time in `since`, its source (journal or compliance) in
 * `role_or_status`, who made it in `name` and what changed in `detail`; spend rows `month`, `workspace`, `amount_usd`.
 */
import { spreadsheetCell } from '../text/spreadsheet-cell';
import { centsToDollars } from '../money';
import { isoDay, type AccessReview, type ReviewKey, type ReviewMember } from './access-review';

export const REVIEW_CSV_COLUMNS = [
  'section',
  'name',
  'email',
  'workspace',
  'role_or_status',
  'created_by',
  'since',
  'admin_since',
  'admin_since_source',
  'expires',
  'last_used',
  'age_days',
  'verdicts',
  'month',
  'amount_usd',
  'detail',
] as const;
type Column = (typeof REVIEW_CSV_COLUMNS)[number];
type Row = Partial<Record<Column, string>>;

const day = (ms: number | null): string => (ms === null ? '' : isoDay(ms));

function memberRow(section: string, m: ReviewMember): Row {
  return {
    section,
    name: m.name,
    email: m.email,
    workspace: m.workspaces.join('; '),
    role_or_status: m.role,
    since: day(m.addedAtMs),
    admin_since: m.adminSince ? day(m.adminSince.atMs) : '',
    admin_since_source: m.adminSince?.source ?? '',
  };
}

function keyRow(section: string, k: ReviewKey): Row {
  return {
    section,
    name: k.name,
    workspace: k.workspaceName,
    role_or_status: k.status,
    created_by: k.creatorName ?? '',
    since: day(k.createdAtMs),
    expires: day(k.expiresAtMs),
    last_used: day(k.lastUsedDayMs),
    age_days: String(k.ageDays),
    verdicts: k.verdicts.join('; '),
    detail: k.reason,
  };
}

export function renderAccessReviewCsv(review: AccessReview): string {
  const rows: Row[] = [
    {
      section: 'report',
      name: review.orgName,
      since: review.period.from,
      expires: review.period.to,
      detail: `generated ${new Date(review.generatedAtMs).toISOString()}`,
    },
  ];
  if (review.posture === null) rows.push({ section: 'posture', detail: 'posture not evaluated' });
  else {
    rows.push({ section: 'posture', name: 'score', detail: String(review.posture.score) });
    for (const item of review.posture.failing)
      rows.push({ section: 'posture-failing', name: item.title, detail: item.evidence.join('; ') });
  }
  rows.push(...review.admins.map((m) => memberRow('admin', m)));
  rows.push(...review.members.map((m) => memberRow('member', m)));
  for (const c of review.changes)
    rows.push({
      section: 'change',
      since: new Date(c.atMs).toISOString(),
      role_or_status: c.source,
      name: c.actor ?? '',
      detail: c.summary,
    });
  rows.push(...review.keys.map((k) => keyRow('key', k)));
  for (const m of review.dormantMembers)
    rows.push({
      section: 'dormant-member',
      name: m.name,
      email: m.email,
      role_or_status: m.role,
      last_used: day(m.lastActiveDayMs),
    });
  rows.push(...review.dormantKeys.map((k) => keyRow('dormant-key', k)));
  for (const s of review.spend)
    rows.push({
      section: 'spend',
      month: s.month,
      workspace: s.workspaceName,
      amount_usd: centsToDollars(s.cents),
      detail: review.spendComplete ? '' : 'incomplete period',
    });
  const lines = [REVIEW_CSV_COLUMNS.join(',')];
  for (const row of rows) lines.push(REVIEW_CSV_COLUMNS.map((column) => spreadsheetCell(row[column] ?? '')).join(','));
  return `${lines.join('\r\n')}\r\n`;
}
