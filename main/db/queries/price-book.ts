/**
 * THE way a read model prices tokens: the price table (core/pricing.ts) with this profile's overrides (profile
 * setting `pricing.overrides`), compiled once per read. Every local cost estimate (usage chart and table, the per-key
 * estimate, the tree's key badges, `report cost --group-by api_key`) asks through here, so an override applies to
 * all of them at once; a test keeps other modules from calling core/pricing's estimate directly.
 */
import type Database from 'better-sqlite3';
import { compilePriceOverrides, estimateCostPicocents, type PriceContext, type TokenCounts } from '../../core/pricing';
import { readProfileSetting } from '../settings/profile-settings';
import { tableExists } from './key-inventory';

export type PriceEstimator = (model: string | null, tokens: TokenCounts, ctx: PriceContext) => bigint | null;

/** An estimator with this mirror's overrides (none when the mirror predates the settings table). */
export function priceEstimator(db: Database.Database): PriceEstimator {
  const overrides = compilePriceOverrides(
    tableExists(db, 'profile_settings') ? readProfileSetting(db, 'pricing.overrides') : [],
  );
  return (model, tokens, ctx) => estimateCostPicocents(model, tokens, ctx, overrides);
}
