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

export const GROUP_LABELS: Record<UsageSeriesQuery['groupBy'], string> = { workspace: 'Workspace', key: 'API key', model: 'Model' };

export const RANGE_LABELS = { '24h': 'Last 24 hours', '7d': 'Last 7 days', '30d': 'Last 30 days', '90d': 'Last 90 days' } as const;

/** What the cost numbers are here, said plainly under the chart. */
export function costBasisNote(data: UsageSeries): string {
  const estimate =
    data.estimateBasis === 'shared-per-key'
      ? "Estimate per key = each workspace and model's daily estimate (tokens × published prices, with batch, US-region and long-context rates) shared out by the keys' list-price cost, since the per-key report does not say tier, region or context window."
      : 'Estimate = tokens × published prices, with batch, US-region and long-context rates; it ignores Priority Tier, discounts and credits.';
  switch (data.billed) {
    case 'available':
      return `Billed = Anthropic's daily cost report. ${estimate} Difference = billed for tokens − estimate (web search and code execution are billed only).`;
    case 'not-per-key':
      return `Estimate only: billed cost is reported per workspace and model, never per API key. ${estimate}`;
    case 'not-hourly':
      return `Estimate only: billed cost is reported per day, never per hour. ${estimate}`;
  }
}

/** "1,234 tokens without a known price (claude-fable-5-2) are not in the estimate." or null. */
export function unpricedNote(data: UsageSeries): string | null {
  const count = data.totals.unpricedTokens;
  if (count === 0) return null;
  const models = data.totals.unpricedModels.join(', ');
  return `${count.toLocaleString('en-US')} tokens without a known price${models ? ` (${models})` : ''} are not in the estimate.`;
}
