/**
 * Model prices for LOCAL cost estimates (tokens × prices), pure and exact.
 *
 * Source: /work/shared/admin-api.md §6 "Model pricing (USD per million tokens) for local cost estimates", which
 * quotes platform.claude.com/docs/en/about-claude/pricing. Multipliers from the same section: Batch = 50 %,
 * `inference_geo: "us"` = 1.1× on Opus 4.6 and newer, >200k-input (context window "200k-1M") on Sonnet 4.5 = 2× input
 * and 1.5× output. An estimate ignores Priority Tier, discounts and credits (§6, last line): prefer billed amounts.
 *
 * Money never becomes a float here. A rate is an integer of 1e-4 USD per million tokens, so one token at rate R
 * costs R × 1e4 picocents (1 picocent = 1e-12 cent); the multipliers divide by at most 40 (2 × 10 × 2), and
 * 1e4 / 40 is whole, so every estimate is an exact integer of picocents.
 * A model, tier or token type without a known price gives `null` — never a guessed number.
 */

export interface TokenCounts {
  uncachedInput: number;
  cacheWrite5m: number;
  cacheWrite1h: number;
  cacheRead: number;
  output: number;
}

export interface PriceContext {
  /** When the tokens were used (prices have effective-from dates). */
  atMs: number;
  /** null when the report row does not say (the per-key daily report): list prices are used. */
  serviceTier: string | null;
  contextWindow: string | null;
  inferenceGeo: string | null;
}

/** Integer rates in 1e-4 USD per million tokens. */
export interface Rates {
  input: bigint;
  write5m: bigint;
  write1h: bigint;
  read: bigint;
  output: bigint;
}

export interface PricePeriod {
  effectiveFromMs: number;
  rates: Rates;
}

export const PICOCENTS_PER_CENT = 1_000_000_000_000n;
const PICOCENTS_PER_TOKEN_PER_RATE_UNIT = 10_000n;

/** "12.50" USD → 125000n (1e-4 USD). Parsed from text so no float ever rounds a price. */
export function usdRate(text: string): bigint {
  const match = /^(\d+)(?:\.(\d{1,4}))?$/.exec(text);
  if (!match) throw new Error(`not a price with at most 4 decimals: ${JSON.stringify(text)}`);
  return BigInt(match[1]!) * 10_000n + BigInt((match[2] ?? '').padEnd(4, '0'));
}

function rates(input: string, write5m: string, write1h: string, read: string, output: string): Rates {
  return {
    input: usdRate(input),
    write5m: usdRate(write5m),
    write1h: usdRate(write1h),
    read: usdRate(read),
    output: usdRate(output),
  };
}

const always = (r: Rates): PricePeriod[] => [{ effectiveFromMs: 0, rates: r }];

const FABLE_5_1 = rates('10', '12.50', '20', '0.25', '50');
const FABLE_5 = rates('10', '12.50', '20', '1.00', '50');
const OPUS_5_5 = rates('4', '5', '8', '0.20', '20');
const OPUS_5 = rates('5', '6.25', '10', '0.50', '25');
const SONNET_5 = rates('2', '2.50', '4', '0.20', '10');
const SONNET_4_6 = rates('3', '3.75', '6', '0.30', '15');
const HAIKU_4_5 = rates('1', '1.25', '2', '0.10', '5');
/** Sonnet 5.5's cache read was cut from 0.20 to 0.10 on 2026-10-07 (§6). Newest period first. */
const SONNET_5_5: PricePeriod[] = [
  { effectiveFromMs: Date.UTC(2026, 9, 7), rates: rates('2', '2.50', '4', '0.10', '10') },
  { effectiveFromMs: 0, rates: rates('2', '2.50', '4', '0.20', '10') },
];

/**
 * Per SDK model id, newest period first. Deliberately absent (no estimate, counted as unpriced):
 * claude-fable-5-2, claude-mythos-5-2, claude-mythos-preview (no published price, §6), and claude-haiku-5-5,
 * whose price depends on the prompt size (≤100k / >100k) that the usage reports do not carry.
 */
