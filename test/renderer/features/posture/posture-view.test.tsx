/**
 * The Posture view over a fake, contract-checked `posture.report()`: the score with its trend, failing items first
 * with their evidence by name and id, a rename fix going through the confirmation dialog to `actions.run` with the
 * suggested name (then the checklist is read again), the budget and review fixes calling their channels.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { PostureView } from '../../../../renderer/features/posture/PostureView';
import { useActionsStore } from '../../../../renderer/stores/useActionsStore';
import { usePostureStore } from '../../../../renderer/stores/usePostureStore';
import type { AdminActionRequest, PostureView as PostureViewData } from '../../../../preload/contract';
import { installFakeApi, type FakeApi } from '../../fake-api';

const NOW = Date.UTC(2026, 10, 24, 10);
const rename = { kind: 'apikey.rename' as const, keyId: 'apikey_01ASDF', name: 'acme-dev-asdf' };
const view = (reviewed: boolean): PostureViewData => ({
  report: {
    score: reviewed ? 67 : 33,
    evaluatedAtMs: NOW,
    problems: [],
    items: [
      {
        id: 'environments-separated',
        title: 'Separate production, staging, development workspaces',
        status: 'pass',
        evidence: [{ kind: 'setting', id: null, name: 'environments', detail: 'production: Production' }],
        fix: null,
      },
      {
        id: 'key-naming',
        title: 'Key names follow {team}-{env}-{purpose}',
        status: 'fail',
        evidence: [
          {
            kind: 'api_key',
            id: 'apikey_01ASDF',
            name: 'asdf',
            detail: 'In Development: “asdf” does not follow {team}-{env}-{purpose}. Suggested: acme-dev-asdf',
            fix: {
              label: 'Rename to acme-dev-asdf',
              command: 'clade-admin apikey rename apikey_01ASDF acme-dev-asdf',
              action: { kind: 'admin-action', action: rename },
            },
          },
        ],
        fix: { label: 'Rename each key to its suggested name', command: 'clade-admin posture --json', action: null },
      },
      {
        id: 'production-budgets',
        title: 'Every production workspace has a budget or spend limit',
        status: 'fail',
        evidence: [
          {
            kind: 'workspace',
            id: 'wrkspc_01PAY',
            name: 'Payments Production',
            detail: 'No monthly budget and no spend limit. Suggested: $120.',
            fix: {
              label: 'Set a monthly budget of $120 for Payments Production',
              command: 'clade-admin config set budgets.workspaceMonthlyUsd.wrkspc_01PAY 120',
              action: { kind: 'set-budget', workspaceId: 'wrkspc_01PAY', usd: '120' },
            },
          },
        ],
        fix: null,
      },
      {
        id: 'audit-reviewed',
        title: 'Audit trail reviewed in the last 90 days',
        status: reviewed ? 'pass' : 'fail',
        evidence: [{ kind: 'audit', id: null, name: 'audit trail', detail: 'Never marked reviewed.' }],
        fix: reviewed
          ? null
          : {
              label: 'Review the audit trail, then mark it reviewed',
              command: 'clade-admin posture mark-reviewed',
              action: { kind: 'mark-reviewed' },
            },
      },
      {
        id: 'compliance-feed',
        title: 'Compliance activity feed connected',
        status: 'not_applicable',
        evidence: [{ kind: 'setting', id: null, name: 'not applicable', detail: 'The org does not have the feed.' }],
        fix: null,
      },
    ],
  },
  trend: [
    { day: '2026-11-22', score: 25, evaluatedAtMs: NOW - 2 * 86_400_000, failing: [] },
    { day: '2026-11-24', score: reviewed ? 67 : 33, evaluatedAtMs: NOW, failing: [] },
  ],
});

let fake: FakeApi;
let reviewed: boolean;
beforeEach(() => {
  reviewed = false;
  useActionsStore.getState().close();
  usePostureStore.setState({ status: 'idle', view: null, error: null, busy: false, fixError: null });
  fake = installFakeApi({
    'clade:posture/report': () => view(reviewed),
    'clade:posture/mark-reviewed': () => {
      reviewed = true;
      return view(reviewed);
    },
    'clade:posture/set-budget': () => view(reviewed),
    'clade:actions/preview': (action: AdminActionRequest) => ({
      description: `Rename key 'asdf' to '${action.kind === 'apikey.rename' ? action.name : ''}'`,
      irreversible: false,
      confirmText: null,
      confirmToken: null,
      problems: [],
      before: null,
    }),
    'clade:actions/run': ({ action }) => ({
      ok: true,
      description: action.kind,
      summary: 'done',
      before: null,
      after: {},
    }),
  });
});
afterEach(cleanup);

const calls = (channel: string) => fake.calls.filter((c) => c.channel === channel).map((c) => c.request);

describe('the Posture view', () => {
  it('shows the score and trend, failing items first with evidence by name and id', async () => {
    render(<PostureView />);
    expect(await screen.findByText('33')).toBeInTheDocument();
    expect(screen.getByText(/2 pass|1 pass/)).toHaveTextContent('1 pass, 3 fail, 1 not applicable');
    expect(
      screen.getByRole('img', { name: /Score trend from 2026-11-22 \(25\) to 2026-11-24 \(33\)/ }),
    ).toBeInTheDocument();
    const headings = screen.getAllByRole('heading', { level: 3 }).map((h) => h.textContent);
    expect(headings[0]).toMatch(/^Fail /);
    expect(headings.at(-1)).toMatch(/^Not applicable /);
    const naming = screen.getByRole('listitem', { name: /Key names follow/ });
    expect(within(naming).getByText('asdf')).toBeInTheDocument();
    expect(within(naming).getByText('apikey_01ASDF')).toBeInTheDocument();
    expect(within(naming).getByText('clade-admin posture --json')).toBeInTheDocument();
  });

  it('renames a key through the confirmation dialog with the suggested name, then reads the checklist again', async () => {
    render(<PostureView />);
    fireEvent.click(await screen.findByRole('button', { name: 'Rename to acme-dev-asdf' }));
    const dialog = await screen.findByRole('dialog', { name: 'Confirm admin action' });
    expect(dialog).toHaveTextContent("Rename key 'asdf' to 'acme-dev-asdf'");
    fireEvent.click(within(dialog).getByRole('button', { name: 'Confirm' }));
    await within(await screen.findByRole('dialog')).findByText(/Recorded in the audit trail/);
    expect(calls('clade:actions/run')).toEqual([{ action: rename }]);
    expect(calls('clade:posture/report').length).toBeGreaterThanOrEqual(2);
  });

  it('shows the first twelve offending things of a long list, and all on request', async () => {
    const long = view(false);
    long.report.items[1]!.evidence = Array.from({ length: 14 }, (_, i) => ({
      kind: 'api_key' as const,
      id: `apikey_01K${i}`,
      name: `key ${i}`,
      detail: 'off the template',
    }));
    fake = installFakeApi({ 'clade:posture/report': () => long });
    render(<PostureView />);
    const naming = await screen.findByRole('listitem', { name: /Key names follow/ });
    expect(within(naming).getAllByText(/^key \d+$/)).toHaveLength(12);
    fireEvent.click(within(naming).getByRole('button', { name: 'Show all 14' }));
    expect(within(naming).getAllByText(/^key \d+$/)).toHaveLength(14);
  });

  it('sets the suggested budget and marks the trail reviewed through their channels', async () => {
    render(<PostureView />);
    fireEvent.click(
      await screen.findByRole('button', { name: 'Set a monthly budget of $120 for Payments Production' }),
    );
    await screen.findByText('33');
    expect(calls('clade:posture/set-budget')).toEqual([{ workspaceId: 'wrkspc_01PAY', usd: '120' }]);
    fireEvent.click(screen.getByRole('button', { name: 'Review the audit trail, then mark it reviewed' }));
    expect(await screen.findByText('67')).toBeInTheDocument();
    expect(calls('clade:posture/mark-reviewed')).toEqual([{}]);
    expect(screen.getByRole('listitem', { name: /Audit trail reviewed/ })).toHaveTextContent(/^Pass /);
  });
});
