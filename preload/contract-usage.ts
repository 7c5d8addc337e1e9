/**
 * Channels for usage and cost charts: by day or hour, grouped by workspace, key or model, billed next to estimate.
 * Spread into the one channel table in contract.ts; same rules (zod both ways, no Electron or Node imports).
 *
 * Money is a decimal string of cents (exact; an estimate may carry up to 12 fraction digits). Token counts are
 * integers. Every per-bucket array is aligned with `bucketStartsMs`.
 */
import { z } from 'zod';
import type { ChannelSpec } from './channel-spec';

const Day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a UTC day as YYYY-MM-DD');
const Cents = z.string().regex(/^-?\d+(\.\d+)?$/);
const Count = z.number().int().nonnegative();

export const USAGE_PRESETS = ['24h', '7d', '30d', '90d'] as const;
export type UsagePreset = (typeof USAGE_PRESETS)[number];
/** Token metrics chart one kind of token (or all of them); `cost` charts money. */
export const USAGE_METRICS = ['tokens', 'input', 'output', 'cache_read', 'cache_write', 'cost'] as const;
export type UsageMetric = (typeof USAGE_METRICS)[number];

export const UsageRange = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('preset'), preset: z.enum(USAGE_PRESETS) }),
  /** Both days inclusive, UTC. */
  z.object({ kind: z.literal('custom'), from: Day, to: Day }),
]);
export type UsageRangeInput = z.infer<typeof UsageRange>;

export const UsageSeriesRequest = z.object({
  range: UsageRange,
  bucket: z.enum(['hour', 'day']),
  groupBy: z.enum(['workspace', 'key', 'model']),
  metric: z.enum(USAGE_METRICS),
});
export type UsageSeriesQuery = z.infer<typeof UsageSeriesRequest>;

export const TokenBreakdownDto = z.object({
  /** Uncached input tokens. */
  input: Count,
  output: Count,
  cacheRead: Count,
  /** 5-minute and 1-hour cache writes together. */
  cacheWrite: Count,
  total: Count,
});
export type TokenBreakdown = z.infer<typeof TokenBreakdownDto>;

export const UsageGroupDto = z.object({
  /** Stable id of the group (workspace id, key id, model id; `default`, `no-key`, `no-model` for the null cases). */
  key: z.string(),
  label: z.string(),
  /** The chosen token metric per bucket (for `cost`, all tokens). */
  tokens: z.array(Count),
  /** Estimate per bucket (tokens × prices); "0" where nothing was priced. */
  estimateCents: z.array(Cents),
  /** Billed per bucket, or null when billed cost cannot be split this way (per key, per hour). */
  billedCents: z.array(Cents).nullable(),
  totals: z.object({
    tokens: TokenBreakdownDto,
    estimateCents: Cents,
    billedCents: Cents.nullable(),
    /** Billed for tokens only (the part an estimate can be compared with); null with billedCents. */
    billedTokenCents: Cents.nullable(),
    /** Billed − Estimate in whole cents as both are shown; null without billed. */
    differenceCents: Cents.nullable(),
    /** Billed parts no estimate covers (cost report cost types such as web_search, code_execution), in whole cents. */
    notEstimated: z.array(z.object({ costType: z.string(), cents: Cents })),
    /** Difference − the parts above, in whole cents: what the estimate and the bill still disagree on; null without billed. */
    unexplainedCents: Cents.nullable(),
    /** Tokens of a model or tier without a known price (not in the estimate). */
    unpricedTokens: Count,
  }),
});
export type UsageGroup = z.infer<typeof UsageGroupDto>;

export const UsageSeriesDto = z.object({
  bucket: z.enum(['hour', 'day']),
  groupBy: z.enum(['workspace', 'key', 'model']),
  metric: z.enum(USAGE_METRICS),
  currency: z.literal('USD'),
  /** The range shown: [fromMs, toMs) in UTC. */
  fromMs: z.number().int(),
  toMs: z.number().int(),
  bucketStartsMs: z.array(z.number().int()),
  /** Why nothing can be shown for this combination (e.g. hourly per key, an hourly range over 31 days), else null. */
  unavailable: z.string().nullable(),
  /** Which cost exists here: billed next to estimate, or an estimate only (with the reason). */
  billed: z.enum(['available', 'not-per-key', 'not-hourly']),
  /** The span [fromMs, toMs) the mirror holds billed cost for (with `available`), or null (never synced / not shown). */
  billedCoverage: z.object({ fromMs: z.number().int(), toMs: z.number().int() }).nullable(),
  /**
   * How the estimate was made here (shown under the chart): priced per service tier, context window and geo; or,
   * per key, each workspace × model day's tier-priced estimate shared out by the keys' list-price cost.
   */
  estimateBasis: z.enum(['priced-per-tier', 'shared-per-key']),
  groups: z.array(UsageGroupDto),
  totals: z.object({
    tokens: TokenBreakdownDto,
    estimateCents: Cents,
    billedCents: Cents.nullable(),
    billedTokenCents: Cents.nullable(),
    differenceCents: Cents.nullable(),
    notEstimated: z.array(z.object({ costType: z.string(), cents: Cents })),
    unexplainedCents: Cents.nullable(),
    unpricedTokens: Count,
    /** The models whose tokens could not be priced (for the "n tokens without a known price" note). */
    unpricedModels: z.array(z.string()),
  }),
});
export type UsageSeries = z.infer<typeof UsageSeriesDto>;

export const usageChannels = {
  'clade:usage/series': { kind: 'invoke', request: UsageSeriesRequest, response: UsageSeriesDto },
} as const satisfies Record<string, ChannelSpec>;
