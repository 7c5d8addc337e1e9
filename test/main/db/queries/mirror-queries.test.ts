import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openMirror, type MirrorDb } from '../../../../main/db/open';
import { readKeyInventory } from '../../../../main/db/queries/key-inventory';
import { readSpendSummary } from '../../../../main/db/queries/spend-summary';

const DAY = 86_400_000;
const now = Date.UTC(2026, 10, 21, 12); // 21 November: 20 full days of cost can exist
let db: MirrorDb;

beforeEach(() => {
  db = openMirror(':memory:');
  const seen = [0, 0, 1] as const;
  db.prepare(
    `INSERT INTO workspaces (id, name, created_at_ms, is_default, first_seen_at_ms, last_seen_at_ms, seen_pass) VALUES (?, ?, 0, 0, ?, ?, ?)`,
  ).run('wrkspc_01PROD', 'Production', ...seen);
  db.prepare(
    `INSERT INTO users (id, email, name, role, added_at_ms, first_seen_at_ms, last_seen_at_ms, seen_pass) VALUES (?, ?, ?, 'admin', 0, ?, ?, ?)`,
  ).run('user_01ADA', 'ada@acme.example', 'Ada Admin', ...seen);
  const key = db.prepare(
    `INSERT INTO api_keys (id, name, status, created_at_ms, expires_at_ms, partial_key_hint, created_by_id, created_by_type, has_legacy_workspace_id, workspace_id, first_seen_at_ms, last_seen_at_ms, seen_pass)
     VALUES (?, ?, 'active', ?, NULL, 'sk-ant-api03-R2D...igAA', ?, 'user', 0, ?, ?, ?, ?)`,
  );
  key.run('apikey_01USED', 'prod-backend', now - 60 * DAY, 'user_01ADA', 'wrkspc_01PROD', ...seen);
  key.run('apikey_01ORPH', 'left-behind', now - 60 * DAY, 'user_01GONE', 'wrkspc_01PROD', ...seen);
  key.run('apikey_01IDLE', 'idle-default', now - 60 * DAY, 'user_01ADA', null, ...seen);
  db.prepare(
    `INSERT INTO api_keys (id, name, status, created_at_ms, created_by_id, created_by_type, has_legacy_workspace_id, workspace_id, first_seen_at_ms, last_seen_at_ms, seen_pass)
     VALUES ('apikey_01SVC', 'by-robot', 'active', ?, 'svac_01ROBOT', 'service_account', 0, 'wrkspc_01PROD', ?, ?, ?)`,
  ).run(now - DAY, ...seen);
});
afterEach(() => db.close());

function insertUsage(keyId: string, dayMs: number, output: number): void {
  db.prepare(
    `INSERT INTO usage_daily (bucket_start_ms, group_key, workspace_id, api_key_id, model, uncached_input_tokens, cache_creation_1h_input_tokens,
       cache_creation_5m_input_tokens, cache_read_input_tokens, output_tokens, web_search_requests, fetched_at_ms)
     VALUES (?, ?, 'wrkspc_01PROD', ?, 'claude-sonnet-4-5', 100, 0, 0, 0, ?, 0, ?)`,
  ).run(dayMs, `${keyId}|claude-sonnet-4-5`, keyId, output, now);
}

function insertCost(dayMs: number, workspaceId: string | null, nanocents: bigint): void {
  db.prepare(
    `INSERT INTO cost_daily (bucket_start_ms, group_key, workspace_id, description, currency, amount_nanocents, fetched_at_ms) VALUES (?, ?, ?, 'Claude Sonnet 4.5 Usage - Output Tokens', 'USD', ?, ?)`,
  ).run(dayMs, `${workspaceId ?? 'default'}|x`, workspaceId, nanocents, now);
}

describe('readKeyInventory', () => {
  it('joins workspace and creator, sums 30-day tokens and gives each key a verdict', () => {
    insertUsage('apikey_01USED', now - 2 * DAY, 900);
    insertUsage('apikey_01USED', now - 40 * DAY, 5_000);
    insertUsage('apikey_01ORPH', now - 3 * DAY, 50);
    const rows = readKeyInventory(db, now);
    const byId = Object.fromEntries(rows.map((row) => [row.id, row]));
    expect(byId.apikey_01USED).toMatchObject({
      workspaceName: 'Production',
      creatorName: 'Ada Admin',
      creatorIsMember: true,
      lastUsedDayMs: now - 2 * DAY,
      tokens30d: 1_000,
      verdict: 'ok',
    });
    expect(byId.apikey_01ORPH).toMatchObject({ creatorIsMember: false, verdict: 'orphaned' });
    expect(byId.apikey_01SVC).toMatchObject({ creatorName: 'a service account', creatorIsMember: null, verdict: 'ok' });
    expect(byId.apikey_01ORPH).toMatchObject({ creatorName: 'a former member' });
    expect(byId.apikey_01IDLE).toMatchObject({
      workspaceName: 'Default Workspace',
      lastUsedDayMs: null,
      tokens30d: 0,
      verdict: 'dormant',
    });
  });
});

describe('readSpendSummary', () => {
  it('sums this month by workspace exactly, ignores last month, and forecasts the month end', () => {
    const monthStart = Date.UTC(2026, 10, 1);
    insertCost(monthStart, 'wrkspc_01PROD', 1_000_000_000_000n); // 1000 cents
    insertCost(monthStart + 9 * DAY, 'wrkspc_01PROD', 500_000_000_001n); // 500.000000001 cents
    insertCost(monthStart + 9 * DAY, null, 250_000_000_000n);
    insertCost(monthStart - DAY, 'wrkspc_01PROD', 99_000_000_000_000n); // October: not counted
    const summary = readSpendSummary(db, now);
    expect(summary.monthStartMs).toBe(monthStart);
    expect(summary.monthToDateCents).toBe('1750.000000001');
    expect(summary.lastCostDayMs).toBe(monthStart + 9 * DAY);
    // The alerts' weekday-aware projection, worked by hand: history 31 Oct–20 Nov (21 days from the first cost
    // day: 6 weekend days holding 99000 + 1000 cents, 15 weekdays holding 750.000000001); Nov actuals to the
    // 20th (1750.000000001), then today (the 21st) to the 30th at those rates: 4 weekend days and 6 weekdays,
    // 1750.000000001 + 4 × 16666.666666666 + 6 × 50.000000000 (rates floored to whole nanocents).
    expect(summary.forecastCents).toBe('68716.666666665');
    expect(summary.byWorkspace).toEqual([
      { workspaceId: 'wrkspc_01PROD', name: 'Production', cents: '1500.000000001' },
      { workspaceId: null, name: 'Default workspace', cents: '250' },
    ]);
  });

  it('answers zero and no forecast when the mirror has no cost yet', () => {
    expect(readSpendSummary(db, now)).toMatchObject({ monthToDateCents: '0', forecastCents: null, byWorkspace: [] });
  });
});
