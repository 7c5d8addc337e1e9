/**
 * The People view over a fake `people.list()` (a contract-checked answer): members with org role and admin since
 * (a date, or "before" the first sync), an invite alert's target opening the Invites tab, and a member's role
 * change going through the confirmation dialog to `actions.run` with that member's id.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { PeopleView } from '../../../../renderer/features/people/PeopleView';
import { useActionsStore } from '../../../../renderer/stores/useActionsStore';
import { usePeopleStore } from '../../../../renderer/stores/usePeopleStore';
import { useUiStore } from '../../../../renderer/stores/useUiStore';
import type { AdminActionRequest, People } from '../../../../preload/contract';
import { installFakeApi, type FakeApi } from '../../fake-api';

const FIRST_SYNC = Date.UTC(2026, 10, 20);
const people: People = {
  firstSyncAtMs: FIRST_SYNC,
  members: [
    {
      id: 'user_01ADA',
      email: 'ada@acme.example',
      name: 'Ada Lovelace',
      role: 'admin',
      addedAtMs: Date.UTC(2026, 0, 5),
      adminSince: { atMs: FIRST_SYNC, source: 'before-first-sync' },
      workspaces: [{ id: 'wrkspc_01PROD', name: 'Production', role: 'workspace_admin' }],
      keysCreated: [{ id: 'apikey_01', name: 'prod-backend' }],
      lastClaudeCodeDayMs: Date.UTC(2026, 10, 23),
      claudeCode30d: {
        daysActive: 3,
        sessions: 7,
        linesAdded: 1200,
        linesRemoved: 80,
        commits: 2,
        pullRequests: 1,
        estimatedCostCents: '1234.5',
      },
    },
    {
      id: 'user_01BOB',
      email: 'bob@acme.example',
      name: 'Bob Byte',
      role: 'developer',
      addedAtMs: Date.UTC(2026, 2, 1),
      adminSince: null,
      workspaces: [],
      keysCreated: [],
      lastClaudeCodeDayMs: null,
      claudeCode30d: null,
    },
  ],
  invites: [
    {
      id: 'invite_01NEW',
      email: 'new@acme.example',
      role: 'developer',
      status: 'pending',
      invitedAtMs: Date.UTC(2026, 10, 10),
      ageDays: 14,
      expiresAtMs: Date.UTC(2026, 11, 1),
    },
  ],
};

let fake: FakeApi;
beforeEach(() => {
  useActionsStore.getState().close();
  usePeopleStore.setState({ status: 'idle', people: { firstSyncAtMs: null, members: [], invites: [] }, error: null });
  useUiStore.setState({ view: 'people', navigationTarget: null });
  fake = installFakeApi({
    'clade:people/list': () => people,
    'clade:actions/preview': (action: AdminActionRequest) => ({
      description: `preview of ${action.kind}`,
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

describe('the People view', () => {
  it('lists members with their org role, admin since and activity', async () => {
    render(<PeopleView />);
    const table = await screen.findByRole('region', { name: 'Members table' });
    const ada = within(table).getByRole('row', { name: /Ada Lovelace, Admin/ });
    expect(ada).toHaveTextContent(/before /);
    expect(ada).toHaveTextContent('1 workspace');
    const bob = within(table).getByRole('row', { name: /Bob Byte, Developer/ });
    expect(within(bob).getAllByText('—').length).toBeGreaterThanOrEqual(2);
    expect(screen.getByRole('tab', { name: 'Invites (1 pending)' })).toHaveAttribute('aria-selected', 'false');
  });

  it("opens the Invites tab for an invite alert's target", async () => {
    useUiStore.setState({ view: 'people', navigationTarget: 'invite_01NEW' });
    render(<PeopleView />);
    const invites = await screen.findByRole('region', { name: 'Invites table' });
    expect(screen.getByRole('tab', { name: /Invites/ })).toHaveAttribute('aria-selected', 'true');
    expect(within(invites).getByRole('row', { name: /new@acme\.example/ })).toHaveClass('selected');
    expect(within(invites).getByText('14 days')).toBeInTheDocument();
  });

  it("shows a member's Claude Code month in their details, and 'none' without any", async () => {
    render(<PeopleView />);
    fireEvent.keyDown(await screen.findByRole('row', { name: /Ada Lovelace/ }), { key: 'Enter' });
    expect(
      within(screen.getByRole('region', { name: 'Ada Lovelace' })).getByTestId('person-claude-code'),
    ).toHaveTextContent(
      /^3 active days, 7 sessions, \+1\.2k \/ −80 lines, 2 commits, 1 pull request, ≈ \$12\.3[45] \(the report's estimate\)$/,
    );
    fireEvent.keyDown(screen.getByRole('row', { name: /Bob Byte/ }), { key: 'Enter' });
    expect(
      within(screen.getByRole('region', { name: 'Bob Byte' })).getByTestId('person-claude-code'),
    ).toHaveTextContent('none');
  });

  it("changes a member's role through the confirmation dialog", async () => {
    render(<PeopleView />);
    const row = await screen.findByRole('row', { name: /Bob Byte/ });
    fireEvent.keyDown(row, { key: 'Enter' });
    const details = screen.getByRole('region', { name: 'Bob Byte' });
    fireEvent.change(within(details).getByLabelText('Organization role'), { target: { value: 'billing' } });
    fireEvent.click(within(details).getByRole('button', { name: 'Change role' }));
    const dialog = await screen.findByRole('dialog', { name: 'Confirm admin action' });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Confirm' }));
    await within(await screen.findByRole('dialog')).findByText(/Recorded in the audit trail/);
    const runs = fake.calls.filter((c) => c.channel === 'clade:actions/run').map((c) => c.request);
    expect(runs).toEqual([{ action: { kind: 'user.set-role', userId: 'user_01BOB', role: 'billing' } }]);
  });
});
