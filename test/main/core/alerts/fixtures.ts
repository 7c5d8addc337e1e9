/**
 * Hand-written alert inputs in the documented shapes (admin-api.md §3.2–3.8, §4.2): ids like `wrkspc_…`,
 * `apikey_…`, `user_…`, `invite_…`; cost as cents strings converted by hand to nanocents (1 cent = 1e9).
 */
import type {
  AlertApiKey,
  AlertInputs,
  AlertInvite,
  AlertUser,
  AlertWorkspace,
} from '../../../../main/core/alerts/types';

/** Epoch ms of an ISO instant, for readable fixtures. */
export const at = (iso: string): number => {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) throw new Error(`bad fixture time ${iso}`);
  return ms;
};

/** Whole US dollars → nanocents (1 USD = 100 cents = 1e11 nanocents). */
export const usd = (dollars: number): bigint => BigInt(Math.round(dollars * 100)) * 1_000_000_000n;

export const PROD: AlertWorkspace = {
  id: 'wrkspc_01Prod',
  name: 'Production',
  tags: { env: 'production' },
  archivedAtMs: null,
};
export const STAGING: AlertWorkspace = { id: 'wrkspc_01Stage', name: 'Staging', tags: {}, archivedAtMs: null };
export const RESEARCH: AlertWorkspace = {
  id: 'wrkspc_01Research',
  name: 'Product Research',
  tags: { team: 'research' },
  archivedAtMs: null,
};
export const DEFAULT_WS: AlertWorkspace = { id: null, name: 'Default', tags: {}, archivedAtMs: null };

export const ADA: AlertUser = {
  id: 'user_01Ada',
  name: 'Ada Admin',
  email: 'ada@example.com',
  role: 'admin',
  addedAtMs: at('2025-01-10T09:00:00Z'),
};
export const DEV: AlertUser = {
  id: 'user_01Dev',
  name: 'Dev Eloper',
  email: 'dev@example.com',
  role: 'developer',
  addedAtMs: at('2025-03-01T09:00:00Z'),
};

export function key(overrides: Partial<AlertApiKey> & Pick<AlertApiKey, 'id' | 'name'>): AlertApiKey {
  return {
    status: 'active',
    workspaceId: PROD.id,
    createdAtMs: at('2026-10-01T12:00:00Z'),
    expiresAtMs: null,
    createdByUserId: ADA.id,
    lastUsedDay: '2026-11-22',
    ...overrides,
  };
}

export function invite(overrides: Partial<AlertInvite> & Pick<AlertInvite, 'id'>): AlertInvite {
  return {
    email: 'new@example.com',
    role: 'developer',
    status: 'pending',
    invitedAtMs: at('2026-11-20T09:00:00Z'),
    expiresAtMs: at('2026-12-11T09:00:00Z'),
    ...overrides,
  };
}

/** A healthy, quiet org: synced 5 minutes before 2026-11-23T10:00Z, no cost, no keys. */
export function inputs(overrides: Partial<AlertInputs> = {}): AlertInputs {
  return {
    org: { id: 'org_01Acme', name: 'Acme' },
    workspaces: [DEFAULT_WS, PROD, STAGING, RESEARCH],
    keys: [],
    users: [ADA, DEV],
    invites: [],
    dailyCost: [],
    spendLimits: [],
    journal: [],
    sync: { lastSuccessAtMs: at('2026-11-23T09:55:00Z'), credentialInvalid: false },
    ...overrides,
  };
}

/** One cost row per UTC day from `from` to `to` inclusive, `perDay(day)` dollars each. */
export function costDays(
  workspaceId: string | null,
  from: string,
  to: string,
  perDay: (day: string) => number,
): AlertInputs['dailyCost'][number][] {
  const rows: AlertInputs['dailyCost'][number][] = [];
  for (let ms = at(`${from}T00:00:00Z`); ms <= at(`${to}T00:00:00Z`); ms += 86_400_000) {
    const day = new Date(ms).toISOString().slice(0, 10);
    rows.push({ day, workspaceId, nanocents: usd(perDay(day)) });
  }
  return rows;
}
