import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { KeyInventoryView } from '../../../../renderer/features/keys/KeyInventoryView';
import { useKeysStore } from '../../../../renderer/stores/useKeysStore';
import type { KeyInventoryRow } from '../../../../preload/contract';
import { installFakeApi, type FakeApi } from '../../fake-api';

const row: KeyInventoryRow = {
  id: 'apikey_01',
  name: 'ci-deploy',
  workspaceId: 'wrkspc_prod',
  workspaceName: 'Production',
  status: 'active',
  partialKeyHint: null,
  createdAtMs: Date.parse('2026-01-01T00:00:00Z'),
  expiresAtMs: null,
  creatorName: 'Ada',
  creatorIsMember: true,
  lastUsedDayMs: Date.parse('2026-11-23T00:00:00Z'),
  tokens30d: 1_234_567,
  verdict: 'ok',
  reason: 'fine',
};

let fake: FakeApi;
beforeEach(() => {
  useKeysStore.setState({ status: 'idle', keys: [], error: null });
  fake = installFakeApi({
    'clade:keys/inventory': () => [row],
    'clade:keys/estimate': ({ keyId }) => ({
      keyId,
      fromDay: '2026-10-26',
      toDay: '2026-11-24',
      estimateCents: '123456.789012345678',
      tokens: 1_234_567,
      unpricedTokens: 0,
    }),
  });
});
afterEach(cleanup);

describe('key detail panel', () => {
  it("shows the key's 30-day cost from main's estimate, labelled an estimate", async () => {
    render(<KeyInventoryView />);
    fireEvent.keyDown(await screen.findByRole('row', { name: /ci-deploy/ }), { key: 'Enter' });
    const panel = screen.getByRole('region', { name: /Key ci-deploy/ });
    expect(within(panel).getByText('Cost, last 30 days (estimate)')).toBeTruthy();
    const value = await within(panel).findByText(/≈ \$1,234\.57/);
    expect(value.textContent).toContain('2026-10-26 – 2026-11-24 UTC');
    expect(value.textContent).toContain('not billed');
    expect(fake.calls.filter((c) => c.channel === 'clade:keys/estimate')).toEqual([
      { channel: 'clade:keys/estimate', request: { keyId: 'apikey_01' } },
    ]);
  });
});
