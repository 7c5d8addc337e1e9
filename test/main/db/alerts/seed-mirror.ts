/**
 * Fills a mirror the way the sync engine does (through SqliteMirrorStore), from API objects shaped as
 * admin-api.md documents them. Tests of the alert reader and the app cycle build their orgs with it.
 */
import Database from 'better-sqlite3';
import type {
  ApiCostResult,
  ApiInvite,
  ApiKey,
  ApiSpendLimit,
  ApiUser,
  ApiUsageResult,
  ApiWorkspace,
} from '../../../../main/core/api-types';
import { ENTITY_SPECS, type EntityResource } from '../../../../main/core/sync/entities';
import { costBucketRows, usageBucketRows } from '../../../../main/core/sync/report-rows';
import { migrate } from '../../../../main/db/migrate';
import { MIGRATIONS } from '../../../../main/db/migrations/index';
import { SqliteMirrorStore } from '../../../../main/db/mirror-store';

export const DAY_MS = 86_400_000;

export interface OrgSnapshot {
  org?: { id: string; name: string };
  users?: ApiUser[];
  invites?: ApiInvite[];
  workspaces?: ApiWorkspace[];
  /** The id the API lists with `include_default=true` for the default workspace. */
  defaultWorkspaceId?: string | null;
  apiKeys?: ApiKey[];
  spendLimits?: ApiSpendLimit[];
}

export function memoryMirror(): Database.Database {
  const db = new Database(':memory:');
  migrate(db, MIGRATIONS);
  return db;
}

/**
 * One sync run writing a full snapshot of the entity resources. The first run of a resource is its baseline
 * (no journal events, like the engine); later runs journal what changed. The run ends 'ok' at `atMs`
 * unless `status` says otherwise.
 */
export function syncSnapshot(db: Database.Database, atMs: number, snapshot: OrgSnapshot, status = 'ok'): void {
  const store = new SqliteMirrorStore(db);
  const runId = store.beginRun(atMs, false);
  const hasBaseline = db.prepare(`SELECT count(*) AS n FROM sync_runs WHERE status = 'ok'`).get() as { n: number };
  const ctx = { runId, atMs, journal: hasBaseline.n > 0 };
  store.saveOrganization(snapshot.org ?? { id: 'org_test', name: 'Acme Test' }, ctx);
  const page = <R extends EntityResource>(
    resource: R,
    items: Array<Parameters<(typeof ENTITY_SPECS)[R]['toRow']>[0]>,
  ): void => {
    const spec = ENTITY_SPECS[resource];
    const pass = store.openPass(resource, '', runId, null);
    store.applyEntityPage(
      spec,
      pass,
      items.map((item) => spec.toRow(item as never)),
      null,
      ctx,
    );
  };
  page('users', snapshot.users ?? []);
  page('invites', snapshot.invites ?? []);
  page('workspaces', snapshot.workspaces ?? []);
  store.setDefaultWorkspace(snapshot.defaultWorkspaceId ?? null);
  page('api_keys', snapshot.apiKeys ?? []);
  page('spend_limits', snapshot.spendLimits ?? []);
  store.finishRun(runId, atMs, { status, requests: 1, rows: 0, detail: null });
}

function iso(ms: number): string {
  return new Date(ms).toISOString().replace('.000Z', 'Z');
}

/** One cost_report bucket (grouped by workspace_id and description) per day in [fromDay, toDay]. */
export function seedCost(
  db: Database.Database,
  fromDay: string,
  toDay: string,
  perDay: (day: string) => Array<{ workspace_id: string | null; amount: string; description?: string }>,
): void {
  const store = new SqliteMirrorStore(db);
  const pass = store.openPass('cost_daily', '', 1, null);
  for (let ms = Date.parse(`${fromDay}T00:00:00Z`); ms <= Date.parse(`${toDay}T00:00:00Z`); ms += DAY_MS) {
    const day = iso(ms).slice(0, 10);
    const results: ApiCostResult[] = perDay(day).map((entry) => ({
      amount: entry.amount,
      currency: 'USD',
      description: entry.description ?? 'Claude Sonnet 4.5 Usage - Input Tokens',
      workspace_id: entry.workspace_id,
      cost_type: 'tokens',
      model: 'claude-sonnet-4-5',
      token_type: 'uncached_input_tokens',
    }));
    const rows = costBucketRows({ starting_at: iso(ms), ending_at: iso(ms + DAY_MS), results });
    store.applyReportPage(
      'cost_daily',
      pass,
      { replaceBuckets: [rows.bucketStartMs], rows: rows.rows },
      'next',
      null,
      ms,
    );
  }
}

