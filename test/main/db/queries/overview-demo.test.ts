/**
 * The overview and the tree badges over a mirror synced from the sandbox demo org. Expected amounts come from
 * the sandbox's own cost_report and spend_limits answers (admin-api.md shapes), summed here, never from our
 * query code.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDemoOrg, type DemoOrg } from '../../../../main/services/demo/demo-org';
import { summarizeMonthSpend, defaultAlertRules } from '../../../../main/core/alerts/index';
import { loadAlertRules, loadEpisodes, readAlertInputs, saveAlertRules } from '../../../../main/db/alerts/index';
import { recordAlertCycle } from '../../../../main/services/alerts/evaluate-alerts';
import { readKeyInventory } from '../../../../main/db/queries/key-inventory';
import { readOverview } from '../../../../main/db/queries/overview';
import { readOrgTreeWithBadges } from '../../../../main/db/queries/overview-tree-badges';
import { tokenCostNanocents } from '../../../../main/sandbox/pricing';
import { OrgTreeDto, OverviewDto } from '../../../../preload/contract';

const DAY = 86_400_000;
let dir: string;
let demo: DemoOrg;
let now: number;

/** "123.78912" cents → integer units of 1e-9 cents, parsed here digit by digit (independent of core/money). */
function cents(amount: string): bigint {
  const [whole, fraction = ''] = amount.split('.');
  return BigInt(whole!) * 1_000_000_000n + BigInt((fraction + '000000000').slice(0, 9));
}

async function get<T>(path: string, beta?: string): Promise<T> {
  const res = await fetch(demo.sandbox.url + path, {
    headers: {
      'x-api-key': demo.sandbox.adminKey,
      'anthropic-version': '2023-06-01',
      ...(beta ? { 'anthropic-beta': beta } : {}),
    },
  });
  expect(res.status).toBe(200);
  return (await res.json()) as T;
}

interface CostBucket {
  starting_at: string;
  results: Array<{ amount: string; workspace_id: string | null }>;
}

/** This UTC month's daily cost per workspace (null = default), from the sandbox's cost report. */
async function monthCostFromApi(): Promise<Array<{ day: string; workspaceId: string | null; nanocents: bigint }>> {
  const start = new Date(now);
  const from = `${start.toISOString().slice(0, 8)}01T00:00:00Z`;
  const to = new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth(), start.getUTCDate() + 1))
    .toISOString()
    .replace('.000', '');
  const rows: Array<{ day: string; workspaceId: string | null; nanocents: bigint }> = [];
  let page: string | null = null;
  do {
    const query = `starting_at=${from}&ending_at=${to}&limit=31&group_by[]=workspace_id${page ? `&page=${page}` : ''}`;
    const body: { data: CostBucket[]; has_more: boolean; next_page: string | null } = await get(
      `/v1/organizations/cost_report?${query}`,
    );
    for (const bucket of body.data) {
      for (const result of bucket.results)
        rows.push({
          day: bucket.starting_at.slice(0, 10),
          workspaceId: result.workspace_id,
          nanocents: cents(result.amount),
        });
    }
    page = body.has_more ? body.next_page : null;
  } while (page);
  return rows;
}

interface UsageResult {
  api_key_id: string | null;
  model: string;
  uncached_input_tokens: number;
  output_tokens: number;
  cache_read_input_tokens: number;
  cache_creation: { ephemeral_1h_input_tokens: number; ephemeral_5m_input_tokens: number };
}

