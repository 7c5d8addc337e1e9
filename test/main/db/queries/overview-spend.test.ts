import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dailyCostFor, defaultAlertRules, monthToDateNanocents } from '../../../../main/core/alerts/index';
import { saveAlertRules } from '../../../../main/db/alerts/index';
import { openMirror, type MirrorDb } from '../../../../main/db/open';
import { readOverview } from '../../../../main/db/queries/overview';
import { readSpendInputs, readSpendPicture, spendPicture } from '../../../../main/db/queries/overview-spend';

const DAY = 86_400_000;
const NC = 1_000_000_000n; // nanocents per cent
let db: MirrorDb;

beforeEach(() => {
  db = openMirror(':memory:');
  db.prepare(
    `INSERT INTO organization (id, name, first_seen_at_ms, last_seen_at_ms) VALUES ('org_01ACME', 'Acme', 0, 0)`,
  ).run();
  const ws = db.prepare(
    `INSERT INTO workspaces (id, name, created_at_ms, is_default, first_seen_at_ms, last_seen_at_ms, seen_pass) VALUES (?, ?, 0, ?, 0, 0, 1)`,
  );
  ws.run('wrkspc_01PROD', 'Production', 0);
  ws.run('wrkspc_01DEF', 'Default Workspace', 1);
});
afterEach(() => db.close());

let row = 0;
/** A cost report row as admin-api.md documents it: amount in cents, workspace_id null for the default workspace. */
function cost(dayMs: number, workspaceId: string | null, cents: bigint): void {
  db.prepare(
    `INSERT INTO cost_daily (bucket_start_ms, group_key, workspace_id, description, currency, amount_nanocents, fetched_at_ms) VALUES (?, ?, ?, 'Claude Sonnet 4.5 Usage - Output Tokens', 'USD', ?, 0)`,
  ).run(dayMs, `row-${(row += 1)}`, workspaceId, cents * NC);
}

describe('readOverview spend against budgets and limits', () => {
  it('files the cost report’s id-less default workspace under the default’s own id, where its budget set as "default" applies', () => {
    const now = Date.UTC(2026, 10, 12, 12);
    for (let day = 1; day <= 11; day += 1) {
      cost(Date.UTC(2026, 10, day), null, 100n);
      cost(Date.UTC(2026, 10, day), 'wrkspc_01DEF', 10n);
    }
    const rules = defaultAlertRules('UTC');
    rules.budgets.workspaceMonthlyUsd = { default: '20' }; // $20 = 2000 cents
    saveAlertRules(db, rules, 'UTC');
    const overview = readOverview(db, now);
    const row = overview.byWorkspace.find((entry) => entry.workspaceId === 'wrkspc_01DEF')!;
    expect(row).toMatchObject({ name: 'Default Workspace', cents: '1210' });
    expect(row.targets).toEqual([{ source: 'budget', amountCents: '2000', percent: 60, crossingDay: '2026-11-19' }]);
    expect(overview.byWorkspace.some((entry) => entry.workspaceId === null)).toBe(false);
  });

  it('on the 1st, with nothing spent yet this month, still forecasts from last month’s days and measures 0 %', () => {
    for (let back = 1; back <= 20; back += 1) cost(Date.UTC(2026, 11, 1) - back * DAY, 'wrkspc_01PROD', 300n);
    db.prepare(
      `INSERT INTO spend_limits (id, amount_nanocents, currency, period, is_enabled, scope_type, scope_json, created_at_ms, updated_at_ms, first_seen_at_ms, last_seen_at_ms, seen_pass)
       VALUES ('sl_01ORG', ?, 'USD', 'monthly', 1, 'organization', '{"type":"organization"}', 0, 0, 0, 0, 1)`,
    ).run(5_000n * NC);
    const overview = readOverview(db, Date.UTC(2026, 11, 1, 0, 30));
    expect(overview).toMatchObject({ month: '2026-12', monthToDateCents: '0', lastCostDayMs: null });
    // 300 cents a day, weekdays and weekends alike, for the 31 days of December, is 9300 cents at the run rate;
    // the org's 5000-cent limit stops spend there, and the forecast says so.
    expect(overview.forecastCents).toBe('5000');
    expect(overview.forecastCaps).toEqual(['Acme: capped at its $50.00 limit']);
    expect(overview.targets).toEqual([{ source: 'limit', amountCents: '5000', percent: 0, crossingDay: '2026-12-17' }]);
  });

  it('ignores a disabled limit and cost in another currency', () => {
    const now = Date.UTC(2026, 10, 12, 12);
    cost(Date.UTC(2026, 10, 2), 'wrkspc_01PROD', 100n);
    db.prepare(
      `INSERT INTO cost_daily (bucket_start_ms, group_key, workspace_id, description, currency, amount_nanocents, fetched_at_ms) VALUES (?, 'eur', 'wrkspc_01PROD', 'x', 'EUR', ?, 0)`,
    ).run(Date.UTC(2026, 10, 2), 999n * NC);
    db.prepare(
      `INSERT INTO spend_limits (id, amount_nanocents, currency, period, is_enabled, scope_type, scope_workspace_id, scope_json, created_at_ms, updated_at_ms, first_seen_at_ms, last_seen_at_ms, seen_pass)
       VALUES ('sl_01OFF', ?, 'USD', 'monthly', 0, 'workspace', 'wrkspc_01PROD', '{}', 0, 0, 0, 0, 1)`,
    ).run(50n * NC);
    const overview = readOverview(db, now);
    expect(overview.monthToDateCents).toBe('100');
    expect(overview.byWorkspace).toEqual([
      { workspaceId: 'wrkspc_01PROD', name: 'Production', cents: '100', targets: [] },
    ]);
  });
});

describe('readSpendPicture month to date', () => {
  it('equals the alert core’s monthToDateNanocents for the org and every workspace (a later day and last month left out)', () => {
    const now = Date.UTC(2026, 10, 12, 12);
    for (let day = Date.UTC(2026, 9, 20); day <= Date.UTC(2026, 10, 14); day += DAY) {
      cost(day, null, 7n);
      cost(day, 'wrkspc_01DEF', 1n);
      cost(day, 'wrkspc_01PROD', BigInt(day / DAY) % 13n);
      cost(day, 'wrkspc_01GONE', 3n); // a workspace the mirror no longer lists
    }
    const picture = readSpendPicture(db, now);
    expect(picture.org.spentNanocents).toBe(monthToDateNanocents(dailyCostFor(picture.inputs, null), now));
    expect([...picture.workspaces.keys()].sort()).toEqual(['wrkspc_01DEF', 'wrkspc_01GONE', 'wrkspc_01PROD']);
    for (const [key, spend] of picture.workspaces)
      expect(spend.spentNanocents).toBe(monthToDateNanocents(dailyCostFor(picture.inputs, key), now));
    // 12 days of November so far: the default's 7 + 1 cents a day under its own id.
    expect(picture.workspaces.get('wrkspc_01DEF')?.spentNanocents).toBe(12n * 8n * NC);
    // Inputs read later (they hold the 13th and 14th) measured as of the 12th: those days are not spent yet.
    const rules = defaultAlertRules('UTC');
    const later = spendPicture(readSpendInputs(db, now + 3 * DAY, rules), rules, now);
    expect(later.inputs.dailyCost.some((row) => row.day === '2026-11-14')).toBe(true);
    for (const [key, spend] of later.workspaces)
      expect(spend.spentNanocents).toBe(monthToDateNanocents(dailyCostFor(later.inputs, key), now));
    expect(later.org.spentNanocents).toBe(picture.org.spentNanocents);
  });
});
