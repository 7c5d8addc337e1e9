import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { AuditView } from '../../renderer/features/audit/AuditView';
import { useAuditStore } from '../../renderer/stores/useAuditStore';
import type { AuditEventView, AuditSearchPageView } from '../../preload/contract';
import { installFakeApi, type FakeApi } from './fake-api';
import { giveElementsASize } from './layout';

/** Events as the contract describes them: a journal change, a feed activity, a local action. */
const journalChange: AuditEventView = {
  id: 3,
  atMs: Date.UTC(2026, 10, 20, 9, 14, 0),
  recordedAtMs: Date.UTC(2026, 10, 20, 9, 15, 0),
  source: 'journal',
  type: 'user.changed',
  actor: null,
  workspaceId: null,
  keyId: null,
  targets: [{ type: 'user', id: 'user_01ADA', name: 'Ada Lovelace' }],
  summary: 'User Ada Lovelace changed: role: developer → admin',
  before: { role: 'developer', name: 'Ada Lovelace' },
  after: { role: 'admin', name: 'Ada Lovelace' },
  raw: null,
  hash: 'a'.repeat(64),
};
const feedActivity: AuditEventView = {
  id: 2,
  atMs: Date.UTC(2026, 10, 19, 17, 0, 0),
  recordedAtMs: Date.UTC(2026, 10, 20, 9, 15, 0),
  source: 'compliance',
  type: 'platform_api_key_created',
  actor: { kind: 'user', id: 'user_01ADA', email: 'ada@example.com' },
  workspaceId: 'wrkspc_01PROD',
  keyId: 'apikey_01NEW',
  targets: [{ type: 'api_key', id: 'apikey_01NEW' }],
  summary: 'ada@example.com created API key apikey_01NEW',
  before: null,
  after: null,
  raw: {
    id: 'activity_01X',
    type: 'platform_api_key_created',
    actor: { type: 'user_actor', email_address: 'ada@example.com' },
  },
  hash: 'b'.repeat(64),
};
const localAction: AuditEventView = {
  id: 1,
  atMs: Date.UTC(2026, 10, 18, 8, 0, 0),
  recordedAtMs: Date.UTC(2026, 10, 18, 8, 0, 0),
  source: 'local',
  type: 'settings.changed',
  actor: { kind: 'local_admin', name: 'this app' },
  workspaceId: null,
  keyId: null,
  targets: [{ type: 'setting', id: 'syncIntervalMinutes' }],
  summary: 'Changed setting syncIntervalMinutes',
  before: 15,
  after: 30,
  raw: null,
  hash: 'c'.repeat(64),
};
const trail = [journalChange, feedActivity, localAction];

let fake: FakeApi;
const searches = (): Array<Record<string, unknown>> =>
  fake.calls
    .filter((call) => call.channel === 'clade:audit/search')
    .map((call) => call.request as Record<string, unknown>);

function install(
  search: (request: {
    query: string;
    cursor?: string | null;
  }) => AuditSearchPageView | { ok: false; error: { code: 'bad-request'; message: string } },
): void {
  fake = installFakeApi({
    'clade:audit/search': search as never,
    'clade:audit/export': (request) => ({
      count: 3,
      file: `/home/admin/.config/Clade Admin/profiles/demo/exports/audit-2026-11-23T10-00-00Z.${request.format}`,
    }),
  });
}

beforeEach(() => {
  giveElementsASize();
  useAuditStore.setState(useAuditStore.getInitialState(), true);
});
afterEach(cleanup);

