import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { AdminKeySection } from '../../renderer/features/settings/AdminKeySection';
import { useVaultStore } from '../../renderer/stores/useVaultStore';
import { installFakeApi } from './fake-api';

const KEY = 'sk-ant-admin01-TESTkeyForTheWindow000000000000';

beforeEach(() => useVaultStore.setState({ status: null, busy: false, error: null }));
afterEach(() => {
  cleanup();
  delete window.api;
});

describe('AdminKeySection', () => {
  it('hands the key to main once, empties the field, and shows only the org and verification time', async () => {
    const fake = installFakeApi({
      'clade:key/status': () => ({ present: false, orgName: null, verifiedAt: null }),
      'clade:key/set': () => ({ present: true, orgName: 'Acme Research', verifiedAt: '2026-11-23T09:14:00.000Z' }),
    });
    render(<AdminKeySection />);
    expect(await screen.findByText(/No key connected/)).toBeInTheDocument();
    const input = screen.getByLabelText('Paste an Admin key');
    expect(input).toHaveAttribute('type', 'password');
    fireEvent.change(input, { target: { value: KEY } });
    fireEvent.click(screen.getByRole('button', { name: 'Connect' }));
    expect(await screen.findByText(/Connected to Acme Research/)).toBeInTheDocument();
    expect(fake.calls.filter((c) => c.channel === 'clade:key/set')).toEqual([
      { channel: 'clade:key/set', request: { key: KEY } },
    ]);
    expect(screen.getByLabelText('Replace with a new Admin key')).toHaveValue('');
    expect(document.body.innerHTML).not.toContain(KEY);
    expect(JSON.stringify(useVaultStore.getState())).not.toContain(KEY);
  });

  it("shows main's explanation when the key is refused, and keeps nothing", async () => {
    installFakeApi({
      'clade:key/status': () => ({ present: false, orgName: null, verifiedAt: null }),
      'clade:key/set': () => ({
        ok: false,
        error: { code: 'bad-request', message: 'This is a regular API key, not an Admin key.' },
      }),
    });
    render(<AdminKeySection />);
    fireEvent.change(await screen.findByLabelText('Paste an Admin key'), {
      target: { value: 'sk-ant-api03-TESTregular' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Connect' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('not an Admin key');
    expect(screen.getByLabelText('Paste an Admin key')).toHaveValue('');
  });

  it('removes a connected key', async () => {
    const fake = installFakeApi({
      'clade:key/status': () => ({ present: true, orgName: 'Acme Research', verifiedAt: '2026-11-23T09:14:00.000Z' }),
      'clade:key/clear': () => ({ present: false, orgName: 'Acme Research', verifiedAt: null }),
    });
    render(<AdminKeySection />);
    fireEvent.click(await screen.findByRole('button', { name: 'Remove the key from this computer' }));
    expect(await screen.findByText(/No key connected/)).toBeInTheDocument();
    expect(fake.calls.map((c) => c.channel)).toContain('clade:key/clear');
  });
});
