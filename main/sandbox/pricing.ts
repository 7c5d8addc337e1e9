// Model prices (admin-api.md §6), USD per million tokens, with effective-from dates. The cost report is derived
// from the usage report through this table, so that cost == usage × prices exactly.
// Prices are held as integers in 1e-4 USD per MTok; one token then costs P / 1e8 cents = P × 10 nanocents.

export type TokenType =
  | 'uncached_input_tokens'
  | 'output_tokens'
  | 'cache_read_input_tokens'
  | 'cache_creation.ephemeral_1h_input_tokens'
  | 'cache_creation.ephemeral_5m_input_tokens';

export const TOKEN_TYPES: readonly TokenType[] = [
  'uncached_input_tokens',
  'output_tokens',
  'cache_read_input_tokens',
  'cache_creation.ephemeral_1h_input_tokens',
  'cache_creation.ephemeral_5m_input_tokens',
];

interface PriceRow {
  /** USD per MTok × 1e4: input, 5m write, 1h write, cache read, output */
  input: number;
  write5m: number;
  write1h: number;
  read: number;
  output: number;
  effectiveFromMs: number;
}

const usd = (x: number): number => Math.round(x * 10_000);
const row = (input: number, w5: number, w1: number, read: number, output: number, from = 0): PriceRow => ({
  input: usd(input),
  write5m: usd(w5),
  write1h: usd(w1),
  read: usd(read),
  output: usd(output),
  effectiveFromMs: from,
});

/** Newest row first per model. */
export const PRICES: Record<string, PriceRow[]> = {
  'claude-opus-5-5': [row(4, 5, 8, 0.2, 20)],
  'claude-opus-5': [row(5, 6.25, 10, 0.5, 25)],
  'claude-opus-4-6': [row(5, 6.25, 10, 0.5, 25)],
  'claude-sonnet-5-5': [row(2, 2.5, 4, 0.1, 10, Date.UTC(2026, 9, 7)), row(2, 2.5, 4, 0.2, 10)],
  'claude-sonnet-5': [row(2, 2.5, 4, 0.2, 10)],
  'claude-sonnet-4-6': [row(3, 3.75, 6, 0.3, 15)],
  'claude-sonnet-4-5-20250929': [row(3, 3.75, 6, 0.3, 15)],
  'claude-haiku-4-5-20251001': [row(1, 1.25, 2, 0.1, 5)],
};

/** Models on which inference_geo "us" costs 1.1× (Opus 4.6 and newer). */
const US_GEO_PREMIUM = new Set(['claude-opus-4-6', 'claude-opus-5', 'claude-opus-5-5']);
/** Models where >200k-input requests cost 2× input, 1.5× output. */
const LONG_CONTEXT_PREMIUM = new Set(['claude-sonnet-4-5-20250929']);

export function hasUsGeoPremium(model: string): boolean {
  return US_GEO_PREMIUM.has(model);
}
export function hasLongContextPremium(model: string): boolean {
  return LONG_CONTEXT_PREMIUM.has(model);
}

export function priceRow(model: string, atMs: number): PriceRow {
  const rows = PRICES[model];
  if (!rows) throw new Error(`no price for ${model}`);
  return rows.find((r) => r.effectiveFromMs <= atMs) ?? (rows[rows.length - 1] as PriceRow);
}

function basePrice(r: PriceRow, tokenType: TokenType): number {
  switch (tokenType) {
    case 'uncached_input_tokens':
      return r.input;
    case 'output_tokens':
      return r.output;
    case 'cache_read_input_tokens':
      return r.read;
    case 'cache_creation.ephemeral_1h_input_tokens':
      return r.write1h;
    case 'cache_creation.ephemeral_5m_input_tokens':
      return r.write5m;
  }
}

export interface PriceContext {
  model: string;
  atMs: number;
  serviceTier: string;
  contextWindow: string;
  inferenceGeo: string;
}

/** Cost of `tokens` tokens in nanocents (1e-9 cent), exact. Batch 50 %, US geo 1.1×, long context 2×/1.5×. */
export function tokenCostNanocents(tokens: bigint, tokenType: TokenType, ctx: PriceContext): bigint {
  let num = BigInt(basePrice(priceRow(ctx.model, ctx.atMs), tokenType)) * 10n * tokens;
  let den = 1n;
  if (ctx.serviceTier === 'batch') den *= 2n;
  if (ctx.inferenceGeo === 'us' && hasUsGeoPremium(ctx.model)) {
    num *= 11n;
    den *= 10n;
  }
  if (ctx.contextWindow === '200k-1M' && hasLongContextPremium(ctx.model)) {
    if (tokenType === 'output_tokens') {
      num *= 3n;
      den *= 2n;
    } else num *= 2n;
  }
  if (num % den !== 0n) throw new Error(`cost of ${tokens} ${tokenType} on ${ctx.model} is not a whole nanocent`);
  return num / den;
}

/** Web search: $10 per 1,000 searches = 1 cent per search. */
export const WEB_SEARCH_NANOCENTS = 1_000_000_000n;

/** nanocents → decimal string of cents, e.g. 123789120000n → "123.78912". */
export function formatCents(nanocents: bigint): string {
  const negative = nanocents < 0n;
  const abs = negative ? -nanocents : nanocents;
  const whole = abs / 1_000_000_000n;
  const frac = (abs % 1_000_000_000n).toString().padStart(9, '0').replace(/0+$/, '');
  return `${negative ? '-' : ''}${whole}${frac ? `.${frac}` : ''}`;
}

/** "claude-sonnet-4-5-20250929" → "Claude Sonnet 4.5" */
export function modelDisplayName(model: string): string {
  const m = /^claude-([a-z]+)-(\d+)(?:-(\d))?(?:-\d{8})?$/.exec(model);
  if (!m) return model;
  const family = m[1]!.charAt(0).toUpperCase() + m[1]!.slice(1);
  return `Claude ${family} ${m[2]}${m[3] ? `.${m[3]}` : ''}`;
}