/** One usage_report bucket (1d, grouped by workspace, key and model) on `day` for one key. */
export function seedKeyUsage(
  db: Database.Database,
  day: string,
  apiKeyId: string,
  workspaceId: string | null,
  outputTokens: number,
): void {
  const store = new SqliteMirrorStore(db);
  const pass = store.openPass('usage_daily', '', 1, null);
  const start = Date.parse(`${day}T00:00:00Z`);
  const result: ApiUsageResult = {
    uncached_input_tokens: 0,
    cache_creation: { ephemeral_1h_input_tokens: 0, ephemeral_5m_input_tokens: 0 },
    cache_read_input_tokens: 0,
    output_tokens: outputTokens,
    server_tool_use: { web_search_requests: 0 },
    api_key_id: apiKeyId,
    workspace_id: workspaceId,
    model: 'claude-sonnet-4-5',
  };
  const rows = usageBucketRows('usage_daily', {
    starting_at: iso(start),
    ending_at: iso(start + DAY_MS),
    results: [result],
  });
  store.applyReportPage('usage_daily', pass, { replaceBuckets: [], rows: rows.rows }, 'next', null, start);
}

// ---- API objects as admin-api.md documents them -------------------------------------------------------------

export const user = (id: string, role: string, addedAt: string, name = `User ${id}`): ApiUser => ({
  id,
  email: `${id}@example.com`,
  name,
  role,
  added_at: addedAt,
});

export const workspace = (id: string, name: string, archivedAt: string | null = null): ApiWorkspace => ({
  id,
  name,
  created_at: '2026-01-05T10:00:00Z',
  archived_at: archivedAt,
  display_color: '#6C5BB9',
});

export function apiKey(
  id: string,
  name: string,
  workspaceId: string | null,
  fields: Partial<Pick<ApiKey, 'status' | 'created_at' | 'expires_at' | 'created_by'>> = {},
): ApiKey {
  return {
    id,
    name,
    status: fields.status ?? 'active',
    created_at: fields.created_at ?? '2026-09-01T09:00:00Z',
    expires_at: fields.expires_at ?? null,
    partial_key_hint: 'sk-ant-api03-R2D...igAA',
    created_by: fields.created_by === undefined ? { id: 'user_admin', type: 'user' } : fields.created_by,
    principal: null,
    scope: workspaceId === null ? { type: 'organization' } : { type: 'workspace', workspace_id: workspaceId },
  };
}

/** The legacy key shape: a top-level workspace_id (null = the default workspace), no scope or principal. */
export const legacyKey = (id: string, name: string, workspaceId: string | null): ApiKey => ({
  id,
  name,
  status: 'active',
  created_at: '2026-09-01T09:00:00Z',
  expires_at: null,
  created_by: { id: 'user_admin', type: 'user' },
  workspace_id: workspaceId,
});

export function spendLimit(
  id: string,
  amountCents: string | null,
  scope: ApiSpendLimit['scope'],
  fields: Partial<ApiSpendLimit> = {},
): ApiSpendLimit {
  return {
    id,
    amount: amountCents,
    currency: 'USD',
    period: 'monthly',
    is_enabled: true,
    scope,
    created_at: '2026-07-01T00:00:00Z',
    updated_at: '2026-07-01T00:00:00Z',
    ...fields,
  };
}

export const invite = (id: string, status: string, invitedAt: string, expiresAt: string): ApiInvite => ({
  id,
  email: `${id}@example.com`,
  role: 'developer',
  status,
  invited_at: invitedAt,
  expires_at: expiresAt,
  accepted_at: null,
  rbac_group_ids: [],
});
