/** `clade:org/*`, `clade:mirror/*`, `clade:spend/summary`, `clade:overview/*`, `clade:keys/*`: reads of the local mirror; never the network. */
import type Database from 'better-sqlite3';
import type { MirrorStatus, ResponseOf } from '../../../preload/contract';
import { readMirrorStatus } from '../../db/repos/status-repo';
import type { Handler } from '../handler-types';
import { readKeyInventory } from '../../db/queries/key-inventory';
import { readKeyEstimate30d } from '../../db/queries/key-cost-estimate';
import { readSpendSummary } from '../../db/queries/spend-summary';
import { readOverview } from '../../db/queries/overview';
import { readOrgTreeWithBadges } from '../../db/queries/overview-tree-badges';

export interface MirrorDeps {
  /** The open mirror, or null while it is being prepared (first demo sync) or absent. */
  mirror: () => Database.Database | null;
  now: () => number;
}

const NO_STATUS: MirrorStatus = { org: null, syncedAtMs: null, counts: {}, resources: [], credential: null };

export function mirrorHandlers(deps: MirrorDeps): {
  'clade:org/tree': Handler<'clade:org/tree'>;
  'clade:mirror/status': Handler<'clade:mirror/status'>;
  'clade:spend/summary': Handler<'clade:spend/summary'>;
  'clade:overview/summary': Handler<'clade:overview/summary'>;
  'clade:keys/inventory': Handler<'clade:keys/inventory'>;
  'clade:keys/estimate': Handler<'clade:keys/estimate'>;
} {
  return {
    'clade:org/tree': async () => {
      const db = deps.mirror();
      return db ? readOrgTreeWithBadges(db, deps.now()) : null;
    },
    'clade:mirror/status': async () => {
      const db = deps.mirror();
      return db ? readMirrorStatus(db) : NO_STATUS;
    },
    'clade:spend/summary': async () => {
      const db = deps.mirror();
      return db
        ? readSpendSummary(db, deps.now())
        : {
            currency: 'USD',
            monthStartMs: 0,
            lastCostDayMs: null,
            monthToDateCents: '0',
            forecastCents: null,
            byWorkspace: [],
          };
    },
    'clade:overview/summary': async () => {
      const db = deps.mirror();
      return db ? readOverview(db, deps.now()) : emptyOverview(deps.now());
    },
    'clade:keys/inventory': async () => {
      const db = deps.mirror();
      return db ? readKeyInventory(db, deps.now()) : [];
    },
    'clade:keys/estimate': async ({ keyId }) => {
      const db = deps.mirror();
      if (db) return readKeyEstimate30d(db, keyId, deps.now());
      const today = new Date(deps.now()).toISOString().slice(0, 10);
      return { keyId, fromDay: today, toDay: today, estimateCents: '0', tokens: 0, unpricedTokens: 0 };
    },
  };
}

/** Before the mirror opens (first demo sync): nothing synced yet, which the overview shows as its offline state. */
function emptyOverview(nowMs: number): ResponseOf<'clade:overview/summary'> {
  const now = new Date(nowMs);
  return {
    org: null,
    currency: 'USD',
    month: now.toISOString().slice(0, 7),
    monthStartMs: Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1),
    lastCostDayMs: null,
    monthToDateCents: '0',
    forecastCents: null,
    forecastCaps: [],
    targets: [],
    byWorkspace: [],
    alerts: { open: 0, critical: 0, warning: 0, top: [] },
    sync: { syncedAtMs: null, problems: ['no-data'], spend: [], lastRun: null },
  };
}