describe('the audit view', () => {
  it('lists the trail newest first in an ARIA grid, times in the local zone with UTC in the tooltip', async () => {
    install(() => ({ events: trail, nextCursor: null }));
    render(<AuditView />);
    const grid = await screen.findByRole('grid', { name: 'Audit events, newest first' });
    const rows = within(grid).getAllByRole('row');
    expect(rows).toHaveLength(4); // header + 3
    expect(rows[1]).toHaveAttribute('aria-rowindex', '2');
    expect(
      within(grid)
        .getAllByRole('columnheader')
        .map((cell) => cell.textContent),
    ).toEqual(['When', 'Source', 'Type', 'Actor', 'Summary']);
    expect(rows[1]!.querySelector('time')).toHaveAttribute('title', '2026-11-20 09:14:00 UTC');
    expect(within(rows[2]!).getByText('ada@example.com')).toBeInTheDocument();
    expect(grid).toHaveAttribute('aria-rowcount', '4');
    expect(searches()[0]).toMatchObject({ query: '' });
  });

  it('searches with the typed query and folds the source and date filters into it', async () => {
    install(() => ({ events: trail, nextCursor: null }));
    render(<AuditView />);
    await screen.findByRole('grid');
    fireEvent.change(screen.getByLabelText('Search'), { target: { value: 'actor:ada role' } });
    fireEvent.click(screen.getByRole('button', { name: 'Search' }));
    await waitFor(() => expect(searches().at(-1)).toMatchObject({ query: 'actor:ada role' }));
    fireEvent.change(screen.getByLabelText('Source'), { target: { value: 'journal' } });
    await waitFor(() => expect(searches().at(-1)).toMatchObject({ query: 'actor:ada role source:journal' }));
    fireEvent.change(screen.getByLabelText('From (UTC)'), { target: { value: '2026-11-01' } });
    await waitFor(() =>
      expect(searches().at(-1)).toMatchObject({ query: 'actor:ada role source:journal after:2026-11-01' }),
    );
    await screen.findByRole('grid', { name: 'Audit events matching actor:ada role source:journal after:2026-11-01' });
  });

  it('moves with the arrows, Home and End, opens with Enter (focus on the detail) and Escape returns to the grid', async () => {
    install(() => ({ events: trail, nextCursor: null }));
    render(<AuditView />);
    const grid = await screen.findByRole('grid');
    grid.focus();
    expect(grid).toHaveAttribute('aria-activedescendant', 'audit-row-3-when');
    fireEvent.keyDown(grid, { key: 'ArrowDown' });
    expect(grid).toHaveAttribute('aria-activedescendant', 'audit-row-2-when');
    fireEvent.keyDown(grid, { key: 'End' });
    expect(grid).toHaveAttribute('aria-activedescendant', 'audit-row-1-when');
    fireEvent.keyDown(grid, { key: 'Home' });
    expect(grid).toHaveAttribute('aria-activedescendant', 'audit-row-3-when');
    fireEvent.keyDown(grid, { key: 'Enter' });
    const heading = await screen.findByRole('heading', { name: journalChange.summary });
    expect(heading).toHaveFocus();
    const changes = screen.getByRole('table');
    const role = within(changes).getByRole('rowheader', { name: 'role' }).closest('tr')!;
    expect(
      within(role)
        .getAllByRole('cell')
        .map((cell) => cell.textContent),
    ).toEqual(['developer', 'admin']);
    expect(role).toHaveAttribute('data-changed');
    expect(within(changes).getByRole('rowheader', { name: 'name' }).closest('tr')).not.toHaveAttribute('data-changed');
    expect(within(grid).getAllByRole('row')[1]).toHaveAttribute('aria-selected', 'true');
    fireEvent.keyDown(heading, { key: 'Escape' });
    expect(grid).toHaveFocus();
    expect(screen.getByRole('heading', { name: 'Event details' })).toBeInTheDocument();
  });

  it('shows the raw activity for a feed event', async () => {
    install(() => ({ events: trail, nextCursor: null }));
    render(<AuditView />);
    const grid = await screen.findByRole('grid');
    fireEvent.click(within(grid).getByText(feedActivity.summary));
    const raw = await screen.findByLabelText('Raw activity from the feed, as JSON');
    expect(JSON.parse(raw.textContent ?? '')).toEqual(feedActivity.raw);
    expect(screen.queryByText('Before → after')).not.toBeInTheDocument();
  });

  it('loads the next page through nextCursor and appends it', async () => {
    install((request) =>
      request.cursor === 'cursor-1'
        ? { events: [localAction], nextCursor: null }
        : { events: [journalChange, feedActivity], nextCursor: 'cursor-1' },
    );
    render(<AuditView />);
    const grid = await screen.findByRole('grid');
    await waitFor(() => expect(searches().some((request) => request.cursor === 'cursor-1')).toBe(true));
    await waitFor(() => expect(within(grid).getAllByRole('row')).toHaveLength(4));
    expect(searches().find((request) => request.cursor === 'cursor-1')).toMatchObject({ query: '' });
    expect(screen.queryByRole('button', { name: 'Load more' })).not.toBeInTheDocument();
  });

  it('shows a query error in words, with no stack trace, and the empty state', async () => {
    install((request) =>
      request.query.includes('after:')
        ? { ok: false, error: { code: 'bad-request', message: 'after: needs a date as YYYY-MM-DD (UTC), not "soon"' } }
        : { events: [], nextCursor: null },
    );
    render(<AuditView />);
    expect(await screen.findByText(/The audit trail is empty/)).toBeInTheDocument();
    fireEvent.change(screen.getByLabelText('Search'), { target: { value: 'after:soon' } });
    fireEvent.click(screen.getByRole('button', { name: 'Search' }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('after: needs a date as YYYY-MM-DD (UTC), not "soon"');
    expect(alert.textContent).not.toMatch(/at .*\.(ts|js):\d+/);
  });

  it('exports the current query through main and says where the file is', async () => {
    install(() => ({ events: trail, nextCursor: null }));
    render(<AuditView />);
    await screen.findByRole('grid');
    fireEvent.change(screen.getByLabelText('Source'), { target: { value: 'local' } });
    await waitFor(() => expect(searches().at(-1)).toMatchObject({ query: 'source:local' }));
    await screen.findByRole('grid');
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Export CSV' }));
    });
    expect(fake.calls.filter((call) => call.channel === 'clade:audit/export').map((call) => call.request)).toEqual([
      { query: 'source:local', format: 'csv' },
    ]);
    expect(
      await screen.findByText(/Exported 3 events as CSV to .*exports\/audit-2026-11-23T10-00-00Z\.csv/),
    ).toBeInTheDocument();
    expect(screen.getByRole('group', { name: 'Export the current search' })).toBeInTheDocument();
  });

  it('re-runs the shown query when a sync finishes (refresh), and stays quiet before the view was opened', async () => {
    install(() => ({ events: trail, nextCursor: null }));
    await useAuditStore.getState().refresh();
    expect(searches()).toHaveLength(0);
    render(<AuditView />);
    await screen.findByRole('grid');
    fireEvent.change(screen.getByLabelText('Source'), { target: { value: 'compliance' } });
    await waitFor(() => expect(searches().at(-1)).toMatchObject({ query: 'source:compliance' }));
    await act(async () => {
      await useAuditStore.getState().refresh();
    });
    expect(searches().at(-1)).toMatchObject({ query: 'source:compliance' });
    expect(searches()).toHaveLength(3);
  });

  it('keeps the DOM small on a long trail and pages on from End through nextCursor, without repeats', async () => {
    const many = (from: number, count: number): AuditEventView[] =>
      Array.from({ length: count }, (_, i) => ({
        ...localAction,
        id: from - i,
        atMs: localAction.atMs - (from - i) * 1000,
        summary: `Changed setting number ${from - i}`,
      }));
    install((request) =>
      request.cursor === 'page-2'
        ? { events: many(100, 100), nextCursor: null }
        : { events: many(200, 100), nextCursor: 'page-2' },
    );
    render(<AuditView />);
    const grid = await screen.findByRole('grid');
    expect(grid).toHaveAttribute('aria-rowcount', '-1'); // total unknown while pages remain
    expect(within(grid).getAllByRole('row').length).toBeLessThan(60);
    grid.focus();
    fireEvent.keyDown(grid, { key: 'End' });
    await waitFor(() => expect(searches().filter((request) => request.cursor === 'page-2')).toHaveLength(1));
    await waitFor(() => expect(grid).toHaveAttribute('aria-rowcount', '201'));
    fireEvent.keyDown(grid, { key: 'End' });
    expect(grid).toHaveAttribute('aria-activedescendant', 'audit-row-1-when');
    expect(within(grid).getAllByRole('row').length).toBeLessThan(60);
    expect(screen.getByText('200 events shown')).toBeInTheDocument();
  });

  it('shows the same search and filters after leaving the view and coming back, without searching again', async () => {
    install(() => ({ events: trail, nextCursor: null }));
    const first = render(<AuditView />);
    await screen.findByRole('grid');
    fireEvent.change(screen.getByLabelText('Search'), { target: { value: 'Ada' } });
    fireEvent.change(screen.getByLabelText('Source'), { target: { value: 'journal' } });
    await waitFor(() => expect(searches().at(-1)).toMatchObject({ query: 'Ada source:journal' }));
    first.unmount();
    const before = searches().length;
    render(<AuditView />);
    await screen.findByRole('grid', { name: 'Audit events matching Ada source:journal' });
    expect(screen.getByLabelText('Search')).toHaveValue('Ada');
    expect(screen.getByLabelText('Source')).toHaveValue('journal');
    expect(searches()).toHaveLength(before);
  });
});
