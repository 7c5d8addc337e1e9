import { existsSync } from 'node:fs';
import type { Command } from 'commander';
import type { CliContext } from '../context';
import { CliError, USAGE_EXIT } from '../errors';
import { printJson } from '../io';
import { parseChoice } from '../parse-args';
import { centsToNanocents, formatUsd } from '../../core/money';
import { refuseUnknownProfile } from '../unknown-profile';

interface ReportOptions {
  from: string;
  to: string;
  groupBy: 'workspace' | 'api_key' | 'model' | 'description';
}

/** `clade-admin report usage|cost`: answered from the mirror only (never the network), dates UTC, both ends inclusive. */
export function registerReportCommand(program: Command, context: () => CliContext): void {
  program
    .command('report')
    .description('usage or cost totals from the local mirror over UTC days (both ends inclusive)')
    .argument('<kind>', 'usage | cost', parseChoice(['usage', 'cost'] as const))
    .requiredOption('--from <YYYY-MM-DD>', 'first UTC day')
    .requiredOption('--to <YYYY-MM-DD>', 'last UTC day (inclusive)')
    .option(
      '--group-by <dimension>',
      'workspace | api_key | model | description',
      parseChoice(['workspace', 'api_key', 'model', 'description'] as const),
      'workspace',
    )
    .action(async (kind: 'usage' | 'cost', options: ReportOptions) => {
      const ctx = context();
      if (!existsSync(ctx.mirrorFile)) {
        refuseUnknownProfile(ctx);
        throw new CliError(`profile "${ctx.profileId}" has no local mirror yet; run \`clade-admin sync\` first`, 3);
      }
      const { openMirror } = await import('../../db/open');
      const { queryReport } = await import('../../db/queries/report-query');
      const db = openMirror(ctx.mirrorFile, { readonly: true });
      try {
        let result;
        try {
          result = queryReport(db, { kind, from: options.from, to: options.to, groupBy: options.groupBy });
        } catch (error) {
          if (error instanceof Error && error.name === 'ReportQueryError')
            throw new CliError(error.message, USAGE_EXIT);
          throw error;
        }
        if (ctx.json) printJson(ctx.io, result);
        else ctx.io.stdout.write(formatReport(result));
      } finally {
        db.close();
      }
    });
}

type Row = Record<string, unknown>;

function formatReport(result: {
  kind: string;
  from: string;
  to: string;
  groupBy: string;
  complete: boolean;
  coverage: { from: string; to: string } | null;
  rows: Row[];
}): string {
  const groupField = (
    { workspace: 'workspace_id', api_key: 'api_key_id', model: 'model', description: 'description' } as Record<
      string,
      string
    >
  )[result.groupBy]!;
  const header = `${result.kind} ${result.from} … ${result.to} by ${result.groupBy}`;
  const warning = result.complete
    ? ''
    : `\nwarning: incomplete — the mirror covers ${result.coverage ? `${result.coverage.from} … ${result.coverage.to}` : 'no days'} for this report (a day still in progress counts as incomplete)\n`;
  const lines = result.rows.map((row) => {
    const group = String(row[groupField] ?? '(default workspace)');
    const value =
      result.kind === 'cost'
        ? `${formatUsd(centsToNanocents(String(row.amount_cents)))} ${String(row.currency)}`
        : `${String(row.total_tokens)} tokens`;
    return `  ${group.padEnd(44)} ${value}`;
  });
  return `${header}${warning}\n${lines.join('\n')}\n`;
}
