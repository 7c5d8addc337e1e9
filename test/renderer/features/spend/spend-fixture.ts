/** A usage answer in the contract's shape (two days, two workspaces, billed next to estimate), for the spend view tests. */
import type { UsageSeries, UsageSeriesQuery } from '../../../../preload/contract';

export const DAY = 86_400_000;
export const day1 = Date.UTC(2026, 10, 19);

export function usageAnswer(query: UsageSeriesQuery): UsageSeries {
  const billed = query.bucket === 'day' && query.groupBy !== 'key';
  const b = <T>(value: T): T | null => (billed ? value : null);
  return {
    bucket: query.bucket,
    groupBy: query.groupBy,
    metric: query.metric,
    currency: 'USD',
    fromMs: day1,
    toMs: day1 + 2 * DAY,
    bucketStartsMs: [day1, day1 + DAY],
    unavailable: null,
    billed: billed ? 'available' : query.groupBy === 'key' ? 'not-per-key' : 'not-hourly',
    billedCoverage: billed ? { fromMs: day1 - 90 * DAY, toMs: day1 + 2 * DAY } : null,
    estimateBasis: query.groupBy === 'key' ? 'shared-per-key' : 'priced-per-tier',
    groups: [
      {
        key: 'wrkspc_01PROD',
        label: query.groupBy === 'key' ? 'prod-backend' : 'Production',
        tokens: [1_000_000, 500_000],
        estimateCents: ['1000.5', '250'],
        billedCents: b(['1000.5', '260']),
        totals: {
          tokens: { input: 1_000_000, output: 400_000, cacheRead: 80_000, cacheWrite: 20_000, total: 1_500_000 },
          estimateCents: '1250.5',
          billedCents: b('1260.5'),
          billedTokenCents: b('1250.5'),
          differenceCents: b('10'),
          notEstimated: billed ? [{ costType: 'web_search', cents: '10' }] : [],
          unexplainedCents: b('0'),
          unpricedTokens: 0,
        },
      },
      {
        key: 'default',
        label: 'Default Workspace',
        tokens: [0, 2_000],
        estimateCents: ['0', '0.000125'],
        billedCents: b(['0', '0']),
        totals: {
          tokens: { input: 2_000, output: 0, cacheRead: 0, cacheWrite: 0, total: 2_000 },
          estimateCents: '0.000125',
          billedCents: b('0'),
          billedTokenCents: b('0'),
          differenceCents: b('0'),
          notEstimated: [],
          unexplainedCents: b('0'),
          unpricedTokens: 700,
        },
      },
    ],
    totals: {
      tokens: { input: 1_002_000, output: 400_000, cacheRead: 80_000, cacheWrite: 20_000, total: 1_502_000 },
      estimateCents: '1250.500125',
      billedCents: b('1260.5'),
      billedTokenCents: b('1250.5'),
      differenceCents: b('10'),
      notEstimated: billed ? [{ costType: 'web_search', cents: '10' }] : [],
      unexplainedCents: b('0'),
      unpricedTokens: 700,
      unpricedModels: ['claude-fable-5-2'],
    },
  };
}
