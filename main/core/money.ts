/**
 * Exact money: the API gives decimal strings of cents, possibly fractional ("123.78912").
 * We hold integers of 1e-9 cents ("nanocents") as BigInt, never floats, and write them back as decimal strings.
 * An amount finer than a nanocent is reported with MoneyPrecisionError, never rounded silently.
 */
export const NANOCENTS_PER_CENT = 1_000_000_000n;
const FRACTION_DIGITS = 9;

export class MoneyPrecisionError extends Error {
  override readonly name = 'MoneyPrecisionError';
  constructor(readonly amount: string) {
    super(`amount ${JSON.stringify(amount)} has more precision than 1e-9 cents; refusing to round it`);
  }
}

export class MoneyFormatError extends Error {
  override readonly name = 'MoneyFormatError';
  constructor(readonly amount: string) {
    super(`not a decimal amount of cents: ${JSON.stringify(amount)}`);
  }
}

const DECIMAL = /^([+-]?)(\d+)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$|^([+-]?)\.(\d+)(?:[eE]([+-]?\d+))?$/;

/** Decimal string of cents (optionally with an exponent, as JS prints small numbers) → BigInt nanocents. */
export function centsToNanocents(amount: string): bigint {
  const m = DECIMAL.exec(amount.trim());
  if (!m) throw new MoneyFormatError(amount);
  const sign = (m[1] ?? m[5]) === '-' ? -1n : 1n;
  const intPart = m[2] ?? '0';
  const fracPart = m[3] ?? m[6] ?? '';
  const exponent = Number(m[4] ?? m[7] ?? '0');
  // Shift the decimal point by the exponent, then by 9 digits for nanocents.
  let digits = (intPart + fracPart).replace(/^0+(?=\d)/, '');
  let pointFromRight = fracPart.length - exponent - FRACTION_DIGITS;
  if (pointFromRight > 0) {
    const dropped = digits.slice(Math.max(0, digits.length - pointFromRight));
    if (/[1-9]/.test(dropped)) throw new MoneyPrecisionError(amount);
    digits = digits.slice(0, Math.max(0, digits.length - pointFromRight)) || '0';
    pointFromRight = 0;
  }
  return sign * BigInt(digits + '0'.repeat(-pointFromRight));
}

/** A number of cents (Claude Code's `estimated_cost.amount` is a JSON number) → nanocents, exactly as printed. */
export function centsNumberToNanocents(amount: number): bigint {
  if (!Number.isFinite(amount)) throw new MoneyFormatError(String(amount));
  return centsToNanocents(String(amount));
}

/** BigInt nanocents → decimal string of cents without trailing zeros ("123.45", "0", "-0.000000001"). */
export function nanocentsToCents(nanocents: bigint): string {
  const negative = nanocents < 0n;
  const abs = negative ? -nanocents : nanocents;
  const whole = abs / NANOCENTS_PER_CENT;
  const frac = (abs % NANOCENTS_PER_CENT).toString().padStart(FRACTION_DIGITS, '0').replace(/0+$/, '');
  return `${negative ? '-' : ''}${whole}${frac ? `.${frac}` : ''}`;
}

/**
 * An exact amount (in units of which `unitsPerCent` make a cent: 1e9 for nanocents, 1e12 for picocents) rounded to
 * whole cents, half away from zero: the rule every surface writes dollars with ("$12,145.12").
 */
export function roundToWholeCents(amount: bigint, unitsPerCent: bigint): bigint {
  const half = unitsPerCent / 2n;
  return amount < 0n ? -((-amount + half) / unitsPerCent) : (amount + half) / unitsPerCent;
}

const PLAIN_DECIMAL = /^\d+(?:\.\d+)?$/;

/** True for a non-negative plain decimal ("1500", "1500.50", "0.5"); no sign, exponent or separators. */
export function isDecimalString(value: string): boolean {
  return PLAIN_DECIMAL.test(value);
}

/**
 * "1500.50" (USD, as the admin types a budget) → nanocents; null when not a non-negative plain decimal or finer
 * than a nanocent. The settings' validation is its only boundary: a stored budget always parses.
 */
export function usdToNanocents(usd: string): bigint | null {
  const text = usd.trim();
  if (!isDecimalString(text)) return null;
  try {
    return centsToNanocents(`${text}e2`); // dollars × 10² = cents, shifted exactly by the parser
  } catch {
    return null;
  }
}

/** Nanocents → "$1,234.57" (to the cent, half away from zero): how every surface writes an amount of dollars. */
export function formatUsd(nanocents: bigint): string {
  const cents = roundToWholeCents(nanocents, NANOCENTS_PER_CENT);
  const abs = cents < 0n ? -cents : cents;
  const dollars = (abs / 100n).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${cents < 0n ? '-' : ''}$${dollars}.${(abs % 100n).toString().padStart(2, '0')}`;
}

/** "123456.789" cents → "1234.56789" dollars, exactly (CSV cells); throws on anything but a decimal of cents. */
export function centsToDollars(cents: string): string {
  const match = /^(-?)(\d+)(?:\.(\d+))?$/.exec(cents);
  if (!match) throw new MoneyFormatError(cents);
  const [, sign, whole, fraction = ''] = match;
  const padded = whole!.padStart(3, '0');
  const dollars = padded.slice(0, -2).replace(/^0+(?=\d)/, '');
  const rest = `${padded.slice(-2)}${fraction}`.replace(/0+$/, '');
  return `${sign}${dollars}${rest ? `.${rest}` : ''}`;
}

const PICOCENTS_PER_CENT = 1_000_000_000_000n;

/** BigInt picocents (the estimate's unit) → decimal string of cents without trailing zeros ("123.45", "0"). */
export function picocentsToCents(picocents: bigint): string {
  const negative = picocents < 0n;
  const abs = negative ? -picocents : picocents;
  const whole = abs / PICOCENTS_PER_CENT;
  const fraction = (abs % PICOCENTS_PER_CENT).toString().padStart(12, '0').replace(/0+$/, '');
  return `${negative ? '-' : ''}${whole}${fraction ? `.${fraction}` : ''}`;
}

/** Nanocents (the mirror's money unit) → picocents, to compare billed with an estimate exactly. */
export function nanocentsToPicocents(nanocents: bigint): bigint {
  return nanocents * 1_000n;
}
