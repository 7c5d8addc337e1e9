/**
 * Text shapes of `clade-admin report`: one aligned table per report with names (ids shortened), the order the
 * admin chose, and a total where the rows add up. The per-key cost says it is an estimate in its title, its total
 * and its note, and shows the billed amount of the same days beside it without pretending the two agree.
 */
import { centsToNanocents, formatUsd, NANOCENTS_PER_CENT, roundToWholeCents } from '../../core/money';
import { PICOCENTS_PER_CENT } from '../../core/pricing';
import type { ClaudeCodeModelRow, ClaudeCodeReport, ClaudeCodeUserRow } from '../../db/queries/claude-code-report';
import type { KeyCostReport } from '../../db/queries/key-cost-estimate';
import type { CostRow, ReportTotal, UsageRow } from '../../db/queries/report-query';
import type { ReportResult } from '../../core/report-query';
import { formatCount, renderTable, shortId } from '../report-table';

const usd = (cents: string): string => formatUsd(centsToNanocents(cents));

/** An estimate's cents carry up to 12 fraction digits (picocents): rounded to the cent once, then written. */
export function estimateToPicocents(cents: string): bigint {
  const [whole = '0', fraction = ''] = cents.split('.');
  return BigInt(whole) * PICOCENTS_PER_CENT + BigInt(fraction.padEnd(12, '0').slice(0, 12));
}
const estimateUsd = (cents: string): string =>
  formatUsd(roundToWholeCents(estimateToPicocents(cents), PICOCENTS_PER_CENT) * NANOCENTS_PER_CENT);

export interface Shown {
  sort: string;
  omitted: number;
}

function header(title: string, r: { from: string; to: string; complete: boolean; coverage: unknown }, shown: Shown) {
  const range = r.from === r.to ? r.from : `${r.from} … ${r.to}`;
  const coverage = r.coverage as { from: string; to: string } | null;
  const warning = r.complete
    ? ''
    : `\nwarning: incomplete — the mirror covers ${coverage ? `${coverage.from} … ${coverage.to}` : 'no days'} for this report (a day still in progress counts as incomplete)`;
  return `${title}, ${range} (UTC days, both inclusive), sorted by ${shown.sort}${warning}\n`;
}

function footer(shown: Shown, noun: string): string {
  return shown.omitted > 0 ? `(${shown.omitted} more ${noun} not shown; the total counts them)\n` : '';
}

/** Usage or billed cost, grouped by workspace, key, model or description; `label` names a group id. */
export function formatUsageOrCost(
  result: ReportResult<UsageRow | CostRow> & { total: ReportTotal | null },
  field: string,
  label: (id: string | null) => string,
  shown: Shown,
): string {
  const title = `${result.kind === 'usage' ? 'Usage (tokens)' : 'Billed cost'} by ${result.groupBy}`;
  const withId = result.groupBy === 'workspace' || result.groupBy === 'api_key';
  const name = (row: UsageRow | CostRow) => label((row[field] as string | null) ?? null);
  const columns = [
    { title: result.groupBy.toUpperCase().replace('_', ' ') },
    ...(withId ? [{ title: 'ID' }] : []),
    { title: result.kind === 'usage' ? 'TOKENS' : 'COST', align: 'right' as const },
  ];
  const cells = (row: UsageRow | CostRow) => [
    name(row),
    ...(withId ? [shortId((row[field] as string | null) ?? null)] : []),
    result.kind === 'usage'
      ? formatCount((row as UsageRow).total_tokens)
      : `${usd((row as CostRow).amount_cents)} ${(row as CostRow).currency}`,
  ];
  const body = result.rows.map(cells);
  const sum = result.total;
  const total =
    sum === null
      ? undefined
      : [
          'Total',
          ...(withId ? [''] : []),
          sum.total_tokens !== undefined
            ? formatCount(sum.total_tokens)
            : `${usd(sum.amount_cents ?? '0')} ${sum.currency ?? 'USD'}`,
        ];
  return `${header(title, result, shown)}${body.length === 0 ? '  (no rows for these days)\n' : renderTable(columns, body, total)}${footer(shown, 'groups')}`;
}

