import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { App } from '../../renderer/App';
import { useOrgStore } from '../../renderer/stores/useOrgStore';
import { useAppStore } from '../../renderer/stores/useAppStore';
import { useUiStore } from '../../renderer/stores/useUiStore';
import { useOverviewStore } from '../../renderer/stores/useOverviewStore';
import { useKeysStore } from '../../renderer/stores/useKeysStore';
import type { KeyInventoryRow, MirrorStatus, Overview, SpendSummary } from '../../preload/contract';
import { installFakeApi, type FakeAnswers } from './fake-api';
import { demoTree } from './fixtures';
import { giveElementsASize } from './layout';

const DAY = 86_400_000;
const status: MirrorStatus = {
  org: { id: 'org_01TEST', name: 'Acme Research' },
  syncedAtMs: Date.now() - 3 * 60_000,
  counts: { workspaces: 3, users: 3, api_keys: 2, invites: 1 },
  resources: [{ resource: 'api_keys', lastSyncedAtMs: Date.now() - 3 * 60_000, rows: 2, status: 'ok', detail: null }],
  credential: null,
};
const spend: SpendSummary = {
  currency: 'USD',
  monthStartMs: Date.UTC(2026, 10, 1),
  lastCostDayMs: Date.UTC(2026, 10, 10),
  monthToDateCents: '123456.5',
  forecastCents: '370369.5',
  byWorkspace: [{ workspaceId: 'wrkspc_01PROD', name: 'Production', cents: '123456.5' }],
};
const overview: Overview = {
  org: { id: 'org_01TEST', name: 'Acme Research' },
  currency: 'USD',
  month: '2026-11',
  monthStartMs: Date.UTC(2026, 10, 1),
  lastCostDayMs: Date.UTC(2026, 10, 10),
  monthToDateCents: '123456.5',
  forecastCents: '370369.5',
  forecastCaps: [],
  targets: [],
  byWorkspace: [{ workspaceId: 'wrkspc_01PROD', name: 'Production', cents: '123456.5', targets: [] }],
  alerts: { open: 0, critical: 0, warning: 0, top: [] },
  sync: { syncedAtMs: Date.now() - 3 * 60_000, problems: [], spend: [], lastRun: null },
};
const keyRow = (over: Partial<KeyInventoryRow>): KeyInventoryRow => ({
  id: 'apikey_01A',
  name: 'prod-backend',
  workspaceId: 'wrkspc_01PROD',
  workspaceName: 'Production',
  status: 'active',
  partialKeyHint: 'sk-ant-api03-R2D...igAA',
  createdAtMs: Date.now() - 20 * DAY,
  expiresAtMs: null,
  creatorName: 'Ada Lovelace',
  creatorIsMember: true,
  lastUsedDayMs: Date.now() - DAY,
  tokens30d: 1_250_000,
  verdict: 'ok',
  reason: 'Active, in use, and younger than the rotation policy.',
  ...over,
});
const keys = [
  keyRow({}),
  keyRow({
    id: 'apikey_01B',
    name: 'left-behind',
    creatorIsMember: false,
    verdict: 'orphaned',
    reason: 'Its creator is no longer a member of the organization.',
  }),
];

const answers: FakeAnswers = {
  'clade:app/info': () => ({ name: 'Clade Admin', version: '0.1.0', mode: 'demo' }),
  'clade:org/tree': () => demoTree,
  'clade:mirror/status': () => status,
  'clade:spend/summary': () => spend,
  'clade:overview/summary': () => overview,
  'clade:keys/inventory': () => keys,
};

beforeEach(() => {
  giveElementsASize();
  localStorage.clear();
  useOrgStore.setState({ status: 'idle', tree: null, error: null });
  useAppStore.setState({ info: null, error: null });
  useOverviewStore.setState({ status: 'idle', mirror: null, overview: null, error: null });
  useKeysStore.setState({ status: 'idle', keys: [], error: null });
  useUiStore.setState({ view: 'overview', onboarded: false, theme: 'system' });
});
afterEach(() => {
  cleanup();
  delete window.api;
  delete document.documentElement.dataset.theme;
});

