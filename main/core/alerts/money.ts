/**
 * Exact money for alerts: everything is BigInt nanocents (1 cent = 1e9 nanocents; 1 USD = 1e11).
 * Budgets are USD decimal strings ("1500.50"); API spend limits and cost amounts are decimal strings of cents.
 * No floats touch an amount; a percentage is computed in BigInt and only turned into a number at the end.
 */
export const NANOCENTS_PER_CENT = 1_000_000_000n;
export const NANOCENTS_PER_USD = 100n * NANOCENTS_PER_CENT;

const DECIMAL = /^(\d+)(?:\.(\d+))?$/;

/** True for a non-negative plain decimal ("1500", "1500.50", "0.5"); no sign, exponent or separators. */
export function isDecimalString(value: string): boolean {
  return DECIMAL.test(value);
}

/** Scales a non-negative decimal string by 10^exponent, truncating digits beyond it; null when not a decimal. */
function scaleDecimal(value: string, exponent: number): bigint | null {
  const match = DECIMAL.exec(value.trim());
  if (!match) return null;
  const whole = match[1] ?? '0';
  const fraction = (match[2] ?? '').slice(0, exponent).padEnd(exponent, '0');
  return BigInt(whole) * 10n ** BigInt(exponent) + BigInt(fraction === '' ? '0' : fraction);
}

/** "1500.50" (USD) → nanocents; null when the text is not a non-negative decimal. */
export function usdToNanocents(usd: string): bigint | null {
  return scaleDecimal(usd, 11);
}

/** "50000" or "123.78912" (cents, as the API writes them) → nanocents; null when not a decimal. */
export function centsToNanocents(cents: string): bigint | null {
  return scaleDecimal(cents, 9);
}

/** Nanocents → "$1,234.57" (rounded half up to the cent), for notification text. */
export function formatUsd(nanocents: bigint): string {
  const negative = nanocents < 0n;
  const abs = negative ? -nanocents : nanocents;
  const cents = (abs + NANOCENTS_PER_CENT / 2n) / NANOCENTS_PER_CENT;
  const dollars = (cents / 100n).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const rest = (cents % 100n).toString().padStart(2, '0');
  return `${negative ? '-' : ''}$${dollars}.${rest}`;
}

/** Whole percent of `part` in `whole`, rounded down (so "exactly 80 %" is 80 and 79.99 % is 79). */
export function percentFloor(part: bigint, whole: bigint): number {
  if (whole <= 0n) return 0;
  return Number((part * 100n) / whole);
}

/** `part` has reached `percent` % of `whole` (exactly at the boundary counts). */
export function reachesPercent(part: bigint, whole: bigint, percent: number): boolean {
  return part * 100n >= whole * BigInt(percent);
}

/** `value × factor` for a factor like 3 or 2.5, exact to 1/1000 of the factor. */
export function multiplyByFactor(value: bigint, factor: number): bigint {
  return (value * BigInt(Math.round(factor * 1000))) / 1000n;
}

export function sumNanocents(values: Iterable<bigint>): bigint {
  let total = 0n;
  for (const value of values) total += value;
  return total;
}
