/** Words for the spend view's choices and notes, in one place so the controls, table, CSV and tests agree. */
import type { UsageSeries, UsageSeriesQuery } from '../../../preload/contract';

export const METRIC_LABELS: Record<UsageSeriesQuery['metric'], string> = {
  cost: 'Cost (billed and estimate)',
  tokens: 'All tokens',
  input: 'Input tokens',
  output: 'Output tokens',
  cache_read: 'Cache read tokens',
  cache_write: 'Cache write tokens',
};

/** The CSV column / table heading of a token metric. */
export function metricLabel(metric: Exclude<UsageSeriesQuery['metric'], 'cost'>): string {
  return METRIC_LABELS[metric].toLowerCase();
}

export const GROUP_LABELS: Record<UsageSeriesQuery['groupBy'], string> = {
  workspace: 'Workspace',
  key: 'API key',
  model: 'Model',
};

export const RANGE_LABELS = {
  '24h': 'Last 24 hours',
  '7d': 'Last 7 days',
  '30d': 'Last 30 days',
  '90d': 'Last 90 days',
} as const;

/** A cost report cost type in words: "web search", "code execution". */
export function costTypeLabel(costType: string): string {
  return costType.replace(/_/g, ' ');
}

/** What the cost numbers are here, said plainly under the chart. */
export function costBasisNote(data: UsageSeries): string {
  const estimate =
    data.estimateBasis === 'shared-per-key'
      ? "Estimate per key = each workspace and model's daily estimate (tokens × published prices, with batch, US-region and long-context rates) shared out by the keys' list-price cost, since the per-key report does not say tier, region or context window."
      : 'Estimate = tokens × published prices, with batch, US-region and long-context rates; it ignores Priority Tier, discounts and credits.';
  switch (data.billed) {
    case 'available':
      return `Billed = Anthropic's daily cost report. ${estimate} Difference = billed − estimate as shown; the lines under it say which part of it no estimate covers and what remains unexplained.`;
    case 'not-per-key':
      return `Estimate only: billed cost is reported per workspace and model, never per API key. ${estimate}`;
    case 'not-hourly':
      return `Estimate only: billed cost is reported per day, never per hour. ${estimate}`;
  }
}

/** When the range reaches outside what the mirror holds of the cost report, say so (those days show no billed cost). */
export function billedCoverageNote(data: UsageSeries): string | null {
  if (data.billed !== 'available') return null;
  const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);
  const cov = data.billedCoverage;
  if (cov === null) return 'The cost report has not been synced yet: billed cost shows as zero until it is.';
  // The last shown day counts as covered once the report reaches into it (today fills up until it settles).
  const lastDay = (ms: number) => Math.floor((ms - 1) / 86_400_000);
  if (cov.fromMs <= data.fromMs && lastDay(cov.toMs) >= lastDay(data.toMs)) return null;
  return `Billed cost in the local copy covers ${day(cov.fromMs)} to ${day(cov.toMs - 1)} (UTC); days outside it show no billed cost, so the difference there is not meaningful.`;
}

/**
 * "1,234 tokens without a known price are not in the estimate: priority tier on 8 models; no published price for
 * claude-fable-5-2." or null. Main names unpriced tiers as "model (tier tier)"; they are counted per tier here.
 */
export function unpricedNote(data: UsageSeries): string | null {
  const count = data.totals.unpricedTokens;
  if (count === 0) return null;
  const tiers = new Map<string, number>();
  const models: string[] = [];
  for (const name of data.totals.unpricedModels) {
    const tier = / \((.+) tier\)$/.exec(name)?.[1];
    if (tier) tiers.set(tier, (tiers.get(tier) ?? 0) + 1);
    else models.push(name);
  }
  const parts = [
    ...[...tiers].map(
      ([tier, n]) =>
        `${tier === 'priority' ? 'Priority Tier (billed outside the cost report)' : `the ${tier} tier`} on ${n} model${n === 1 ? '' : 's'}`,
    ),
    ...(models.length > 0 ? [`no published price for ${models.join(', ')}`] : []),
  ];
  return `${count.toLocaleString('en-US')} tokens without a known price are not in the estimate${parts.length > 0 ? `: ${parts.join('; ')}` : ''}.`;
}
