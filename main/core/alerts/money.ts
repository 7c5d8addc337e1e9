/**
 * Exact money for alerts: everything is BigInt nanocents (1 cent = 1e9 nanocents; 1 USD = 1e11).
 * Budgets are USD decimal strings ("1500.50"); API spend limits and cost amounts are decimal strings of cents.
 * Parsing goes through the project's core/money (which refuses precision finer than a nanocent instead of
 * rounding); this file adds the USD side, formatting and BigInt percentages. No float touches an amount.
 */
import { centsToNanocents as parseCents, NANOCENTS_PER_CENT } from '../money';

export { NANOCENTS_PER_CENT };
export const NANOCENTS_PER_USD = 100n * NANOCENTS_PER_CENT;

const PLAIN_DECIMAL = /^\d+(?:\.\d+)?$/;

/** True for a non-negative plain decimal ("1500", "1500.50", "0.5"); no sign, exponent or separators. */
export function isDecimalString(value: string): boolean {
  return PLAIN_DECIMAL.test(value);
}

/** "50000" or "123.78912" (cents, as the API writes them) → nanocents; null when not a non-negative plain
 * decimal or finer than a nanocent. */
export function centsToNanocents(cents: string): bigint | null {
  if (!isDecimalString(cents.trim())) return null;
  try {
    return parseCents(cents);
  } catch {
    return null;
  }
}

/** "1500.50" (USD) → nanocents; null when not a non-negative plain decimal or finer than a nanocent. */
export function usdToNanocents(usd: string): bigint | null {
  const text = usd.trim();
  if (!isDecimalString(text)) return null;
  try {
    return parseCents(`${text}e2`); // dollars × 10² = cents, shifted exactly by the parser
  } catch {
    return null;
  }
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