interface ApiSpendLimit {
  amount: string | null;
  period: string;
  scope: { type: string; workspace_id?: string | null };
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'clade-overview-'));
  // A fixed instant late in a month (the sandbox and the sync both run on it): the demo org is then past its
  // Production and Research limits whatever day the tests run, and the sandbox's reports stop filling after the
  // sync, so the API answers read below match what was mirrored.
  now = Date.parse('2026-11-24T10:00:00Z');
  demo = await openDemoOrg({ mirrorFile: join(dir, 'mirror.sqlite'), frozenAt: new Date(now) });
}, 180_000);
afterAll(async () => {
  await demo?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('readOverview on the demo org', () => {
  it('matches the contract and sums month-to-date spend exactly as the cost report does, in total and by workspace', async () => {
    const overview = OverviewDto.parse(readOverview(demo.db, now));
    const api = await monthCostFromApi();
    const total = api.reduce((sum, row) => sum + row.nanocents, 0n);
    expect(total).toBeGreaterThan(0n);
    expect(cents(overview.monthToDateCents)).toBe(total);
    const defaultId = (demo.db.prepare(`SELECT id FROM workspaces WHERE is_default = 1`).get() as { id: string }).id;
    const byWorkspace = new Map<string, bigint>();
    for (const row of api) {
      const id = row.workspaceId ?? defaultId;
      byWorkspace.set(id, (byWorkspace.get(id) ?? 0n) + row.nanocents);
    }
    const shown = new Map(
      overview.byWorkspace.filter((row) => cents(row.cents) > 0n).map((row) => [row.workspaceId, cents(row.cents)]),
    );
    expect(shown).toEqual(new Map([...byWorkspace].filter(([, amount]) => amount > 0n)));
    const amounts = overview.byWorkspace.map((row) => cents(row.cents));
    expect([...amounts].sort((a, b) => (a > b ? -1 : a < b ? 1 : 0))).toEqual(amounts);
    expect(overview.org?.name).toBe((demo.db.prepare(`SELECT name FROM organization`).get() as { name: string }).name);
  });

  it('measures the org and each workspace against the spend limits the API reports, with percentages and the day the limit was passed', async () => {
    const overview = readOverview(demo.db, now);
    const limits = (
      await get<{ data: ApiSpendLimit[] }>('/v1/organizations/spend_limits?limit=100', 'spend-limit-reads-2026-09-26')
    ).data;
    const orgLimit = limits.find(
      (limit) => limit.scope.type === 'organization' && limit.period === 'monthly' && limit.amount !== null,
    )!;
    expect(orgLimit).toBeDefined();
    const total = cents(overview.monthToDateCents);
    const orgTarget = overview.targets.find((target) => target.source === 'limit')!;
    expect(orgTarget.amountCents).toBe(orgLimit.amount);
    expect(orgTarget.percent).toBe(Number((total * 100n) / cents(orgLimit.amount!)));

    const api = await monthCostFromApi();
    const workspaceLimits = limits.filter((limit) => limit.scope.type === 'workspace' && limit.amount !== null);
    expect(workspaceLimits.length).toBeGreaterThan(0);
    let passed = 0;
    for (const limit of workspaceLimits) {
      const row = overview.byWorkspace.find((entry) => entry.workspaceId === limit.scope.workspace_id)!;
      const target = row.targets.find((entry) => entry.source === 'limit')!;
      expect(target.amountCents).toBe(limit.amount);
      expect(target.percent).toBe(Number((cents(row.cents) * 100n) / cents(limit.amount!)));
      if (target.percent < 100) continue;
      // Already over: the crossing day is the day the cost report's running total reached the limit.
      const days = api
        .filter((entry) => entry.workspaceId === limit.scope.workspace_id)
        .sort((a, b) => a.day.localeCompare(b.day));
      let running = 0n;
      const crossed = days.find((entry) => (running += entry.nanocents) >= cents(limit.amount!))!;
      expect(target.crossingDay).toBe(crossed.day);
      passed += 1;
    }
    // The demo org is past its Production and Research limits (the tray test says so too).
    expect(passed).toBeGreaterThanOrEqual(2);
  });

  it('forecasts the month end with the alerts’ weekday-aware projection (the tray shows the same number) and names the budget crossing day', () => {
    const rules = defaultAlertRules('UTC');
    rules.budgets.orgMonthlyUsd = '1'; // far below month-to-date: crossed on the month's first cost day
    saveAlertRules(demo.db, rules, 'UTC');
    try {
      const overview = readOverview(demo.db, now);
      const tray = summarizeMonthSpend(
        readAlertInputs(demo.db, now, loadAlertRules(demo.db, 'UTC')),
        loadAlertRules(demo.db, 'UTC'),
        now,
      );
      expect(overview.forecastCents).not.toBeNull();
      expect(cents(overview.forecastCents!)).toBe(tray.projectedNanocents);
      expect(cents(overview.forecastCents!)).toBeGreaterThanOrEqual(cents(overview.monthToDateCents));
      const budget = overview.targets.find((target) => target.source === 'budget')!;
      expect(budget).toMatchObject({ amountCents: '100', crossingDay: tray.budgetCrossingDay });
      // $1 = 100 cents: the percentage is month-to-date spend in whole cents.
      expect(budget.percent).toBe(Number(cents(overview.monthToDateCents) / 1_000_000_000n));
    } finally {
      saveAlertRules(demo.db, defaultAlertRules('UTC'), 'UTC');
    }
  });

  it('counts the open alerts the alert cycle recorded, most severe first, and reports a healthy sync', () => {
    recordAlertCycle(demo.db, now, { defaultTz: 'UTC' });
    const open = loadEpisodes(demo.db).filter((episode) => episode.closedAtMs === null);
    const overview = readOverview(demo.db, now);
    expect(open.length).toBeGreaterThan(0);
    expect(overview.alerts.open).toBe(open.length);
    expect(overview.alerts.critical).toBe(open.filter((episode) => episode.severity === 'critical').length);
    expect(overview.alerts.top.length).toBe(Math.min(5, open.length));
    expect(overview.alerts.top[0]).toMatchObject({ severity: 'critical' });
    expect(overview.alerts.top[0]!.title).toMatch(/has reached its monthly spend limit/);
    expect(overview.sync.problems).toEqual([]);
    expect(overview.sync.syncedAtMs).toBeGreaterThan(now - 10 * 60_000);
    expect(['ok', 'partial']).toContain(overview.sync.lastRun?.status);
  });
});

describe('readOrgTreeWithBadges on the demo org', () => {
  it('badges every workspace with its month-to-date spend and limits, and every key with an estimate and a hygiene verdict', async () => {
    const tree = OrgTreeDto.parse(readOrgTreeWithBadges(demo.db, now));
    const overview = readOverview(demo.db, now);
    expect(tree.spend).toEqual({ cents: overview.monthToDateCents, targets: overview.targets });
    for (const workspace of tree.workspaces) {
      const row = overview.byWorkspace.find((entry) => entry.workspaceId === workspace.id);
      expect(workspace.spend, workspace.name).toEqual({ cents: row?.cents ?? '0', targets: row?.targets ?? [] });
      for (const key of workspace.keys) {
        expect(key.hygiene?.verdict, key.name).toBeDefined();
        expect(key.estimatedMonthCents).toMatch(/^\d+(\.\d+)?$/);
      }
    }
    const withEstimates = tree.workspaces.filter((workspace) =>
      workspace.keys.some((key) => cents(key.estimatedMonthCents ?? '0') > 0n),
    );
    expect(withEstimates.length).toBeGreaterThanOrEqual(2);
    const inactive = tree.workspaces.flatMap((w) => w.keys).filter((key) => key.status !== 'active');
    for (const key of inactive) expect(key.hygiene?.verdict).toBe('inactive');
    // The same verdict and reason the key inventory gives (one set of hygiene rules in the app).
    const inventory = new Map(
      readKeyInventory(demo.db, now).map((row) => [row.id, { verdict: row.verdict, reason: row.reason }]),
    );
    const keys = [...tree.workspaces.flatMap((w) => w.keys), ...(tree.organizationKeys ?? [])];
    expect(keys.length).toBe(inventory.size);
    for (const key of keys) expect(key.hygiene, key.name).toEqual(inventory.get(key.id));
    expect(new Set(keys.map((key) => key.hygiene!.verdict)).size).toBeGreaterThanOrEqual(3);
  });

  it('estimates each key’s month from the sandbox’s own usage report × the sandbox’s own list prices', async () => {
    const start = new Date(now);
    const from = `${start.toISOString().slice(0, 8)}01T00:00:00Z`;
    const to = new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth(), start.getUTCDate() + 1))
      .toISOString()
      .replace('.000', '');
    const expected = new Map<string, bigint>();
    let page: string | null = null;
    do {
      const query = `starting_at=${from}&ending_at=${to}&bucket_width=1d&limit=31&group_by[]=api_key_id&group_by[]=model${page ? `&page=${page}` : ''}`;
      const body: { data: Array<{ results: UsageResult[] }>; has_more: boolean; next_page: string | null } = await get(
        `/v1/organizations/usage_report/messages?${query}`,
      );
      for (const bucket of body.data) {
        for (const row of bucket.results) {
          if (row.api_key_id === null) continue;
          // List (standard, global, under 200k) prices at the sandbox's own reading of admin-api.md §6.
          const ctx = {
            model: row.model,
            atMs: now,
            serviceTier: 'standard',
            contextWindow: '0-200k',
            inferenceGeo: 'global',
          };
          const nanocents =
            tokenCostNanocents(BigInt(row.uncached_input_tokens), 'uncached_input_tokens', ctx) +
            tokenCostNanocents(BigInt(row.output_tokens), 'output_tokens', ctx) +
            tokenCostNanocents(BigInt(row.cache_read_input_tokens), 'cache_read_input_tokens', ctx) +
            tokenCostNanocents(
              BigInt(row.cache_creation.ephemeral_1h_input_tokens),
              'cache_creation.ephemeral_1h_input_tokens',
              ctx,
            ) +
            tokenCostNanocents(
              BigInt(row.cache_creation.ephemeral_5m_input_tokens),
              'cache_creation.ephemeral_5m_input_tokens',
              ctx,
            );
          expected.set(row.api_key_id, (expected.get(row.api_key_id) ?? 0n) + nanocents);
        }
      }
      page = body.has_more ? body.next_page : null;
    } while (page);
    expect(expected.size).toBeGreaterThanOrEqual(5);
    const tree = readOrgTreeWithBadges(demo.db, now)!;
    const keys = [...tree.workspaces.flatMap((w) => w.keys), ...(tree.organizationKeys ?? [])];
    for (const key of keys) expect(cents(key.estimatedMonthCents ?? '0'), key.name).toBe(expected.get(key.id) ?? 0n);
  });
});

