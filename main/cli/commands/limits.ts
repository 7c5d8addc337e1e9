/**
 * `clade-admin limits`: each workspace's rate-limit overrides against the org's limit, and each monthly spend limit
 * with month-to-date spend and the dollars left. The figures are the limits read model's (db/queries/limits.ts),
 * whose spend is the overview's.
 */
import type { Command } from 'commander';
import type { LimitsAnswer, SpendLimitLeft, WorkspaceRateLimit } from '../../db/queries/limits';
import type { CliContext } from '../context';
import { printJson } from '../io';
import { alignedTable } from '../aligned-table';
import { withMirror } from '../read-mirror';
import { centsToNanocents, formatUsd } from '../../core/money';

export function registerLimitsCommand(program: Command, context: () => CliContext): void {
  program
    .command('limits')
    .description(
      "this month's spend and forecast, spend limits with the dollars left, and rate limits per workspace against the org's",
    )
    .action(async () => {
      const ctx = context();
      const { readLimits } = await import('../../db/queries/limits');
      const limits = await withMirror(ctx, (db) => readLimits(db, Date.now()));
      if (ctx.json) printJson(ctx.io, { profile: ctx.profileId, ...limits });
      else ctx.io.stdout.write(formatLimits(limits));
    });
}

function formatLimits(limits: LimitsAnswer): string {
  const { organization, workspaces } = limits.rateLimits;
  const { monthToDateCents, forecastCents } = limits.spend;
  const parts = [
    `Spend in ${limits.month} (UTC): ${usd(monthToDateCents)} so far; ` +
      (forecastCents === null
        ? 'no forecast yet (too little history).'
        : `forecast for the month: ${usd(forecastCents)}.`),
    `Spend limits:`,
    limits.spendLimits.length > 0 ? spendLimitTable(limits.spendLimits).trimEnd() : 'none set (or not readable).',
    `Rate limits: ${organization.length} org groups; ${workspaces.length} workspace overrides` +
      `${workspaces.length > 0 ? ':' : ' (every workspace has the org’s limits).'}`,
  ];
  if (workspaces.length > 0) parts.push(rateLimitTable(workspaces).trimEnd());
  return `${parts.join('\n')}\n`;
}

const usd = (cents: string) => formatUsd(centsToNanocents(cents));
const number = (value: number | null) => (value === null ? '—' : value.toLocaleString('en-US'));

export function spendLimitTable(rows: SpendLimitLeft[]): string {
  return alignedTable({
    // The day the month's projection meets the limit: past once reached, else a forecast.
    headers: ['SPEND LIMIT', 'SCOPE', 'LIMIT', 'SPENT', 'LEFT', 'USED', 'AT LIMIT ON'],
    rows: rows.map((r) => [
      r.name,
      r.scope,
      usd(r.amountCents),
      usd(r.spentCents),
      usd(r.leftCents),
      `${r.percent}%`,
      r.crossingDay ?? '—',
    ]),
    right: [2, 3, 4, 5],
  });
}

export function rateLimitTable(rows: WorkspaceRateLimit[]): string {
  return alignedTable({
    headers: ['WORKSPACE', 'GROUP', 'LIMITER', 'VALUE', 'ORG LIMIT', 'OF ORG'],
    rows: rows.map((r) => [
      r.workspaceName,
      r.name,
      r.type,
      number(r.value),
      number(r.orgLimit),
      r.percentOfOrg === null ? '—' : `${r.percentOfOrg}%`,
    ]),
    right: [3, 4, 5],
  });
}