/** The per-key estimate: every amount marked as estimated, billed total beside it. */
export function formatKeyEstimate(report: KeyCostReport & { total: KeyCostReport['total'] }, shown: Shown): string {
  const columns = [
    { title: 'KEY' },
    { title: 'WORKSPACE' },
    { title: 'ID' },
    { title: 'TOKENS', align: 'right' as const },
    { title: 'EST. COST', align: 'right' as const },
  ];
  const body = report.rows.map((row) => [
    row.api_key_id === null ? '(no key: Console and Workbench)' : (row.api_key_name ?? '(key not in the mirror)'),
    row.workspace_name ?? '',
    shortId(row.api_key_id),
    formatCount(row.total_tokens),
    `≈ ${estimateUsd(row.estimated_amount_cents)}${row.unpriced_tokens > 0 ? '*' : ''}`,
  ]);
  const total = [
    'Total (estimate)',
    '',
    '',
    formatCount(report.total.total_tokens),
    `≈ ${estimateUsd(report.total.estimated_amount_cents)}`,
  ];
  const lines = [
    header('ESTIMATED cost per API key (not billed)', report, shown),
    body.length === 0 ? '  (no key usage for these days)\n' : renderTable(columns, body, total),
    footer(shown, 'keys'),
    `Billed for these days (all workspaces and cost types, not per key): ${usd(report.billed.amount_cents)} ${report.billed.currency}${report.billed.complete ? '' : ' (incomplete)'}\n`,
    report.total.unpriced_tokens > 0
      ? `* includes tokens of models without a known price, not in the estimate (${formatCount(report.total.unpriced_tokens)} tokens in all)\n`
      : '',
    `note: ${report.basis}\n`,
  ];
  return lines.join('');
}

export function formatClaudeCode(report: ClaudeCodeReport, shown: Shown): string {
  const title = `Claude Code activity by ${report.groupBy} (cost: the report's own estimate)`;
  if (report.rows.length === 0) return `${header(title, report, shown)}  (no Claude Code activity for these days)\n`;
  const cost = (row: { estimated_cost: { amount_cents: string } }) => `≈ ${usd(row.estimated_cost.amount_cents)}`;
  const totalCost = cost(report.total);
  if (report.groupBy === 'model') {
    const columns = [
      { title: 'MODEL' },
      { title: 'ACTORS', align: 'right' as const },
      { title: 'TOKENS', align: 'right' as const },
      { title: 'EST. COST', align: 'right' as const },
    ];
    const body = (report.rows as ClaudeCodeModelRow[]).map((row) => [
      row.model,
      String(row.actors),
      formatCount(row.total_tokens),
      cost(row),
    ]);
    const total = ['Total', '', formatCount(report.total.total_tokens), totalCost];
    return `${header(title, report, shown)}${renderTable(columns, body, total)}${footer(shown, 'models')}`;
  }
  const columns = [
    { title: 'ACTOR' },
    { title: 'NAME' },
    { title: 'DAYS', align: 'right' as const },
    { title: 'SESSIONS', align: 'right' as const },
    { title: 'LINES +', align: 'right' as const },
    { title: 'LINES -', align: 'right' as const },
    { title: 'COMMITS', align: 'right' as const },
    { title: 'PRS', align: 'right' as const },
    { title: 'TOKENS', align: 'right' as const },
    { title: 'EST. COST', align: 'right' as const },
  ];
  const body = (report.rows as ClaudeCodeUserRow[]).map((row) => [
    row.actor.type === 'user_actor' ? row.actor.email_address : `key: ${row.actor.api_key_name}`,
    row.user_name ?? '',
    String(row.days_active),
    formatCount(row.num_sessions),
    formatCount(row.lines_of_code.added),
    formatCount(row.lines_of_code.removed),
    formatCount(row.commits_by_claude_code),
    formatCount(row.pull_requests_by_claude_code),
    formatCount(row.total_tokens),
    cost(row),
  ]);
  const total = [
    'Total',
    '',
    '',
    formatCount(report.total.num_sessions ?? 0),
    '',
    '',
    '',
    '',
    formatCount(report.total.total_tokens),
    totalCost,
  ];
  return `${header(title, report, shown)}${renderTable(columns, body, total)}${footer(shown, 'actors')}`;
}