describe('readOverview when the mirror is not fit to trust', () => {
  it('reports a rejected credential and the failed run', () => {
    const before = demo.db.prepare(`SELECT * FROM credential_state`).all();
    demo.db
      .prepare(
        `INSERT INTO sync_runs (started_at_ms, finished_at_ms, full, status, detail) VALUES (?, ?, 0, 'credential_invalid', ?)`,
      )
      .run(now - DAY, now, 'the admin key was refused (GET /v1/organizations/users): invalid x-api-key');
    demo.db
      .prepare(
        `INSERT OR REPLACE INTO credential_state (id, status, changed_at_ms, detail) VALUES (1, 'invalid', ?, 'refused')`,
      )
      .run(now);
    try {
      const overview = readOverview(demo.db, now + 1);
      expect(overview.sync.problems).toContain('credential-invalid');
      expect(overview.sync.lastRun).toMatchObject({ status: 'credential_invalid', finishedAtMs: now });
    } finally {
      demo.db.prepare(`DELETE FROM credential_state`).run();
      for (const row of before as Array<{ id: number; status: string; changed_at_ms: number; detail: string | null }>) {
        demo.db
          .prepare(`INSERT INTO credential_state (id, status, changed_at_ms, detail) VALUES (?, ?, ?, ?)`)
          .run(row.id, row.status, row.changed_at_ms, row.detail);
      }
    }
  });
});
