import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { openDemoOrg, type DemoOrg } from '../../../main/services/demo/demo-org';
import { defaultAlertRules, formatUsd, usdToNanocents } from '../../../main/core/alerts/index';
import { loadAlertRules, loadSnoozes, saveAlertRules, saveSnoozes } from '../../../main/db/alerts/index';
import { createHandlers } from '../../../main/ipc/create-handlers';
import { dispatch } from '../../../main/ipc/dispatch';
import { tomorrowMorningMs } from '../../../main/services/alerts/snooze';
import type { AlertRulesForm, AlertsList, SetAlertRulesResult, AlertRulesState } from '../../../preload/contract';
import { sampleInfo, unusedVault } from './fixtures';

const HOUR = 3_600_000;

let dir: string;
let demo: DemoOrg;
let nowMs: number;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'clade-alerts-ipc-'));
  // A fixed instant late in a month (sandbox and sync on it): month-to-date spend is large enough that halving it in
  // whole dollars is 200 % to the percent, whatever day the tests run.
  nowMs = Date.parse('2026-11-24T10:00:00Z');
  demo = await openDemoOrg({ mirrorFile: join(dir, 'mirror.sqlite'), frozenAt: new Date(nowMs) });
}, 120_000);

afterAll(async () => {
  await demo?.close();
  rmSync(dir, { recursive: true, force: true });
});

beforeEach(() => {
  saveAlertRules(demo.db, defaultAlertRules('UTC'), 'UTC');
  saveSnoozes(demo.db, []);
});

function handlersFor(mirror: () => DemoOrg['db'] | null) {
  const handlers = createHandlers({
    appInfo: () => sampleInfo,
    mirror,
    now: () => nowMs,
    timeZone: () => 'UTC',
    vault: unusedVault,
    onKeyChanged: async () => undefined,
  });
  return (channel: string, request?: unknown) => dispatch(handlers, channel, request, 'ipc', vi.fn());
}

async function value<T>(pending: Promise<{ ok: boolean }>): Promise<T> {
  const result = (await pending) as { ok: true; value: T } | { ok: false; error: unknown };
  if (!result.ok) throw new Error(`expected ok, got ${JSON.stringify(result.error)}`);
  return result.value;
}

/** The demo org's month-to-date USD spend, summed from the mirror's cost table. */
function monthToDateNanocents(): bigint {
  const now = new Date(nowMs);
  const monthStart = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1);
  const row = demo.db
    .prepare(
      `SELECT SUM(amount_nanocents) AS total FROM cost_daily WHERE currency = 'USD' AND bucket_start_ms >= ? AND bucket_start_ms <= ?`,
    )
    .safeIntegers(true)
    .get(BigInt(monthStart), BigInt(nowMs)) as { total: bigint };
  return row.total;
}

function localEvents(type: string): Array<{ summary: string; after_json: string | null }> {
  return demo.db
    .prepare(`SELECT summary, after_json FROM audit_events WHERE source = 'local' AND type = ? ORDER BY id`)
    .all(type) as never;
}

