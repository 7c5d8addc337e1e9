/** Handlers for the channels of preload/contract-usage.ts: usage and cost series from the local mirror, never the network. */
import type Database from 'better-sqlite3';
import type { UsageSeries } from '../../../preload/contract-usage';
import type { Handler } from '../handler-types';
import { HandlerError } from '../handler-error';
import { readUsageSeries } from '../../db/queries/usage-series';
import { UsageRangeError } from '../../db/queries/usage-range';

export interface UsageDeps {
  /** The open mirror, or null while it is being prepared (first demo sync) or absent. */
  mirror: () => Database.Database | null;
  now: () => number;
}

export function usageHandlers(deps: UsageDeps): { 'clade:usage/series': Handler<'clade:usage/series'> } {
  return {
    'clade:usage/series': async (query) => {
      const db = deps.mirror();
      if (!db)
        throw new HandlerError(
          'unavailable',
          'The local copy of the org is still being prepared. Try again in a moment.',
        );
      try {
        return readUsageSeries(db, query, deps.now()) satisfies UsageSeries;
      } catch (error) {
        // A custom range the window let through (it validates too): say what is wrong with it.
        if (error instanceof UsageRangeError) throw new HandlerError('bad-request', error.message);
        throw error;
      }
    },
  };
}