export const PRICE_TABLE: Readonly<Record<string, readonly PricePeriod[]>> = {
  'claude-fable-5-1': always(FABLE_5_1),
  'claude-mythos-5-1': always(FABLE_5_1),
  'claude-fable-5': always(FABLE_5),
  'claude-mythos-5': always(FABLE_5),
  'claude-opus-5-5': always(OPUS_5_5),
  'claude-opus-5': always(OPUS_5),
  'claude-opus-4-8': always(OPUS_5),
  'claude-opus-4-7': always(OPUS_5),
  'claude-opus-4-6': always(OPUS_5),
  'claude-opus-4-5': always(OPUS_5),
  'claude-opus-4-5-20251101': always(OPUS_5),
  'claude-sonnet-5-5': SONNET_5_5,
  'claude-sonnet-5': always(SONNET_5),
  'claude-sonnet-4-6': always(SONNET_4_6),
  'claude-sonnet-4-5': always(SONNET_4_6),
  'claude-sonnet-4-5-20250929': always(SONNET_4_6),
  'claude-haiku-4-5': always(HAIKU_4_5),
  'claude-haiku-4-5-20251001': always(HAIKU_4_5),
};

/** Opus 4.6 and newer: 1.1× in the US-only inference geo (§6). */
const US_GEO_PREMIUM = new Set([
  'claude-opus-4-6',
  'claude-opus-4-7',
  'claude-opus-4-8',
  'claude-opus-5',
  'claude-opus-5-5',
]);
/** Sonnet 4.5: requests over 200k input tokens cost 2× input, 1.5× output (§6, service-tiers note). */
const LONG_CONTEXT_PREMIUM = new Set(['claude-sonnet-4-5', 'claude-sonnet-4-5-20250929']);
/** Tiers with a price in §6. Priority Tier is billed outside the cost report; flex tiers have no published rate. */
const PRICED_TIERS = new Set(['standard', 'batch']);

/**
 * The admin's own prices for this profile (profile setting `pricing.overrides`), compiled once per read: per model,
 * newest period first. An override adds a model the table lacks, or replaces the table's price from its date on.
 */
export type PriceOverrides = ReadonlyMap<string, readonly PricePeriod[]>;
export const NO_PRICE_OVERRIDES: PriceOverrides = new Map();

/** One override as stored: USD per million tokens as decimal text (at most 4 decimals), from a UTC day or always. */
export interface PriceOverride {
  model: string;
  /** YYYY-MM-DD (UTC) from which it applies; null: always. */
  effectiveFrom: string | null;
  input: string;
  cacheWrite5m: string;
  cacheWrite1h: string;
  cacheRead: string;
  output: string;
}

export function compilePriceOverrides(overrides: readonly PriceOverride[]): PriceOverrides {
  const byModel = new Map<string, PricePeriod[]>();
  for (const o of overrides) {
    const effectiveFromMs = o.effectiveFrom === null ? 0 : Date.parse(`${o.effectiveFrom}T00:00:00Z`);
    const period = { effectiveFromMs, rates: rates(o.input, o.cacheWrite5m, o.cacheWrite1h, o.cacheRead, o.output) };
    byModel.set(o.model, [...(byModel.get(o.model) ?? []), period]);
  }
  for (const periods of byModel.values()) periods.sort((a, b) => b.effectiveFromMs - a.effectiveFromMs);
  return byModel;
}

/**
 * The rates in force at `atMs`, or null for a model without a known price: the newest period (the admin's override
 * or the table's) that started by then; an override wins over a table period starting the same instant.
 */
export function ratesFor(
  model: string | null,
  atMs: number,
  overrides: PriceOverrides = NO_PRICE_OVERRIDES,
): Rates | null {
  if (model === null) return null;
  const own = overrides.get(model)?.find((p) => p.effectiveFromMs <= atMs) ?? null;
  const table = PRICE_TABLE[model]?.find((p) => p.effectiveFromMs <= atMs) ?? null;
  if (own === null) return table?.rates ?? null;
  return table === null || own.effectiveFromMs >= table.effectiveFromMs ? own.rates : table.rates;
}

/** Whether `estimateCost` can price these tokens at all (model and tier known). */
export function isPriced(
  model: string | null,
  ctx: PriceContext,
  overrides: PriceOverrides = NO_PRICE_OVERRIDES,
): boolean {
  return (
    ratesFor(model, ctx.atMs, overrides) !== null && (ctx.serviceTier === null || PRICED_TIERS.has(ctx.serviceTier))
  );
}

