import { describe, expect, it, vi } from 'vitest';
import {
  buildTrayMenuTemplate,
  MENU_ALERT_LIMIT,
  type TrayMenuActions,
  type TrayMenuData,
} from '../../../main/app/tray/tray-menu';
import type { Episode, MonthSpendSummary } from '../../../main/core/alerts/index';

const NOW = Date.parse('2026-11-23T10:00:00Z');
const USD = 100_000_000_000n; // nanocents per dollar

function actions(): TrayMenuActions & { calls: unknown[][] } {
  const calls: unknown[][] = [];
  return {
    calls,
    syncNow: () => calls.push(['sync']),
    pauseAlerts: () => calls.push(['pause']),
    resumeAlerts: () => calls.push(['resume']),
    openWindow: (view) => calls.push(['open', view]),
    quit: () => calls.push(['quit']),
  };
}

const spend: MonthSpendSummary = {
  month: '2026-11',
  spentNanocents: 3450n * USD,
  projectedNanocents: 4500n * USD,
  forecastCaps: [],
  budgetNanocents: 4000n * USD,
  budgetCrossingDay: '2026-11-26',
  topWorkspaces: [
    { workspaceKey: 'wrkspc_prod', name: 'Production', spentNanocents: 2760n * USD },
    { workspaceKey: 'wrkspc_stg', name: 'Staging', spentNanocents: 690n * USD },
  ],
};

function episode(id: string, severity: Episode['severity'], title: string, openedAtMs = NOW): Episode {
  return {
    id,
    conditionId: id,
    rule: 'key-expiry',
    severity,
    targetKind: 'key',
    targetId: `apikey_${id}`,
    targetName: id,
    title,
    body: '',
    view: { view: 'keys', id: `apikey_${id}` },
    openedAtMs,
    lastSeenAtMs: NOW,
    closedAtMs: null,
    notifiedAtMs: null,
    heldBy: null,
    heldUntilMs: null,
  };
}

const data = (fields: Partial<TrayMenuData> = {}): TrayMenuData => ({
  orgName: 'Acme',
  spend,
  openAlerts: [],
  pausedUntilMs: null,
  syncing: false,
  canSync: true,
  nowMs: NOW,
  timeZone: 'Europe/Berlin',
  ...fields,
});

const labels = (template: ReturnType<typeof buildTrayMenuTemplate>) =>
  template.map((item) => (item.type === 'separator' ? '---' : item.label));

describe('buildTrayMenuTemplate', () => {
  it('shows the month-to-date spend, the forecast, the budget, the top workspaces and the fixed actions', () => {
    expect(labels(buildTrayMenuTemplate(data(), actions()))).toEqual([
      'Acme',
      'November 2026: $3,450.00 spent',
      'Forecast: $4,500.00 by month end',
      'Budget: $4,000.00, reached around the 26th',
      '---',
      'Top workspaces',
      'Production: $2,760.00',
      'Staging: $690.00',
      '---',
      'No open alerts',
      '---',
      'Sync now',
      'Pause alerts for 1 h',
      '---',
      'Open Clade Admin',
      'Quit',
    ]);
  });

  it('says when there is no data, no forecast yet, or the budget is already exceeded', () => {
    expect(labels(buildTrayMenuTemplate(data({ orgName: null, spend: null }), actions())).slice(0, 2)).toEqual([
      'Clade Admin',
      'No data synced yet',
    ]);
    const early = { ...spend, projectedNanocents: null, budgetNanocents: 3000n * USD, budgetCrossingDay: null };
    expect(labels(buildTrayMenuTemplate(data({ spend: early }), actions())).slice(2, 4)).toEqual([
      'Forecast: not enough history yet',
      'Budget: $3,000.00, exceeded',
    ]);
  });

  it('lists open alerts most severe first (newest first within a severity), at most five, each opening its view', () => {
    const open = [
      episode('a', 'info', 'Key "a" is 100 days old'),
      episode('b', 'warning', 'Key "b" expires in 6 days', NOW - 1000),
      episode('c', 'critical', 'Production has reached its monthly spend limit'),
      episode('d', 'warning', 'Key "d" expires in 2 days'),
      episode('e', 'info', 'Key "e" is 95 days old'),
      episode('f', 'info', 'Key "f" is 91 days old'),
      episode('g', 'info', 'Key "g" is 92 days old', NOW - 5),
    ];
    const act = actions();
    const template = buildTrayMenuTemplate(data({ openAlerts: open }), act);
    const alertLabels = labels(template).slice(
      labels(template).indexOf('7 open alerts'),
      labels(template).indexOf('Sync now') - 1,
    );
    expect(alertLabels).toEqual([
      '7 open alerts',
      'Critical: Production has reached its monthly spend limit',
      'Warning: Key "d" expires in 2 days',
      'Warning: Key "b" expires in 6 days',
      'Info: Key "a" is 100 days old',
      'Info: Key "e" is 95 days old',
      `…and ${7 - MENU_ALERT_LIMIT} more`,
    ]);
    (template.find((item) => item.label === 'Warning: Key "d" expires in 2 days')!.click as () => void)();
    (template.find((item) => item.label === '…and 2 more')!.click as () => void)();
    (template.find((item) => item.label === 'Production: $2,760.00')!.click as () => void)();
    expect(act.calls).toEqual([
      ['open', { view: 'keys', target: 'apikey_d' }],
      ['open', { view: 'alerts' }],
      ['open', { view: 'spend', target: 'wrkspc_prod' }],
    ]);
  });

  it('offers to resume while paused (local time), disables "Sync now" while syncing or without a sync, and wires every action', () => {
    const act = actions();
    const paused = buildTrayMenuTemplate(data({ pausedUntilMs: NOW + 3_600_000, syncing: true }), act);
    // 11:00 UTC is 12:00 in Berlin in November.
    expect(labels(paused)).toContain('Alerts paused until 12:00: resume');
    expect(paused.find((item) => item.label === 'Syncing…')?.enabled).toBe(false);
    expect(
      buildTrayMenuTemplate(data({ canSync: false }), act).find((item) => item.label === 'Sync now')?.enabled,
    ).toBe(false);
    const click = (template: typeof paused, label: string) =>
      (template.find((item) => item.label === label)!.click as () => void)();
    click(paused, 'Alerts paused until 12:00: resume');
    const normal = buildTrayMenuTemplate(data(), act);
    for (const label of ['Sync now', 'Pause alerts for 1 h', 'Open Clade Admin', 'Quit']) click(normal, label);
    expect(act.calls).toEqual([['resume'], ['sync'], ['pause'], ['open', null], ['quit']]);
    // An expired pause is not shown.
    expect(labels(buildTrayMenuTemplate(data({ pausedUntilMs: NOW }), act))).toContain('Pause alerts for 1 h');
  });

  it('never shows a key in a label', () => {
    const leaky = episode('x', 'warning', 'Key sk-ant-api03-TESTabcdefghijklmnopqrstuvwxyz0123456789 leaked');
    const template = buildTrayMenuTemplate(
      data({ openAlerts: [leaky], orgName: 'Org sk-ant-admin01-TESTabcdefghijklmnop' }),
      { ...actions(), openWindow: vi.fn() },
    );
    const text = labels(template).join('\n');
    expect(text).not.toMatch(/TESTabcdefgh/);
    expect(text).toMatch(/sk-ant-api03-…\[redacted\]/);
  });
});
