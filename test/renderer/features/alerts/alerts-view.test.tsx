import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { App } from '../../../../renderer/App';
import { AlertsView } from '../../../../renderer/features/alerts/AlertsView';
import { useAlertsStore } from '../../../../renderer/stores/useAlertsStore';
import { useAppStore } from '../../../../renderer/stores/useAppStore';
import { useOrgStore } from '../../../../renderer/stores/useOrgStore';
import { useUiStore } from '../../../../renderer/stores/useUiStore';
import type {
  AlertEpisode,
  AlertRulesForm,
  AlertRulesState,
  AlertsList,
  SetAlertRulesResult,
} from '../../../../preload/contract';
import { installFakeApi } from '../../fake-api';
import { demoTree } from '../../fixtures';

const NOW = Date.parse('2026-11-23T10:00:00Z');
const HOUR = 3_600_000;

function episode(fields: Partial<AlertEpisode> & Pick<AlertEpisode, 'id' | 'title'>): AlertEpisode {
  return {
    rule: 'spend-threshold',
    severity: 'critical',
    targetKind: 'workspace',
    targetId: 'wrkspc_prod',
    targetName: 'Production',
    body: '$8,952.46 of $2,000.00 spent in November 2026 (447 %).',
    view: 'spend',
    openedAtMs: NOW - 3 * HOUR,
    closedAtMs: null,
    notifiedAtMs: NOW - 3 * HOUR,
    heldBy: null,
    heldUntilMs: null,
    ...fields,
  };
}

const list: AlertsList = {
  nowMs: NOW,
  timeZone: 'UTC',
  open: [
    episode({ id: 'a@1', title: 'Production has reached its monthly spend limit' }),
    episode({
      id: 'b@1',
      rule: 'key-expiry',
      severity: 'warning',
      targetKind: 'key',
      targetId: 'apikey_1',
      targetName: 'ci-deploy',
      title: 'Key "ci-deploy" expires in 6 days',
      body: 'The key expires Sun, 29 Nov 2026, 16:00 (UTC).',
      view: 'keys',
      notifiedAtMs: null,
      heldBy: 'quiet-hours',
      heldUntilMs: NOW + 2 * HOUR,
    }),
  ],
  recent: [
    episode({
      id: 'c@1',
      severity: 'warning',
      title: 'Research has used 80 % of its monthly budget',
      targetName: 'Research',
      closedAtMs: NOW - HOUR,
    }),
  ],
  snoozes: [{ rule: 'key-dormant', targetId: null, targetName: null, untilMs: NOW + 5 * HOUR }],
};

const form: AlertRulesForm = {
  orgMonthlyUsd: '',
  workspaceBudgets: [],
  thresholdsPct: '50, 80, 95, 100',
  useApiSpendLimits: true,
  forecastEnabled: true,
  anomalyEnabled: true,
  expiryDays: '14, 7, 1',
  rotationDays: '90',
  dormantDays: '30',
  quietHoursEnabled: false,
  quietStart: '22:00',
  quietEnd: '07:00',
  timeZone: 'UTC',
  digestEnabled: false,
  digestAt: '08:30',
};
const rulesState: AlertRulesState = {
  form,
  workspaces: [
    { id: 'wrkspc_prod', name: 'Production', archived: false },
    { id: 'wrkspc_res', name: 'Research', archived: false },
  ],
  systemTimeZone: 'UTC',
};

beforeEach(() => {
  useAlertsStore.setState({
    list: null,
    listError: null,
    rules: null,
    rulesError: null,
    fieldErrors: {},
    status: null,
    actionError: null,
    busy: false,
  });
});
afterEach(() => {
  cleanup();
  delete window.api;
});