/** Exact estimate in picocents (1e-12 cent), or null when the model or the service tier has no known price. */
export function estimateCostPicocents(
  model: string | null,
  tokens: TokenCounts,
  ctx: PriceContext,
  overrides: PriceOverrides = NO_PRICE_OVERRIDES,
): bigint | null {
  const r = ratesFor(model, ctx.atMs, overrides);
  if (r === null || model === null) return null;
  if (ctx.serviceTier !== null && !PRICED_TIERS.has(ctx.serviceTier)) return null;
  let inputSide =
    r.input * BigInt(tokens.uncachedInput) +
    r.write5m * BigInt(tokens.cacheWrite5m) +
    r.write1h * BigInt(tokens.cacheWrite1h) +
    r.read * BigInt(tokens.cacheRead);
  let outputSide = r.output * BigInt(tokens.output);
  let numerator = 1n;
  let denominator = 1n;
  if (ctx.serviceTier === 'batch') denominator *= 2n;
  if (ctx.inferenceGeo === 'us' && US_GEO_PREMIUM.has(model)) {
    numerator *= 11n;
    denominator *= 10n;
  }
  if (ctx.contextWindow === '200k-1M' && LONG_CONTEXT_PREMIUM.has(model)) {
    // 2× input and 1.5× output, over one shared /2: input ×4/2, output ×3/2.
    inputSide *= 4n;
    outputSide *= 3n;
    denominator *= 2n;
  }
  const units = (inputSide + outputSide) * numerator * PICOCENTS_PER_TOKEN_PER_RATE_UNIT;
  // denominator divides 40 and the factor 1e4 is a multiple of 40, so this division is exact.
  return units / denominator;
}

// Amounts are converted by core/money only; re-exported for the estimate's readers.
export { nanocentsToPicocents, picocentsToCents } from './money';

/** 125000n (1e-4 USD) → "12.5": the decimal text `usdRate` reads back to the same rate. */
export function formatUsdRate(rate: bigint): string {
  const whole = rate / 10_000n;
  const fraction = (rate % 10_000n).toString().padStart(4, '0').replace(/0+$/, '');
  return fraction === '' ? whole.toString() : `${whole}.${fraction}`;
}

/**
 * The cache prices Anthropic derives from a model's input price (admin-api.md §6: 5-minute write 1.25×, 1-hour
 * write 2×, read 0.1×), as exact decimal text; null when one is not a whole number of 1e-4 USD (then the admin
 * gives them).
 */
export function derivedCacheRates(
  input: string,
): { cacheWrite5m: string; cacheWrite1h: string; cacheRead: string } | null {
  const r = usdRate(input);
  if ((r * 5n) % 4n !== 0n || r % 10n !== 0n) return null;
  return {
    cacheWrite5m: formatUsdRate((r * 5n) / 4n),
    cacheWrite1h: formatUsdRate(r * 2n),
    cacheRead: formatUsdRate(r / 10n),
  };
}

/** An override as the admin types it: the cache prices may be left out (then derived by `derivedCacheRates`). */
export type PriceOverrideInput = Omit<PriceOverride, 'cacheWrite5m' | 'cacheWrite1h' | 'cacheRead'> &
  Partial<Pick<PriceOverride, 'cacheWrite5m' | 'cacheWrite1h' | 'cacheRead'>>;

const PRICE_TEXT = /^\d{1,6}(?:\.\d{1,4})?$/;
const PRICE_FIELDS = ['input', 'output', 'cacheWrite5m', 'cacheWrite1h', 'cacheRead'] as const;
export type PriceField = (typeof PRICE_FIELDS)[number];

/**
 * The whole override, or which field is wrong: a price that is not decimal text with at most 4 decimals, or a cache
 * price left out that does not follow exactly from the input price. The CLI and the window both complete through here.
 */
export function completePriceOverride(
  input: PriceOverrideInput,
): { ok: true; override: PriceOverride } | { ok: false; field: PriceField; message: string } {
  for (const field of PRICE_FIELDS) {
    const value = input[field];
    if (value !== undefined && !PRICE_TEXT.test(value))
      return {
        ok: false,
        field,
        message: `"${value}" is not a price in USD per million tokens with at most 4 decimals (e.g. 3 or 0.30)`,
      };
  }
  const derived = derivedCacheRates(input.input);
  const cache = (field: 'cacheWrite5m' | 'cacheWrite1h' | 'cacheRead'): string | null =>
    input[field] ?? derived?.[field] ?? null;
  for (const field of ['cacheWrite5m', 'cacheWrite1h', 'cacheRead'] as const)
    if (cache(field) === null)
      return {
        ok: false,
        field,
        message: `give it, since it does not follow exactly from the input price ${input.input}`,
      };
  return {
    ok: true,
    override: {
      model: input.model,
      effectiveFrom: input.effectiveFrom,
      input: input.input,
      cacheWrite5m: cache('cacheWrite5m')!,
      cacheWrite1h: cache('cacheWrite1h')!,
      cacheRead: cache('cacheRead')!,
      output: input.output,
    },
  };
}

/** The overrides with `next` in place of any for the same model and date. */
export function withPriceOverride(list: readonly PriceOverride[], next: PriceOverride): PriceOverride[] {
  return [...list.filter((o) => o.model !== next.model || o.effectiveFrom !== next.effectiveFrom), next];
}
