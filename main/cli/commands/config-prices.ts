/**
 * `clade-admin config price list|set|remove`: the admin's own model prices for this profile (profile setting
 * `pricing.overrides`, also settable whole as JSON with `config set pricing.overrides '[…]'`). Every local cost
 * estimate reads them (db/queries/price-book.ts), so a model the built-in table lacks can be priced without a
 * release, or a price corrected from a date on. Prices are USD per million tokens; the cache prices follow from the
 * input price by Anthropic's multipliers unless given. Each change is validated by the setting's schema and recorded
 * in the audit trail like every `config set`.
 */
import type { Command } from 'commander';
import type { PriceOverride } from '../../core/pricing';
import type { CliContext } from '../context';
import { CliError, USAGE_EXIT } from '../errors';
import { printJson } from '../io';
import { alignedTable } from '../aligned-table';
import { openProfileMirror } from './alerts';

interface SetOptions {
  input: string;
  output: string;
  cacheWrite5m?: string;
  cacheWrite1h?: string;
  cacheRead?: string;
  from?: string;
}

async function readOverrides(ctx: CliContext): Promise<PriceOverride[]> {
  const { existsSync } = await import('node:fs');
  if (!existsSync(ctx.mirrorFile)) return [];
  const { readProfileSetting } = await import('../../db/settings/profile-settings');
  const db = await openProfileMirror(ctx, false);
  try {
    return readProfileSetting(db, 'pricing.overrides');
  } finally {
    db.close();
  }
}

async function writeOverrides(ctx: CliContext, next: PriceOverride[]): Promise<void> {
  const { ensureMirrorFile } = await import('../../adapters/data-dir');
  const { setProfileSettingRecorded } = await import('../../services/settings');
  ensureMirrorFile(ctx.dataDir, ctx.profileId);
  const db = await openProfileMirror(ctx);
  try {
    const change = setProfileSettingRecorded(db, 'pricing.overrides', next, Date.now());
    if (!change.ok) throw new CliError(change.message.split('\n').join('; '), USAGE_EXIT);
  } finally {
    db.close();
  }
}

function printOverrides(ctx: CliContext, overrides: PriceOverride[]): void {
  if (ctx.json) return printJson(ctx.io, { profile: ctx.profileId, overrides });
  if (overrides.length === 0) {
    ctx.io.stdout.write('No price overrides: estimates use the built-in price table.\n');
    return;
  }
  const rows = overrides.map((o) => [
    o.model,
    o.effectiveFrom ?? 'always',
    o.input,
    o.cacheWrite5m,
    o.cacheWrite1h,
    o.cacheRead,
    o.output,
  ]);
  ctx.io.stdout.write(
    alignedTable({
      headers: ['MODEL', 'FROM', 'INPUT', 'WRITE 5M', 'WRITE 1H', 'CACHE READ', 'OUTPUT'],
      rows,
      right: [2, 3, 4, 5, 6],
    }) + 'USD per million tokens.\n',
  );
}

function same(o: PriceOverride, model: string, from: string | null): boolean {
  return o.model === model && o.effectiveFrom === from;
}

export function registerPriceCommands(config: Command, context: () => CliContext): void {
  const price = config
    .command('price')
    .description('your own model prices for local estimates (USD per million tokens), over the built-in table');

  price
    .command('list')
    .description('list this profile’s price overrides')
    .action(async () => {
      const ctx = context();
      printOverrides(ctx, await readOverrides(ctx));
    });

  price
    .command('set')
    .description('add or replace the price of a model (from a UTC day, or always)')
    .argument('<model>', 'the model id as the usage report names it, e.g. claude-mythos-preview')
    .requiredOption('--input <usd>', 'input price, USD per million tokens (e.g. 3 or 0.80)')
    .requiredOption('--output <usd>', 'output price, USD per million tokens')
    .option('--cache-write-5m <usd>', '5-minute cache write (default 1.25 × input)')
    .option('--cache-write-1h <usd>', '1-hour cache write (default 2 × input)')
    .option('--cache-read <usd>', 'cache read (default 0.1 × input)')
    .option('--from <YYYY-MM-DD>', 'the first UTC day it applies (default: always)')
    .action(async (model: string, options: SetOptions) => {
      const ctx = context();
      const { completePriceOverride, withPriceOverride } = await import('../../core/pricing');
      const completed = completePriceOverride({
        model,
        effectiveFrom: options.from ?? null,
        input: options.input,
        output: options.output,
        cacheWrite5m: options.cacheWrite5m,
        cacheWrite1h: options.cacheWrite1h,
        cacheRead: options.cacheRead,
      });
      if (!completed.ok)
        throw new CliError(
          `--${completed.field.replace(/[A-Z0-9]+/g, (m) => `-${m.toLowerCase()}`)}: ${completed.message}`,
          USAGE_EXIT,
        );
      const next = withPriceOverride(await readOverrides(ctx), completed.override);
      await writeOverrides(ctx, next);
      printOverrides(ctx, next);
    });

  price
    .command('remove')
    .description('remove a price override (the built-in price, if any, applies again)')
    .argument('<model>', 'the model id')
    .option('--from <YYYY-MM-DD>', 'the override that starts that day (default: the one that applies always)')
    .action(async (model: string, options: { from?: string }) => {
      const ctx = context();
      const current = await readOverrides(ctx);
      const next = current.filter((o) => !same(o, model, options.from ?? null));
      if (next.length === current.length)
        throw new CliError(
          `no price override for ${model}${options.from ? ` from ${options.from}` : ''}; see \`clade-admin config price list\``,
          USAGE_EXIT,
        );
      await writeOverrides(ctx, next);
      printOverrides(ctx, next);
    });
}