describe('alert centre channels on the demo org', () => {
  it('answers an empty list and refuses changes while no mirror is open', async () => {
    const call = handlersFor(() => null);
    expect(await value<AlertsList>(call('clade:alerts/list'))).toMatchObject({ open: [], recent: [], snoozes: [] });
    const refused = await call('clade:alerts/snooze', { rule: 'spend-threshold', targetId: null, duration: '1h' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'unavailable' } });
  });

  it('a saved org budget below month-to-date spend opens the crossed threshold at once, recorded as a settings change', async () => {
    const call = handlersFor(() => demo.db);
    const state = await value<AlertRulesState>(call('clade:alerts/rules'));
    expect(state.form.orgMonthlyUsd).toBe('');
    expect(state.form.thresholdsPct).toBe('50, 80, 95, 100');
    expect(state.workspaces.length).toBeGreaterThan(0);
    // Half of month-to-date spend, in whole dollars: 200 % of the budget, so the 100 % threshold is the open one.
    const spentUsd = monthToDateNanocents() / 100_000_000_000n;
    const budget = String(spentUsd / 2n);
    const saved = await value<SetAlertRulesResult>(
      call('clade:alerts/set-rules', { ...state.form, orgMonthlyUsd: budget }),
    );
    expect(saved).toMatchObject({ saved: true, errors: {} });
    expect(saved.form.orgMonthlyUsd).toBe(budget);
    expect(loadAlertRules(demo.db, 'UTC').budgets.orgMonthlyUsd).toBe(budget);

    const list = await value<AlertsList>(call('clade:alerts/list'));
    const crossed = list.open.filter(
      (e) => e.rule === 'spend-threshold' && e.targetKind === 'organization' && /budget/i.test(e.title),
    );
    expect(crossed).toHaveLength(1);
    expect(crossed[0]!.title).toMatch(/has reached its monthly budget$/);
    expect(crossed[0]!.body).toMatch(/\(200 %\)\.$/);
    expect(crossed[0]!.view).toBe('spend');
    expect(crossed[0]!.body).toContain(formatUsd(usdToNanocents(budget)!));
    const severities = list.open.map((e) => e.severity);
    expect(severities).toEqual(
      [...severities].sort(
        (a, b) => ['critical', 'warning', 'info'].indexOf(a) - ['critical', 'warning', 'info'].indexOf(b),
      ),
    );
    const changes = localEvents('settings.changed');
    expect(changes.at(-1)!.summary).toBe('Changed setting budgets.orgMonthlyUsd');
    expect(JSON.parse(changes.at(-1)!.after_json!)).toEqual({ 'budgets.orgMonthlyUsd': budget });
  });

  it('refuses bad values next to their fields and stores nothing', async () => {
    const call = handlersFor(() => demo.db);
    const { form, workspaces } = await value<AlertRulesState>(call('clade:alerts/rules'));
    const workspaceId = workspaces[0]!.id;
    const before = localEvents('settings.changed').length;
    const bad: AlertRulesForm = {
      ...form,
      orgMonthlyUsd: '-5',
      thresholdsPct: '50, 50',
      rotationDays: 'ninety',
      quietStart: '25:00',
      timeZone: 'Mars/Olympus',
      workspaceBudgets: [{ workspaceId, usd: '12,50' }],
    };
    const refused = await value<SetAlertRulesResult>(call('clade:alerts/set-rules', bad));
    expect(refused.saved).toBe(false);
    expect(Object.keys(refused.errors).sort()).toEqual(
      [
        'orgMonthlyUsd',
        'quietStart',
        'rotationDays',
        'thresholdsPct',
        'timeZone',
        `workspaceBudgets.${workspaceId}`,
      ].sort(),
    );
    expect(refused.errors['orgMonthlyUsd']).toMatch(/positive USD amount/);
    expect(refused.errors['rotationDays']).toBe('must be a whole number');
    expect(refused.form).toEqual(bad);
    expect(loadAlertRules(demo.db, 'UTC')).toEqual(defaultAlertRules('UTC'));
    expect(localEvents('settings.changed')).toHaveLength(before);
  });

  it('saves key policies, a workspace budget, toggles, quiet hours and the digest', async () => {
    const call = handlersFor(() => demo.db);
    const { form, workspaces } = await value<AlertRulesState>(call('clade:alerts/rules'));
    const workspaceId = workspaces[0]!.id;
    const saved = await value<SetAlertRulesResult>(
      call('clade:alerts/set-rules', {
        ...form,
        workspaceBudgets: [{ workspaceId, usd: '250.50' }],
        rotationDays: '60',
        dormantDays: '45',
        expiryDays: '30, 7',
        anomalyEnabled: false,
        forecastEnabled: false,
        quietHoursEnabled: true,
        quietStart: '21:00',
        quietEnd: '06:30',
        timeZone: 'Europe/Berlin',
        digestEnabled: true,
        digestAt: '09:00',
      }),
    );
    expect(saved.saved).toBe(true);
    const rules = loadAlertRules(demo.db, 'UTC');
    expect(rules.budgets.workspaceMonthlyUsd).toEqual({ [workspaceId]: '250.50' });
    expect(rules.keys).toEqual({ expiryDays: [30, 7], rotationDays: 60, dormantDays: 45 });
    expect(rules.disabledRules).toEqual(['spend-anomaly']);
    expect(rules.forecast.enabled).toBe(false);
    expect(rules.quietHours).toEqual({ enabled: true, start: '21:00', end: '06:30', timeZone: 'Europe/Berlin' });
    expect(rules.digest).toEqual({ enabled: true, at: '09:00' });
    expect(saved.form).toMatchObject({
      anomalyEnabled: false,
      forecastEnabled: false,
      rotationDays: '60',
      expiryDays: '30, 7',
    });
  });

  it('snoozes a target for a day and unsnoozes it, each recorded in the trail, with held episodes marked', async () => {
    const call = handlersFor(() => demo.db);
    const open = (await value<AlertsList>(call('clade:alerts/list'))).open;
    const episode = open.find((e) => e.notifiedAtMs === null) ?? open[0]!;
    const snoozed = await value<AlertsList>(
      call('clade:alerts/snooze', { rule: episode.rule, targetId: episode.targetId, duration: '1d' }),
    );
    expect(snoozed.snoozes).toEqual([
      { rule: episode.rule, targetId: episode.targetId, targetName: episode.targetName, untilMs: nowMs + 24 * HOUR },
    ]);
    if (episode.notifiedAtMs === null) {
      expect(snoozed.open.find((e) => e.id === episode.id)).toMatchObject({
        heldBy: 'snooze',
        heldUntilMs: nowMs + 24 * HOUR,
      });
    }
    const [event] = localEvents('alerts.snoozed').slice(-1);
    expect(event!.summary).toContain(`“${episode.targetName}”`);
    expect(JSON.parse(event!.after_json!)).toMatchObject({
      rule: episode.rule,
      targetId: episode.targetId,
      until: new Date(nowMs + 24 * HOUR).toISOString(),
    });

    const unsnoozed = await value<AlertsList>(
      call('clade:alerts/unsnooze', { rule: episode.rule, targetId: episode.targetId }),
    );
    expect(unsnoozed.snoozes).toEqual([]);
    expect(loadSnoozes(demo.db)).toEqual([]);
    expect(localEvents('alerts.unsnoozed').at(-1)!.summary).toMatch(/^Ended the snooze of /);
  });

  it('refuses an unknown rule and an oversized target before any handler runs', async () => {
    const call = handlersFor(() => demo.db);
    expect(await call('clade:alerts/snooze', { rule: 'drop-tables', targetId: null, duration: '1h' })).toMatchObject({
      ok: false,
      error: { code: 'bad-request' },
    });
    expect(
      await call('clade:alerts/snooze', { rule: 'key-expiry', targetId: 'x'.repeat(201), duration: '1h' }),
    ).toMatchObject({ ok: false, error: { code: 'bad-request' } });
    expect(
      await call('clade:alerts/snooze', { rule: 'key-expiry', targetId: null, duration: 'forever' }),
    ).toMatchObject({ ok: false, error: { code: 'bad-request' } });
  });
});

describe('until tomorrow morning', () => {
  it('is 08:00 the next local day, across a daylight-saving change', () => {
    // 2026-10-24 22:30 in Berlin (CEST, UTC+2); clocks go back on the 25th: 08:00 CET = 07:00 UTC.
    expect(new Date(tomorrowMorningMs(Date.parse('2026-10-24T20:30:00Z'), 'Europe/Berlin')).toISOString()).toBe(
      '2026-10-25T07:00:00.000Z',
    );
    // Just after midnight it is still the next calendar day's morning.
    expect(new Date(tomorrowMorningMs(Date.parse('2026-11-23T23:10:00Z'), 'UTC')).toISOString()).toBe(
      '2026-11-24T08:00:00.000Z',
    );
    expect(new Date(tomorrowMorningMs(Date.parse('2026-11-24T00:10:00Z'), 'America/New_York')).toISOString()).toBe(
      '2026-11-24T13:00:00.000Z',
    );
  });
});
