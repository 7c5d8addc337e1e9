/**
 * `clade:prices/*`: the Settings view's price overrides, over the same profile setting and the same completion as
 * `config price` (core/pricing.ts completePriceOverride), validated by the setting's schema and each change recorded
 * in the profile's audit trail (services/settings.ts). A refused price comes back as `bad-request` in plain words.
 */
import type Database from 'better-sqlite3';
import type { PriceList } from '../../../preload/contract';
import { completePriceOverride, PRICE_TABLE, withPriceOverride, type PriceOverride } from '../../core/pricing';
import { readProfileSetting } from '../../db/settings/profile-settings';
import { setProfileSettingRecorded } from '../../services/settings';
import { HandlerError } from '../handler-error';
import type { Handler } from '../handler-types';

export interface PricesDeps {
  mirror: () => Database.Database | null;
  now: () => number;
}

const FIELD_LABEL: Record<string, string> = {
  input: 'Input',
  output: 'Output',
  cacheWrite5m: '5-minute cache write',
  cacheWrite1h: '1-hour cache write',
  cacheRead: 'Cache read',
};

export function pricesHandlers(deps: PricesDeps): {
  'clade:prices/list': Handler<'clade:prices/list'>;
  'clade:prices/set': Handler<'clade:prices/set'>;
  'clade:prices/remove': Handler<'clade:prices/remove'>;
} {
  const list = (db: Database.Database | null): PriceList => ({
    overrides: db ? readProfileSetting(db, 'pricing.overrides') : [],
    builtIn: Object.keys(PRICE_TABLE),
  });
  const mirrorOrRefuse = (): Database.Database => {
    const db = deps.mirror();
    if (!db) throw new HandlerError('unavailable', 'There is no local mirror to keep prices in yet.');
    return db;
  };
  const store = (db: Database.Database, next: PriceOverride[]): PriceList => {
    const change = setProfileSettingRecorded(db, 'pricing.overrides', next, deps.now());
    if (!change.ok) throw new HandlerError('bad-request', change.message.replace(/^pricing\.overrides: /, ''));
    return list(db);
  };
  return {
    'clade:prices/list': async () => list(deps.mirror()),
    'clade:prices/set': async (request) => {
      const db = mirrorOrRefuse();
      const completed = completePriceOverride(request);
      if (!completed.ok) throw new HandlerError('bad-request', `${FIELD_LABEL[completed.field]}: ${completed.message}`);
      return store(db, withPriceOverride(readProfileSetting(db, 'pricing.overrides'), completed.override));
    },
    'clade:prices/remove': async (request) => {
      const db = mirrorOrRefuse();
      const current = readProfileSetting(db, 'pricing.overrides');
      const next = current.filter((o) => o.model !== request.model || o.effectiveFrom !== request.effectiveFrom);
      if (next.length === current.length)
        throw new HandlerError('bad-request', `No price override for ${request.model}.`);
      return store(db, next);
    },
  };
}
