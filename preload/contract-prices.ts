/**
 * The admin's model prices for this profile (profile setting `pricing.overrides`, issue #23), for the Settings
 * view: list, add or replace, remove. Every local cost estimate reads them (main/db/queries/price-book.ts); the
 * CLI's `config price` edits the same setting. Prices are USD per million tokens as decimal text (never floats).
 * Spread into the one channel table in contract.ts; same rules (zod both ways, no Electron or Node imports).
 */
import { z } from 'zod';
import type { ChannelSpec } from './channel-spec';

const Price = z.string().max(20);
const Day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date as YYYY-MM-DD');

export const PriceOverrideDto = z.object({
  model: z.string().min(1).max(200),
  /** First UTC day it applies; null: always. */
  effectiveFrom: Day.nullable(),
  input: Price,
  cacheWrite5m: Price,
  cacheWrite1h: Price,
  cacheRead: Price,
  output: Price,
});
export type PriceOverrideView = z.infer<typeof PriceOverrideDto>;

export const PriceListDto = z.object({
  overrides: z.array(PriceOverrideDto),
  /** The model ids the built-in table prices (for the window's hint; an override may add any other). */
  builtIn: z.array(z.string()),
});
export type PriceList = z.infer<typeof PriceListDto>;

/** Cache prices left out are derived from the input price (1.25×, 2×, 0.1×) when exact. */
export const SetPriceRequest = PriceOverrideDto.partial({ cacheWrite5m: true, cacheWrite1h: true, cacheRead: true });
export const RemovePriceRequest = z.object({ model: z.string().min(1).max(200), effectiveFrom: Day.nullable() });

export const pricesChannels = {
  'clade:prices/list': { kind: 'invoke', request: z.undefined(), response: PriceListDto },
  'clade:prices/set': { kind: 'invoke', request: SetPriceRequest, response: PriceListDto },
  'clade:prices/remove': { kind: 'invoke', request: RemovePriceRequest, response: PriceListDto },
} as const satisfies Record<string, ChannelSpec>;
