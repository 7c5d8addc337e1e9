import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { OverviewView } from '../../../../renderer/features/overview/OverviewView';
import { useOverviewStore } from '../../../../renderer/stores/useOverviewStore';
import { useUiStore } from '../../../../renderer/stores/useUiStore';
import type { MirrorStatus, Overview } from '../../../../preload/contract';
import { installFakeApi } from '../../fake-api';

const NOW = Date.UTC(2026, 10, 21, 9, 17);
const status: MirrorStatus = {
  org: { id: 'org_01TEST', name: 'Acme Research' },
  syncedAtMs: NOW - 3 * 60_000,
  counts: { workspaces: 3, users: 4, api_keys: 5, invites: 1 },
  resources: [],
  credential: null,
};

function overview(over: Partial<Overview> = {}): Overview {
  return {
    org: { id: 'org_01TEST', name: 'Acme Research' },
    currency: 'USD',
    month: '2026-11',
    monthStartMs: Date.UTC(2026, 10, 1),
    lastCostDayMs: Date.UTC(2026, 10, 20),
    monthToDateCents: '1202345.60019',
    forecastCents: '1579279.347657124',
    forecastCaps: ['Research: capped at its $5,000.00 limit'],
    targets: [
      { source: 'budget', amountCents: '2000000', percent: 60, crossingDay: null },
      { source: 'limit', amountCents: '1500000', percent: 80, crossingDay: '2026-11-28' },
    ],
    byWorkspace: [
      {
        workspaceId: 'wrkspc_01PROD',
        name: 'Production',
        cents: '894953.72799',
        targets: [{ source: 'limit', amountCents: '200000', percent: 447, crossingDay: '2026-11-05' }],
      },
      {
        workspaceId: 'wrkspc_01RES',
        name: 'Research',
        cents: '40000',
        targets: [{ source: 'budget', amountCents: '100000', percent: 40, crossingDay: '2026-11-26' }],
      },
      { workspaceId: null, name: 'Default workspace', cents: '1234.5', targets: [] },
    ],
    alerts: {
      open: 7,
      critical: 2,
      warning: 3,
      top: [
        {
          id: 'a@1',
          severity: 'critical',
          title: 'Production has reached its monthly spend limit',
          body: '$8,949.54 spent against a $2,000.00 monthly spend limit.',
          openedAtMs: NOW - 2 * 3_600_000,
        },
        {
          id: 'b@1',
          severity: 'warning',
          title: 'ci-bot expires in 7 days',
          body: 'Rotate it before it stops working.',
          openedAtMs: NOW - 86_400_000,
        },
      ],
    },
    sync: {
      syncedAtMs: NOW - 3 * 60_000,
      problems: [],
      spend: [],
      lastRun: { status: 'ok', finishedAtMs: NOW - 3 * 60_000, detail: null },
    },
    ...over,
  };
}

async function show(value: Overview): Promise<void> {
  installFakeApi({ 'clade:overview/summary': () => value, 'clade:mirror/status': () => status });
  render(<OverviewView />);
  await screen.findByRole('heading', { name: 'Overview' });
}

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date', 'setInterval', 'clearInterval'] });
  vi.setSystemTime(NOW);
  useOverviewStore.setState({ status: 'idle', overview: null, mirror: null, error: null });
});
afterEach(() => {
  cleanup();
  vi.useRealTimers();
  delete window.api;
});

