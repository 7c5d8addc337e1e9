import { existsSync } from 'node:fs';
import type { Command } from 'commander';
import type { CliContext } from '../context';
import { CliError, USAGE_EXIT } from '../errors';
import { printJson } from '../io';
import { parseChoice, parseIntInRange } from '../parse-args';
import { centsToNanocents } from '../../core/money';
import {
  GROUP_FIELD,
  REPORT_KINDS,
  resolveReportQuery,
  SUPPORTED_GROUPS,
  type ReportGroupBy,
  type ReportKind,
} from '../../core/report-query';
import { resolveReportSort, sortReportRows, type ReportSort, type SortKeys } from '../../core/report-sort';
import { refuseUnknownProfile } from '../unknown-profile';
import { estimateToPicocents, formatClaudeCode, formatKeyEstimate, formatUsageOrCost } from './report-format';
import type Database from 'better-sqlite3';
import { NO_MIRROR_EXIT, noMirrorYet } from '../read-mirror';

interface ReportOptions {
  from: string;
  to: string;
  groupBy?: ReportGroupBy;
  sort?: string;
  top?: number;
}

const ALL_GROUPS = ['workspace', 'api_key', 'model', 'description', 'user'] as const;
const GROUPS_HELP = REPORT_KINDS.map((kind) => `${kind}: ${SUPPORTED_GROUPS[kind].join(' | ')}`).join('; ');

/**
 * `clade-admin report usage|cost|claude-code`: answered from the mirror only (never the network), dates UTC, both
 * ends inclusive. `cost --group-by api_key` is an estimate (the cost report has no key dimension), said so in
 * the text and in `--json` (`estimate: true`, `basis`).
 */
export function registerReportCommand(program: Command, context: () => CliContext): void {
  program
    .command('report')
    .description('usage, cost or Claude Code activity from the local mirror over UTC days (both ends inclusive)')
    .argument('<kind>', REPORT_KINDS.join(' | '), parseChoice(REPORT_KINDS))
    .requiredOption('--from <YYYY-MM-DD>', 'first UTC day')
    .requiredOption('--to <YYYY-MM-DD>', 'last UTC day (inclusive)')
    .option(
      '--group-by <dimension>',
      `${GROUPS_HELP} (first is the default; cost by api_key is an estimate from usage × list prices)`,
      parseChoice(ALL_GROUPS),
    )
    .option(
      '--sort <order>',
      'usage: name | tokens; cost: name | cost (by api_key also tokens); claude-code: name | cost | tokens (by user ' +
        'also sessions). name is the default; amounts sort largest first',
    )
    .option(
      '--top <n>',
      'only the first n rows after sorting (totals still count every row)',
      parseIntInRange(1, 100_000),
    )
    .action(async (kind: ReportKind, options: ReportOptions) => {
      const ctx = context();
      const groupBy = options.groupBy ?? SUPPORTED_GROUPS[kind][0]!;
      const { openMirror } = await import('../../db/open');
      // Input is checked before the mirror is: a typo is a usage error even before the first sync.
      const sort = usage(() => {
        resolveReportQuery({ kind, from: options.from, to: options.to, groupBy });
        return resolveReportSort(kind, groupBy, options.sort);
      });
      if (!existsSync(ctx.mirrorFile)) {
        refuseUnknownProfile(ctx);
        throw new CliError(noMirrorYet(ctx.profileId), NO_MIRROR_EXIT);
      }
      const db = openMirror(ctx.mirrorFile, { readonly: true });
      try {
        const q = { from: options.from, to: options.to };
        const text = await runReport(db, ctx, kind, groupBy, q, sort, options.top);
        if (text !== null) ctx.io.stdout.write(text);
      } finally {
        db.close();
      }
    });
}

