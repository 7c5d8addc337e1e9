import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { KeyInventoryView } from '../../../../renderer/features/keys/KeyInventoryView';
import { useActionsStore } from '../../../../renderer/stores/useActionsStore';
import { useKeysStore } from '../../../../renderer/stores/useKeysStore';
import type { ActionPreview, AdminActionRequest, KeyInventoryRow } from '../../../../preload/contract';
import { installFakeApi, type FakeApi } from '../../fake-api';

const row = (status: string): KeyInventoryRow => ({
  id: 'apikey_01',
  name: 'ci-deploy',
  workspaceId: 'wrkspc_prod',
  workspaceName: 'Production',
  status,
  partialKeyHint: 'sk-ant-api03-R2D...igAA',
  createdAtMs: Date.parse('2026-01-01T00:00:00Z'),
  expiresAtMs: null,
  creatorName: 'Ada',
  creatorIsMember: true,
  lastUsedDayMs: null,
  tokens30d: 0,
  verdict: status === 'active' ? 'ok' : 'inactive',
  reason: 'fine',
});

let status = 'active';
let fake: FakeApi;
const preview = (action: AdminActionRequest): ActionPreview => {
  const archive = action.kind === 'apikey.set-status' && action.status === 'archived';
  const verb =
    action.kind === 'apikey.set-status'
      ? ({ inactive: 'Disable', active: 'Re-enable', archived: 'Archive' } as const)[action.status]
      : 'Rename';
  return {
    description: `${verb} key 'ci-deploy' in Production${archive ? ' (irreversible)' : ''}`,
    irreversible: archive,
    confirmText: archive ? 'ci-deploy' : null,
    confirmToken: archive ? 'token-from-main' : null,
    problems: [],
    before: { status },
  };
};

beforeEach(() => {
  status = 'active';
  useKeysStore.setState({ status: 'idle', keys: [], error: null });
  useActionsStore.getState().close();
  fake = installFakeApi({
    'clade:keys/inventory': () => [row(status)],
    'clade:actions/preview': preview,
    'clade:actions/run': ({ action }) => {
      if (action.kind === 'apikey.set-status') status = action.status;
      return {
        ok: true,
        description: preview(action).description,
        summary: "Disabled key 'ci-deploy' in Production",
        before: { status: 'active' },
        after: { status },
      };
    },
  });
});
afterEach(cleanup);

async function openKey() {
  render(<KeyInventoryView />);
  const keyRow = await screen.findByRole('row', { name: /ci-deploy/ });
  fireEvent.keyDown(keyRow, { key: 'Enter' });
  return screen.getByRole('region', { name: /Key ci-deploy/ });
}

describe('key detail panel and its confirmed actions', () => {
  it('Enter opens the key; Disable asks for confirmation, runs only after Confirm, and the inventory shows it inactive', async () => {
    const panel = await openKey();
    fireEvent.click(within(panel).getByRole('button', { name: 'Disable' }));
    const dialog = await screen.findByRole('dialog', { name: 'Confirm admin action' });
    expect(within(dialog).getByText("Disable key 'ci-deploy' in Production")).toBeTruthy();
    expect(fake.calls.some((c) => c.channel === 'clade:actions/run')).toBe(false);
    await act(async () => fireEvent.click(within(dialog).getByRole('button', { name: 'Confirm' })));
    expect(fake.calls.filter((c) => c.channel === 'clade:actions/run')).toEqual([
      {
        channel: 'clade:actions/run',
        request: { action: { kind: 'apikey.set-status', keyId: 'apikey_01', status: 'inactive' } },
      },
    ]);
    expect(await screen.findByText(/Recorded in the audit trail/)).toBeTruthy();
    expect((await screen.findByTestId('key-detail-status')).textContent).toMatch(/inactive/i);
    expect(within(panel).getByRole('button', { name: 'Enable' })).toBeTruthy();
  });

  it('Escape cancels without running anything, and focus stays trapped in the dialog', async () => {
    const panel = await openKey();
    fireEvent.click(within(panel).getByRole('button', { name: 'Disable' }));
    const dialog = await screen.findByRole('dialog');
    const [cancel, confirm] = within(dialog).getAllByRole('button');
    confirm!.focus();
    fireEvent.keyDown(dialog, { key: 'Tab' });
    expect(document.activeElement).toBe(cancel);
    fireEvent.keyDown(dialog, { key: 'Escape' });
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(fake.calls.some((c) => c.channel === 'clade:actions/run')).toBe(false);
  });

  it("Archive says it cannot be undone, needs the key name typed, and sends main's token with the typed name", async () => {
    const panel = await openKey();
    fireEvent.click(within(panel).getByRole('button', { name: 'Archive…' }));
    const dialog = await screen.findByRole('dialog');
    expect(within(dialog).getByText('This cannot be undone.')).toBeTruthy();
    const confirm = within(dialog).getByRole('button', { name: 'Confirm' }) as HTMLButtonElement;
    expect(confirm.disabled).toBe(true);
    fireEvent.change(within(dialog).getByLabelText(/Type “ci-deploy” to confirm/), { target: { value: 'ci-deplo' } });
    expect(confirm.disabled).toBe(true);
    fireEvent.change(within(dialog).getByLabelText(/Type “ci-deploy” to confirm/), { target: { value: 'ci-deploy' } });
    expect(confirm.disabled).toBe(false);
    await act(async () => fireEvent.click(confirm));
    expect(fake.calls.filter((c) => c.channel === 'clade:actions/run').map((c) => c.request)).toEqual([
      {
        action: { kind: 'apikey.set-status', keyId: 'apikey_01', status: 'archived' },
        confirmation: { token: 'token-from-main', typed: 'ci-deploy' },
      },
    ]);
  });

  it('a refused action shows the API reason and the recorded attempt', async () => {
    installFakeApi({
      'clade:keys/inventory': () => [row('active')],
      'clade:actions/preview': preview,
      // Wrapped: the outcome's own `ok` would otherwise read as the transport's result object.
      'clade:actions/run': () => ({
        ok: true,
        value: {
          ok: false,
          description: "Disable key 'ci-deploy'",
          error: { code: 'forbidden', message: 'The Admin API refused this action (403): nope.' },
        },
      }),
    });
    const panel = await openKey();
    fireEvent.click(within(panel).getByRole('button', { name: 'Disable' }));
    const dialog = await screen.findByRole('dialog');
    await act(async () => fireEvent.click(within(dialog).getByRole('button', { name: 'Confirm' })));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toMatch(/refused this action \(403\).*recorded in the audit trail/);
  });
});
