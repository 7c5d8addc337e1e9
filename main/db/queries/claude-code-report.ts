/**
 * `report claude-code`: Claude Code activity from the mirror (`claude_code_daily`, one row per day × actor ×
 * terminal × customer type, admin-api.md §4.3), summed per actor (a member's email or an API key's name) or per
 * model (each record's `model_breakdown`). Cost is the report's own `estimated_cost` (the API's estimate, not
 * billed), summed exactly in nanocents with the sync's conversion. Sessions, lines, commits and pull requests have
 * no model in the API, so the model grouping carries tokens, cost and the number of actors only.
 */
import type Database from 'better-sqlite3';
import { centsNumberToNanocents, nanocentsToCents } from '../../core/money';
import { coverageDays, isComplete, resolveReportQuery, type ReportResult } from '../../core/report-query';
import { ReportRepo } from '../repos/report-repo';
import { tableExists } from './key-inventory';

export interface ClaudeCodeTokens {
  input: number;
  output: number;
  cache_read: number;
  cache_creation: number;
}

export interface ClaudeCodeUserRow {
  actor: { type: 'user_actor'; email_address: string } | { type: 'api_actor'; api_key_name: string };
  /** The member's name when the email belongs to a user in the mirror. */
  user_name: string | null;
  days_active: number;
  num_sessions: number;
  lines_of_code: { added: number; removed: number };
  commits_by_claude_code: number;
  pull_requests_by_claude_code: number;
  tool_actions: Record<string, { accepted: number; rejected: number }>;
  tokens: ClaudeCodeTokens;
  total_tokens: number;
  estimated_cost: { amount_cents: string; currency: string };
}

export interface ClaudeCodeModelRow {
  model: string;
  actors: number;
  tokens: ClaudeCodeTokens;
  total_tokens: number;
  estimated_cost: { amount_cents: string; currency: string };
}

export type ClaudeCodeRow = ClaudeCodeUserRow | ClaudeCodeModelRow;

export interface ClaudeCodeReport extends ReportResult<ClaudeCodeRow> {
  total: {
    num_sessions: number | null;
    total_tokens: number;
    estimated_cost: { amount_cents: string; currency: string };
  };
}

interface StoredRow {
  day: number;
  actorType: string;
  actorId: string;
  sessions: number;
  added: number;
  removed: number;
  commits: number;
  prs: number;
  toolActions: string;
  breakdown: string;
  nanocents: bigint;
}

interface Breakdown {
  model: string;
  tokens: ClaudeCodeTokens;
  estimated_cost: { amount: number; currency: string };
}

const emptyTokens = (): ClaudeCodeTokens => ({ input: 0, output: 0, cache_read: 0, cache_creation: 0 });
const addTokens = (into: ClaudeCodeTokens, t: ClaudeCodeTokens): void => {
  into.input += t.input;
  into.output += t.output;
  into.cache_read += t.cache_read;
  into.cache_creation += t.cache_creation;
};
const tokenTotal = (t: ClaudeCodeTokens): number => t.input + t.output + t.cache_read + t.cache_creation;

export function queryClaudeCodeReport(
  db: Database.Database,
  q: { from: string; to: string; groupBy: 'user' | 'model' },
): ClaudeCodeReport {
  const range = resolveReportQuery({ kind: 'claude-code', from: q.from, to: q.to, groupBy: q.groupBy });
  const coverage = new ReportRepo(db).coverage('claude_code_daily');
  const stored = tableExists(db, 'claude_code_daily')
    ? (db
        .prepare(
          `SELECT bucket_start_ms AS day, actor_type AS actorType, actor_id AS actorId, num_sessions AS sessions,
                  lines_added AS added, lines_removed AS removed, commits, pull_requests AS prs,
                  tool_actions_json AS toolActions, model_breakdown_json AS breakdown, estimated_cost_nanocents AS nanocents
           FROM claude_code_daily WHERE bucket_start_ms >= ? AND bucket_start_ms < ?`,
        )
        .safeIntegers(true)
        .all(BigInt(range.fromMs), BigInt(range.toExclusiveMs)) as Array<Record<keyof StoredRow, bigint | string>>)
    : [];
  const rows: StoredRow[] = stored.map((r) => ({
    day: Number(r.day),
    actorType: String(r.actorType),
    actorId: String(r.actorId),
    sessions: Number(r.sessions),
    added: Number(r.added),
    removed: Number(r.removed),
    commits: Number(r.commits),
    prs: Number(r.prs),
    toolActions: String(r.toolActions),
    breakdown: String(r.breakdown),
    nanocents: BigInt(r.nanocents),
  }));
  const base = {
    kind: 'claude-code' as const,
    from: q.from,
    to: q.to,
    groupBy: q.groupBy,
    complete: isComplete(range, coverage),
    coverage: coverageDays(coverage),
  };
  return q.groupBy === 'user' ? { ...base, ...byUser(db, rows) } : { ...base, ...byModel(rows) };
}