describe('the alert centre', () => {
  it('lists open alerts (severity, text, target, opened at and age, held notice), snoozes and recently closed ones', async () => {
    installFakeApi({ 'clade:alerts/list': () => list, 'clade:alerts/rules': () => rulesState });
    render(<AlertsView />);
    const open = await screen.findByRole('region', { name: 'Open alerts (2)' });
    const [first, second] = within(open).getAllByRole('listitem');
    expect(within(first!).getByText('Critical')).toBeInTheDocument();
    expect(
      within(first!).getByRole('heading', { name: 'Production has reached its monthly spend limit' }),
    ).toBeInTheDocument();
    expect(first).toHaveTextContent('$8,952.46 of $2,000.00 spent in November 2026 (447 %).');
    expect(first).toHaveTextContent('TargetProduction');
    expect(first).toHaveTextContent('Opened23 Nov, 07:00 (3 h ago)');
    expect(second).toHaveTextContent('Notification held for quiet hours until 23 Nov, 12:00');
    expect(screen.getByRole('region', { name: 'Snoozed' })).toHaveTextContent(
      'Dormant keys alerts, until 23 Nov, 15:00',
    );
    const recent = screen.getByRole('region', { name: 'Recently closed (1)' });
    expect(recent).toHaveTextContent('Research has used 80 % of its monthly budget');
    expect(recent).toHaveTextContent('Closed23 Nov, 09:00 (1 h ago)');
    expect(within(recent).queryByRole('button', { name: 'Snooze' })).toBeNull();
  });

  it('snoozes every alert on a target until tomorrow morning, and unsnoozes', async () => {
    const after: AlertsList = {
      ...list,
      snoozes: [{ rule: '*', targetId: 'apikey_1', targetName: 'ci-deploy', untilMs: NOW + 22 * HOUR }],
    };
    const fake = installFakeApi({
      'clade:alerts/list': () => list,
      'clade:alerts/rules': () => rulesState,
      'clade:alerts/snooze': () => after,
      'clade:alerts/unsnooze': () => ({ ...list, snoozes: [] }),
    });
    render(<AlertsView />);
    const group = await screen.findByRole('group', { name: 'Snooze: Key "ci-deploy" expires in 6 days' });
    fireEvent.change(within(group).getByLabelText('Snooze'), { target: { value: 'target' } });
    fireEvent.change(within(group).getByLabelText('for'), { target: { value: 'tomorrow-morning' } });
    fireEvent.click(within(group).getByRole('button', { name: 'Snooze' }));
    expect(await screen.findByText('Snoozed every alert on ci-deploy.')).toBeInTheDocument();
    expect(fake.calls.find((c) => c.channel === 'clade:alerts/snooze')?.request).toEqual({
      rule: '*',
      targetId: 'apikey_1',
      duration: 'tomorrow-morning',
    });
    fireEvent.click(screen.getByRole('button', { name: 'Unsnooze every alert on ci-deploy' }));
    expect(await screen.findByText('Nothing is snoozed.')).toBeInTheDocument();
    expect(fake.calls.find((c) => c.channel === 'clade:alerts/unsnooze')?.request).toEqual({
      rule: '*',
      targetId: 'apikey_1',
    });
  });

  it("shows main's refusal next to the field (linked by aria-describedby), then saves a good value", async () => {
    let attempt = 0;
    const fake = installFakeApi({
      'clade:alerts/list': () => list,
      'clade:alerts/rules': () => rulesState,
      'clade:alerts/set-rules': (request): SetAlertRulesResult => {
        attempt += 1;
        return attempt === 1
          ? {
              ...rulesState,
              form: request,
              saved: false,
              errors: { orgMonthlyUsd: 'must be a positive USD amount written as a decimal, e.g. "1500" or "1500.50"' },
            }
          : { ...rulesState, form: request, saved: true, errors: {} };
      },
    });
    render(<AlertsView />);
    const budget = await screen.findByLabelText('Organization monthly budget (USD)');
    fireEvent.change(budget, { target: { value: '-5' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save rules' }));
    const message = await screen.findByText(/must be a positive USD amount/);
    expect(budget).toHaveAttribute('aria-invalid', 'true');
    expect(document.activeElement).toBe(budget);
    expect(budget.getAttribute('aria-describedby')).toContain(message.id);
    fireEvent.change(budget, { target: { value: '1500.50' } });
    fireEvent.click(screen.getByLabelText("Warn about a day far above a workspace's normal spend"));
    fireEvent.click(screen.getByRole('button', { name: 'Save rules' }));
    expect(await screen.findByText('Saved. The alert list follows the new rules.')).toBeInTheDocument();
    expect(screen.queryByText(/must be a positive USD amount/)).toBeNull();
    const sent = fake.calls.filter((c) => c.channel === 'clade:alerts/set-rules').at(-1)!.request as AlertRulesForm;
    expect(sent).toMatchObject({ orgMonthlyUsd: '1500.50', anomalyEnabled: false });
  });

  it('adds a budget for a workspace picked from the mirror', async () => {
    const fake = installFakeApi({
      'clade:alerts/list': () => list,
      'clade:alerts/rules': () => rulesState,
      'clade:alerts/set-rules': (request) => ({ ...rulesState, form: request, saved: true, errors: {} }),
    });
    render(<AlertsView />);
    fireEvent.change(await screen.findByLabelText('Add a budget for'), { target: { value: 'wrkspc_res' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add budget' }));
    fireEvent.change(screen.getByLabelText('Budget for Research'), { target: { value: '300' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save rules' }));
    await screen.findByText('Saved. The alert list follows the new rules.');
    const sent = fake.calls.filter((c) => c.channel === 'clade:alerts/set-rules').at(-1)!.request as AlertRulesForm;
    expect(sent.workspaceBudgets).toEqual([{ workspaceId: 'wrkspc_res', usd: '300' }]);
  });
});

describe('navigation pushed by main', () => {
  beforeEach(() => {
    useOrgStore.setState({ status: 'idle', tree: null, error: null });
    useAppStore.setState({ info: null, error: null });
    useUiStore.setState({ view: 'overview', onboarded: true, theme: 'system', navigationTarget: null });
  });

  it('a navigate push switches the window to the asked view, and the nav offers Alerts', async () => {
    const fake = installFakeApi({
      'clade:app/info': () => ({ name: 'Clade Admin', version: '0.1.0', mode: 'demo' }),
      'clade:org/tree': () => demoTree,
      'clade:alerts/list': () => list,
      'clade:alerts/rules': () => rulesState,
    });
    render(<App />);
    expect(fake.listenerCount('clade:app/navigate-changed')).toBe(1);
    act(() => fake.push('clade:app/navigate-changed', { view: 'alerts' }));
    expect(await screen.findByRole('heading', { level: 2, name: 'Alerts' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Alerts' })).toHaveAttribute('aria-current', 'page');
    act(() => fake.push('clade:app/navigate-changed', { view: 'keys', target: 'apikey_1' }));
    expect(useUiStore.getState()).toMatchObject({ view: 'keys', navigationTarget: 'apikey_1' });
    expect(screen.getByRole('button', { name: 'API keys' })).toHaveAttribute('aria-current', 'page');
  });

  it('a new window takes the navigation main held for it while it loaded (a notification clicked with no window)', async () => {
    installFakeApi({
      'clade:app/info': () => ({ name: 'Clade Admin', version: '0.1.0', mode: 'demo' }),
      'clade:org/tree': () => demoTree,
      'clade:alerts/list': () => list,
      'clade:alerts/rules': () => rulesState,
      'clade:app/take-navigation': () => ({ view: 'alerts' }),
    });
    render(<App />);
    expect(await screen.findByRole('heading', { level: 2, name: 'Alerts' })).toBeInTheDocument();
  });

  it('a finished sync reloads the alert list', async () => {
    const fake = installFakeApi({
      'clade:app/info': () => ({ name: 'Clade Admin', version: '0.1.0', mode: 'demo' }),
      'clade:org/tree': () => demoTree,
      'clade:alerts/list': () => list,
      'clade:alerts/rules': () => rulesState,
    });
    render(<App />);
    const before = fake.calls.filter((c) => c.channel === 'clade:alerts/list').length;
    act(() => fake.push('clade:sync/progress-changed', { phase: 'done', resource: null, page: 0, rows: 10 }));
    expect(fake.calls.filter((c) => c.channel === 'clade:alerts/list').length).toBe(before + 1);
  });
});