/** Prints JSON itself, or returns the text to print. */
async function runReport(
  db: Database.Database,
  ctx: CliContext,
  kind: ReportKind,
  groupBy: ReportGroupBy,
  q: { from: string; to: string },
  sort: ReportSort,
  top: number | undefined,
): Promise<string | null> {
  const emit = <R extends { rows: unknown[] }>(result: R, shown: { omitted: number }): null => {
    printJson(ctx.io, { ...result, sort, top: top ?? null, omitted: shown.omitted });
    return null;
  };
  if (kind === 'claude-code') {
    const { queryClaudeCodeReport } = await import('../../db/queries/claude-code-report');
    type Row = ReturnType<typeof queryClaudeCodeReport>['rows'][number];
    const report = queryClaudeCodeReport(db, { ...q, groupBy: groupBy as 'user' | 'model' });
    const keys: SortKeys<Row> = {
      name: (row) => ('model' in row ? row.model : (row.user_name ?? actorId(row.actor))),
      id: (row) => ('model' in row ? row.model : actorId(row.actor)),
      amount: (row, by) =>
        by === 'cost'
          ? centsToNanocents(row.estimated_cost.amount_cents)
          : BigInt(by === 'sessions' && 'num_sessions' in row ? row.num_sessions : row.total_tokens),
    };
    const sorted = sortReportRows(report.rows, sort, top, keys);
    const result = { ...report, rows: sorted.rows };
    return ctx.json ? emit(result, sorted) : formatClaudeCode(result, { sort, omitted: sorted.omitted });
  }
  if (kind === 'cost' && groupBy === 'api_key') {
    const { queryKeyCostReport } = await import('../../db/queries/key-cost-estimate');
    type Row = ReturnType<typeof queryKeyCostReport>['rows'][number];
    const report = queryKeyCostReport(db, q);
    const keys: SortKeys<Row> = {
      name: (row) => row.api_key_name ?? '',
      id: (row) => row.api_key_id,
      amount: (row, by) => (by === 'cost' ? estimateToPicocents(row.estimated_amount_cents) : BigInt(row.total_tokens)),
    };
    const sorted = sortReportRows(report.rows, sort, top, keys);
    const result = { ...report, rows: sorted.rows };
    return ctx.json ? emit(result, sorted) : formatKeyEstimate(result, { sort, omitted: sorted.omitted });
  }
  const { queryReport } = await import('../../db/queries/report-query');
  const { groupLabeller } = await import('../../db/queries/usage-labels');
  const report = usage(() => queryReport(db, { kind, groupBy, ...q }));
  const field = GROUP_FIELD[groupBy as Exclude<ReportGroupBy, 'user'>];
  const labeller =
    groupBy === 'workspace' || groupBy === 'api_key'
      ? groupLabeller(db, groupBy === 'api_key' ? 'key' : groupBy)
      : null;
  const label = (id: string | null): string =>
    labeller ? labeller.label(id) : (id ?? (groupBy === 'model' ? '(no model)' : '(no description)'));
  type Row = (typeof report.rows)[number];
  const keys: SortKeys<Row> = {
    name: (row) => label((row[field] as string | null) ?? null),
    id: (row) => (row[field] as string | null) ?? null,
    amount: (row, by) =>
      by === 'cost'
        ? centsToNanocents(String((row as { amount_cents?: string }).amount_cents ?? '0'))
        : BigInt((row as { total_tokens?: number }).total_tokens ?? 0),
  };
  const sorted = sortReportRows(report.rows, sort, top, keys);
  const result = { ...report, rows: sorted.rows };
  return ctx.json ? emit(result, sorted) : formatUsageOrCost(result, field, label, { sort, omitted: sorted.omitted });
}

function actorId(actor: { type: string; email_address?: string; api_key_name?: string }): string {
  return actor.email_address ?? actor.api_key_name ?? '';
}

/** A ReportQueryError (bad day, range, grouping or sort) is a usage error: exit 2 with its message. */
function usage<T>(run: () => T): T {
  try {
    return run();
  } catch (error) {
    if (error instanceof Error && error.name === 'ReportQueryError') throw new CliError(error.message, USAGE_EXIT);
    throw error;
  }
}
