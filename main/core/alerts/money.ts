/**
 * BigInt percentages and factors for the alert rules. Amounts themselves are converted and written by core/money
 * only (re-exported here for the rules' convenience). No float touches an amount.
 */
import { NANOCENTS_PER_CENT } from '../money';

export { NANOCENTS_PER_CENT };
export { formatUsd, isDecimalString, usdToNanocents } from '../money';
export const NANOCENTS_PER_USD = 100n * NANOCENTS_PER_CENT;

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