describe('first run (demo mode)', () => {
  it('shows the welcome screen: what the app does, where to create an Admin key, what it will and will not do', async () => {
    installFakeApi(answers);
    render(<App />);
    expect(await screen.findByRole('heading', { name: 'Welcome to Clade Admin' })).toBeInTheDocument();
    expect(screen.getByText(/Settings → Admin keys/)).toBeInTheDocument();
    expect(screen.getByText(/Only organization admins/)).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: /will do with it/ })).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: /never do/ })).toBeInTheDocument();
    expect(screen.queryByRole('navigation')).not.toBeInTheDocument();
  });

  it('"Explore the demo org" opens the org tree and is remembered', async () => {
    installFakeApi(answers);
    render(<App />);
    fireEvent.click(await screen.findByRole('button', { name: 'Explore the demo org' }));
    expect(await screen.findByRole('tree')).toBeInTheDocument();
    expect(JSON.parse(localStorage.getItem('clade-admin.ui')!)).toMatchObject({ onboarded: true });
  });

  it('skips the welcome screen when a key is connected (live mode)', async () => {
    installFakeApi({ ...answers, 'clade:app/info': () => ({ name: 'Clade Admin', version: '0.1.0', mode: 'live' }) });
    render(<App />);
    expect(await screen.findByRole('navigation', { name: 'Views' })).toBeInTheDocument();
    expect(screen.queryByRole('heading', { name: 'Welcome to Clade Admin' })).not.toBeInTheDocument();
  });
});

describe('views', () => {
  beforeEach(() => useUiStore.setState({ onboarded: true }));

  it('overview shows exact month-to-date spend, the forecast, spend by workspace and freshness', async () => {
    installFakeApi(answers);
    render(<App />);
    const card = (await screen.findByRole('heading', { name: 'Spend this month' })).closest('section')!;
    expect(within(card).getByText('$1,234.57')).toBeInTheDocument();
    const forecast = screen.getByRole('heading', { name: 'Month-end forecast' }).closest('section')!;
    expect(within(forecast).getByText('$3,703.70')).toBeInTheDocument();
    const byWorkspace = screen.getByRole('heading', { name: 'Spend by workspace' }).closest('section')!;
    expect(within(byWorkspace).getByRole('row', { name: /^Production \$1,234\.57 none/ })).toBeInTheDocument();
    expect(screen.getByText(/synced as of .*3 min ago/)).toBeInTheDocument();
  });

  it('key inventory lists keys with creator, usage and verdict, and filters to the ones needing attention', async () => {
    installFakeApi(answers);
    render(<App />);
    fireEvent.click(await screen.findByRole('button', { name: 'API keys' }));
    const table = await screen.findByRole('region', { name: 'API keys table' });
    expect(within(table).getByText('prod-backend')).toBeInTheDocument();
    const row = within(table).getByText('prod-backend').closest('tr')!;
    expect(within(row).getByText('1.3M')).toBeInTheDocument();
    expect(within(row).getByText('OK')).toBeInTheDocument();
    expect(within(row).getByText('Ada Lovelace')).toBeInTheDocument();
    expect(within(table).getByText('left the org')).toBeInTheDocument();
    fireEvent.change(screen.getByLabelText('Show'), { target: { value: 'attention' } });
    expect(within(table).queryByText('prod-backend')).not.toBeInTheDocument();
    expect(within(table).getByText('Orphaned')).toBeInTheDocument();
  });

  it('settings change the theme on <html> and persist it', async () => {
    installFakeApi(answers);
    render(<App />);
    fireEvent.click(await screen.findByRole('button', { name: 'Settings' }));
    fireEvent.click(screen.getByRole('radio', { name: 'Dark' }));
    expect(document.documentElement.dataset.theme).toBe('dark');
    expect(JSON.parse(localStorage.getItem('clade-admin.ui')!)).toMatchObject({ theme: 'dark' });
    fireEvent.click(screen.getByRole('radio', { name: 'Follow the system' }));
    expect(document.documentElement.dataset.theme).toBeUndefined();
  });

  it('marks the current view in the navigation', async () => {
    installFakeApi(answers);
    render(<App />);
    const nav = await screen.findByRole('navigation', { name: 'Views' });
    expect(within(nav).getByRole('button', { name: 'Overview' })).toHaveAttribute('aria-current', 'page');
    fireEvent.click(within(nav).getByRole('button', { name: 'Org tree' }));
    expect(within(nav).getByRole('button', { name: 'Org tree' })).toHaveAttribute('aria-current', 'page');
  });
});