function byUser(db: Database.Database, rows: StoredRow[]): Pick<ClaudeCodeReport, 'rows' | 'total'> {
  const names = userNames(db);
  const groups = new Map<string, { row: ClaudeCodeUserRow; days: Set<number>; nanocents: bigint }>();
  let sessions = 0;
  let tokens = 0;
  let nanocents = 0n;
  for (const r of rows) {
    const id = JSON.stringify([r.actorType, r.actorId]);
    let group = groups.get(id);
    if (!group) {
      const actor: ClaudeCodeUserRow['actor'] =
        r.actorType === 'api_actor'
          ? { type: 'api_actor', api_key_name: r.actorId }
          : { type: 'user_actor', email_address: r.actorId };
      group = {
        row: {
          actor,
          user_name: r.actorType === 'api_actor' ? null : (names.get(r.actorId.toLowerCase()) ?? null),
          days_active: 0,
          num_sessions: 0,
          lines_of_code: { added: 0, removed: 0 },
          commits_by_claude_code: 0,
          pull_requests_by_claude_code: 0,
          tool_actions: {},
          tokens: emptyTokens(),
          total_tokens: 0,
          estimated_cost: { amount_cents: '0', currency: 'USD' },
        },
        days: new Set(),
        nanocents: 0n,
      };
      groups.set(id, group);
    }
    const row = group.row;
    group.days.add(r.day);
    row.num_sessions += r.sessions;
    row.lines_of_code.added += r.added;
    row.lines_of_code.removed += r.removed;
    row.commits_by_claude_code += r.commits;
    row.pull_requests_by_claude_code += r.prs;
    const actions = JSON.parse(r.toolActions) as Record<string, { accepted: number; rejected: number }>;
    for (const [tool, counts] of Object.entries(actions)) {
      const sum = (row.tool_actions[tool] ??= { accepted: 0, rejected: 0 });
      sum.accepted += counts.accepted;
      sum.rejected += counts.rejected;
    }
    for (const b of JSON.parse(r.breakdown) as Breakdown[]) addTokens(row.tokens, b.tokens);
    group.nanocents += r.nanocents;
    sessions += r.sessions;
    nanocents += r.nanocents;
  }
  const out = [...groups.values()].map(({ row, days, nanocents: cost }) => {
    row.days_active = days.size;
    row.total_tokens = tokenTotal(row.tokens);
    row.estimated_cost = { amount_cents: nanocentsToCents(cost), currency: 'USD' };
    tokens += row.total_tokens;
    return row;
  });
  return {
    rows: out,
    total: {
      num_sessions: sessions,
      total_tokens: tokens,
      estimated_cost: { amount_cents: nanocentsToCents(nanocents), currency: 'USD' },
    },
  };
}

function byModel(rows: StoredRow[]): Pick<ClaudeCodeReport, 'rows' | 'total'> {
  const groups = new Map<string, { tokens: ClaudeCodeTokens; actors: Set<string>; nanocents: bigint }>();
  let nanocents = 0n;
  for (const r of rows) {
    for (const b of JSON.parse(r.breakdown) as Breakdown[]) {
      const group = groups.get(b.model) ?? { tokens: emptyTokens(), actors: new Set<string>(), nanocents: 0n };
      addTokens(group.tokens, b.tokens);
      group.actors.add(JSON.stringify([r.actorType, r.actorId]));
      // The sync's own conversion (report-rows.ts), so the models add up to the stored per-row cost exactly.
      const cost = centsNumberToNanocents(b.estimated_cost.amount);
      group.nanocents += cost;
      nanocents += cost;
      groups.set(b.model, group);
    }
  }
  let tokens = 0;
  const out: ClaudeCodeModelRow[] = [...groups].map(([model, g]) => {
    tokens += tokenTotal(g.tokens);
    return {
      model,
      actors: g.actors.size,
      tokens: g.tokens,
      total_tokens: tokenTotal(g.tokens),
      estimated_cost: { amount_cents: nanocentsToCents(g.nanocents), currency: 'USD' },
    };
  });
  return {
    rows: out,
    total: {
      num_sessions: null,
      total_tokens: tokens,
      estimated_cost: { amount_cents: nanocentsToCents(nanocents), currency: 'USD' },
    },
  };
}

/** Member email (lower case) → name: the report names actors by email only. */
function userNames(db: Database.Database): Map<string, string> {
  if (!tableExists(db, 'users')) return new Map();
  const rows = db.prepare(`SELECT email, name FROM users`).all() as Array<{ email: string; name: string | null }>;
  return new Map(rows.filter((r) => r.name).map((r) => [r.email.toLowerCase(), r.name!]));
}