describe('OverviewView', () => {
  it('shows month-to-date spend exactly, against the org budget and the org spend limit with their percentages', async () => {
    await show(overview());
    const card = (await screen.findByRole('heading', { name: 'Spend this month' })).closest('section')!;
    expect(within(card).getByText('$12,023.46')).toBeInTheDocument();
    expect(within(card).getByText('Org budget $20,000.00')).toBeInTheDocument();
    expect(within(card).getByText('60 %')).toBeInTheDocument();
    expect(within(card).getByText('Org spend limit $15,000.00')).toBeInTheDocument();
    expect(within(card).getByText('80 %')).toBeInTheDocument();
    expect(within(card).getByText(/through 20 Nov/)).toBeInTheDocument();
  });

  it('shows the forecast and the day it reaches the limit, and says when the budget is not reached', async () => {
    await show(overview());
    const card = (await screen.findByRole('heading', { name: 'Month-end forecast' })).closest('section')!;
    expect(within(card).getByText('$15,792.79')).toBeInTheDocument();
    expect(within(card).getByText('Acme Research reaches its spend limit around 28 Nov')).toBeInTheDocument();
    expect(within(card).getByText('Acme Research stays within its budget this month')).toBeInTheDocument();
  });

  it('lists spend by workspace with the share of its budget or limit and the crossing day', async () => {
    await show(overview());
    const table = (await screen.findByRole('heading', { name: 'Spend by workspace' })).closest('section')!;
    expect(
      within(table).getByRole('row', {
        name: 'Production $8,949.54 $2,000.00 limit 447 % Passed its spend limit on 5 Nov',
      }),
    ).toBeInTheDocument();
    expect(
      within(table).getByRole('row', {
        name: 'Research $400.00 $1,000.00 budget 40 % Reaches its budget around 26 Nov',
      }),
    ).toBeInTheDocument();
    expect(within(table).getByRole('row', { name: 'Default workspace $12.35 none' })).toBeInTheDocument();
  });

  it('shows the open alerts: the count by severity and the most pressing ones in their own words', async () => {
    await show(overview());
    const card = (await screen.findByRole('heading', { name: 'Open alerts' })).closest('section')!;
    expect(within(card).getByText('2 critical')).toBeInTheDocument();
    expect(within(card).getByText('3 warning')).toBeInTheDocument();
    expect(within(card).getByText('2 info')).toBeInTheDocument();
    const items = within(within(card).getByRole('list', { name: 'Most pressing open alerts' })).getAllByRole(
      'listitem',
    );
    expect(items.map((item) => item.textContent)).toEqual([
      'Critical Production has reached its monthly spend limit$8,949.54 spent against a $2,000.00 monthly spend limit. Open since 2 h ago.',
      'Warning ci-bot expires in 7 daysRotate it before it stops working. Open since 1 day ago.',
    ]);
    expect(within(card).getByText('and 5 more open')).toBeInTheDocument();
    useUiStore.setState({ view: 'overview' });
    fireEvent.click(within(card).getByRole('button', { name: 'Open alert centre' }));
    expect(useUiStore.getState().view).toBe('alerts');
  });

  it('says "as of 09:14, 3 min ago" and keeps counting every minute', async () => {
    await show(overview());
    expect(await screen.findByText(/synced as of .+, 3 min ago/)).toBeInTheDocument();
    act(() => vi.advanceTimersByTime(60_000));
    expect(screen.getByText(/synced as of .+, 4 min ago/)).toBeInTheDocument();
    expect(screen.queryByRole('status')).not.toBeInTheDocument();
  });

  it('is clearly offline when the key was rejected, and still shows the last data', async () => {
    await show(
      overview({
        sync: {
          syncedAtMs: NOW - 2 * 3_600_000,
          problems: ['credential-invalid'],
          spend: [],
          lastRun: { status: 'credential_invalid', finishedAtMs: NOW - 60_000, detail: 'refused' },
        },
      }),
    );
    const notice = screen.getByRole('status');
    expect(notice).toHaveTextContent('Offline: the admin key was rejected.');
    expect(notice).toHaveTextContent(/Showing the mirror as of .+, 2 h ago\. Connect a new key in Settings\./);
    expect(screen.getByText('$12,023.46')).toBeInTheDocument();
  });

  it('is clearly offline when the last sync failed after the last good one', async () => {
    await show(
      overview({
        sync: {
          syncedAtMs: NOW - 20 * 60_000,
          problems: [],
          spend: [],
          lastRun: { status: 'failed', finishedAtMs: NOW - 5 * 60_000, detail: 'connect ECONNREFUSED' },
        },
      }),
    );
    expect(screen.getByRole('status')).toHaveTextContent(
      'Offline: the last sync failed. Failed 5 min ago: connect ECONNREFUSED. Showing the mirror as of',
    );
  });

  it('says it never synced, with no forecast and no alerts, before the first sync', async () => {
    await show(
      overview({
        org: null,
        lastCostDayMs: null,
        monthToDateCents: '0',
        forecastCents: null,
        targets: [],
        byWorkspace: [],
        alerts: { open: 0, critical: 0, warning: 0, top: [] },
        sync: { syncedAtMs: null, problems: ['no-data'], spend: [], lastRun: null },
      }),
    );
    expect(screen.getByRole('status')).toHaveTextContent('Never synced. Nothing has been synced yet.');
    expect(screen.getByText('Too little cost history to project the month yet.')).toBeInTheDocument();
    expect(screen.getByText('None')).toBeInTheDocument();
    expect(screen.queryByRole('heading', { name: 'Spend by workspace' })).not.toBeInTheDocument();
    expect(screen.getByText(/synced never synced/)).toBeInTheDocument();
  });
});
