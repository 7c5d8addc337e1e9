import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import type { ProfileSummary, SettingsSnapshot } from '../../../../preload/contract';
import { SettingsView } from '../../../../renderer/features/settings/SettingsView';
import { useSettingsStore } from '../../../../renderer/stores/useSettingsStore';
import { useVaultStore } from '../../../../renderer/stores/useVaultStore';
import { useUiStore } from '../../../../renderer/stores/useUiStore';
import { installFakeApi, type FakeAnswers } from '../../fake-api';

const LIMITS: SettingsSnapshot['limits'] = {
  'sync.intervalMinutes': { min: 5, max: 1440 },
  'sync.historyDays': { min: 1, max: 400 },
  'sync.requestsPerMinute': { min: 1, max: 600 },
  'audit.retentionDays': { min: 1, max: 36500 },
};
const DEMO: ProfileSummary = {
  id: 'demo',
  label: 'Demo org (sandbox)',
  orgName: null,
  demo: true,
  active: false,
  keyStored: false,
};
const DEFAULT: ProfileSummary = {
  id: 'default',
  label: 'Acme Research',
  orgName: 'Acme Research',
  demo: false,
  active: true,
  keyStored: true,
};
const STAGING: ProfileSummary = {
  id: 'staging',
  label: 'Acme Staging',
  orgName: null,
  demo: false,
  active: false,
  keyStored: false,
};

function snapshot(over: Partial<SettingsSnapshot> = {}): SettingsSnapshot {
  return {
    activeProfileId: 'default',
    profiles: [DEMO, DEFAULT, STAGING],
    values: {
      'sync.intervalMinutes': 15,
      'sync.historyDays': 90,
      'sync.requestsPerMinute': 60,
      'audit.retentionDays': null,
    },
    limits: LIMITS,
    ...over,
  };
}

function answers(extra: FakeAnswers = {}): FakeAnswers {
  return {
    'clade:settings/get': () => snapshot(),
    'clade:key/status': () => ({ present: true, orgName: 'Acme Research', verifiedAt: '2026-11-23T09:14:00.000Z' }),
    'clade:app/info': () => ({ name: 'Clade Admin', version: '0', mode: 'live' }),
    'clade:org/tree': () => null,
    ...extra,
  };
}

beforeEach(() => {
  useSettingsStore.setState({
    snapshot: null,
    loadError: null,
    fieldErrors: {},
    savedMessage: null,
    profileError: null,
    busy: false,
  });
  useVaultStore.setState({ status: null, busy: false, error: null });
});
afterEach(() => {
  cleanup();
  delete window.api;
});

describe('SettingsView: sync and history', () => {
  it('shows the stored values in labelled fields with their accepted ranges', async () => {
    installFakeApi(answers());
    render(<SettingsView />);
    const interval = await screen.findByLabelText('Sync every');
    expect(interval).toHaveValue(15);
    expect(interval).toHaveAccessibleDescription('5 to 1440 minutes.');
    expect(screen.getByLabelText('Usage and cost history to keep')).toHaveValue(90);
    const rate = screen.getByLabelText('Requests to the Admin API');
    expect(rate).toHaveValue(60);
    expect(rate).toHaveAccessibleDescription('1 to 600 a minute.');
    expect(screen.getByLabelText('Keep the whole audit trail')).toBeChecked();
    expect(screen.getByLabelText('Keep audit events for')).toBeDisabled();
  });

  it("sends only the changed value and shows main's refusal under the field, linked by aria-describedby", async () => {
    const fake = installFakeApi(
      answers({
        'clade:settings/set': (request) =>
          request.value === 2
            ? {
                ok: false,
                error: {
                  code: 'bad-request',
                  message: 'Sync interval must be a whole number of minutes from 5 to 1440.',
                },
              }
            : snapshot({
                values: {
                  'sync.intervalMinutes': request.value ?? 15,
                  'sync.historyDays': 90,
                  'sync.requestsPerMinute': 60,
                  'audit.retentionDays': null,
                },
              }),
      }),
    );
    render(<SettingsView />);
    const interval = await screen.findByLabelText('Sync every');
    fireEvent.change(interval, { target: { value: '2' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save sync settings' }));
    await waitFor(() => expect(interval).toHaveAttribute('aria-invalid', 'true'));
    expect(interval).toHaveAccessibleDescription(/Sync interval must be a whole number of minutes from 5 to 1440\./);
    expect(fake.calls.filter((c) => c.channel === 'clade:settings/set')).toEqual([
      { channel: 'clade:settings/set', request: { name: 'sync.intervalMinutes', value: 2 } },
    ]);

    fireEvent.change(interval, { target: { value: '30' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save sync settings' }));
    expect(await screen.findByText('Saved.')).toBeInTheDocument();
    expect(interval).not.toHaveAttribute('aria-invalid');
    expect(interval).toHaveValue(30);
  });

  it('catches a field that is not a number before sending anything', async () => {
    const fake = installFakeApi(answers());
    render(<SettingsView />);
    const history = await screen.findByLabelText('Usage and cost history to keep');
    fireEvent.change(history, { target: { value: '' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save sync settings' }));
    expect(history).toHaveAccessibleDescription(/Enter a whole number\./);
    expect(fake.calls.some((c) => c.channel === 'clade:settings/set')).toBe(false);
  });

  it('turns "keep the whole audit trail" off into a number of days, and back to null', async () => {
    const sent: unknown[] = [];
    installFakeApi(
      answers({
        'clade:settings/set': (request) => {
          sent.push(request);
          return snapshot({
            values: {
              'sync.intervalMinutes': 15,
              'sync.historyDays': 90,
              'sync.requestsPerMinute': 60,
              'audit.retentionDays': request.value,
            },
          });
        },
      }),
    );
    render(<SettingsView />);
    fireEvent.click(await screen.findByLabelText('Keep the whole audit trail'));
    const retention = screen.getByLabelText('Keep audit events for');
    expect(retention).toBeEnabled();
    fireEvent.change(retention, { target: { value: '180' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save sync settings' }));
    await screen.findByText('Saved.');
    fireEvent.click(screen.getByLabelText('Keep the whole audit trail'));
    fireEvent.click(screen.getByRole('button', { name: 'Save sync settings' }));
    await waitFor(() =>
      expect(sent).toEqual([
        { name: 'audit.retentionDays', value: 180 },
        { name: 'audit.retentionDays', value: null },
      ]),
    );
  });

  it('says the data is being prepared while main has no values yet', async () => {
    installFakeApi(answers({ 'clade:settings/get': () => snapshot({ values: null }) }));
    render(<SettingsView />);
    expect(await screen.findByText(/still being prepared/)).toBeInTheDocument();
    expect(screen.queryByLabelText('Sync every')).toBeNull();
  });
});

describe('SettingsView: profiles', () => {
  it('lists the profiles with what each holds, marks the open one, and never shows a key', async () => {
    installFakeApi(answers());
    render(<SettingsView />);
    const list = await screen.findByRole('list');
    const rows = within(list).getAllByRole('listitem');
    expect(rows).toHaveLength(3);
    expect(rows[0]).toHaveTextContent('Built-in demo org');
    expect(rows[1]).toHaveAttribute('aria-current', 'true');
    expect(rows[1]).toHaveTextContent('Admin key stored in the keychain');
    expect(rows[2]).toHaveTextContent('No key: shows the demo org');
    expect(within(rows[1]!).queryByRole('button')).toBeNull(); // the open profile can be neither opened nor removed
    expect(within(rows[0]!).queryByRole('button', { name: /Remove/ })).toBeNull(); // nor the demo removed
    expect(screen.getByRole('heading', { name: 'Admin key of Acme Research' })).toBeInTheDocument();
  });

  it('opens another profile and reloads what the window shows about it', async () => {
    const fake = installFakeApi(
      answers({
        'clade:settings/switch-profile': ({ profileId }) =>
          snapshot({
            activeProfileId: profileId,
            profiles: [DEMO, { ...DEFAULT, active: false }, { ...STAGING, active: true }],
          }),
      }),
    );
    render(<SettingsView />);
    fireEvent.click(await screen.findByRole('button', { name: 'Switch to Acme Staging' }));
    expect(await screen.findByRole('heading', { name: 'Admin key of Acme Staging' })).toBeInTheDocument();
    expect(fake.calls.map((c) => c.channel)).toEqual(
      expect.arrayContaining(['clade:settings/switch-profile', 'clade:app/info', 'clade:org/tree']),
    );
    expect(fake.calls.filter((c) => c.channel === 'clade:key/status').length).toBeGreaterThanOrEqual(2);
  });

  it('adds a profile by name and empties the field', async () => {
    const fake = installFakeApi(
      answers({
        'clade:settings/add-profile': ({ label }) =>
          snapshot({ profiles: [DEMO, DEFAULT, STAGING, { ...STAGING, id: 'acme-eu', label }] }),
      }),
    );
    render(<SettingsView />);
    const name = await screen.findByLabelText('New profile name');
    fireEvent.change(name, { target: { value: 'Acme EU' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add profile' }));
    expect(await screen.findByText('Acme EU')).toBeInTheDocument();
    expect(name).toHaveValue('');
    expect(fake.calls.find((c) => c.channel === 'clade:settings/add-profile')?.request).toEqual({ label: 'Acme EU' });
  });

  it('removes a profile only after confirming, with its local data when asked', async () => {
    const fake = installFakeApi(
      answers({ 'clade:settings/remove-profile': () => snapshot({ profiles: [DEMO, DEFAULT] }) }),
    );
    render(<SettingsView />);
    fireEvent.click(await screen.findByRole('button', { name: 'Remove Acme Staging…' }));
    const confirm = screen.getByRole('group', { name: /Remove Acme Staging\?/ });
    expect(within(confirm).getByRole('button', { name: 'Cancel' })).toHaveFocus();
    expect(fake.calls.some((c) => c.channel === 'clade:settings/remove-profile')).toBe(false);
    fireEvent.click(within(confirm).getByLabelText(/Also delete its local data/));
    fireEvent.click(within(confirm).getByRole('button', { name: 'Remove profile' }));
    await waitFor(() => expect(screen.queryByText('Acme Staging')).toBeNull());
    expect(fake.calls.find((c) => c.channel === 'clade:settings/remove-profile')?.request).toEqual({
      profileId: 'staging',
      deleteMirror: true,
    });
  });

  it("shows main's refusal of a profile change as an alert", async () => {
    installFakeApi(
      answers({
        'clade:settings/add-profile': () => ({
          ok: false,
          error: { code: 'bad-request', message: 'A profile label must be 1–80 printable characters.' },
        }),
      }),
    );
    render(<SettingsView />);
    fireEvent.change(await screen.findByLabelText('New profile name'), { target: { value: '\u0007' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add profile' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('printable characters');
    expect(screen.getByLabelText('New profile name')).toHaveAccessibleDescription(/printable characters/);
  });

  it('explains that the demo profile takes no key instead of offering the key field', async () => {
    installFakeApi(
      answers({
        'clade:settings/get': () =>
          snapshot({
            activeProfileId: 'demo',
            profiles: [
              { ...DEMO, active: true },
              { ...DEFAULT, active: false },
            ],
          }),
      }),
    );
    render(<SettingsView />);
    expect(await screen.findByText(/The demo org needs no key/)).toBeInTheDocument();
    expect(screen.queryByLabelText(/Paste an Admin key|Replace with a new Admin key/)).toBeNull();
  });
});

describe('SettingsView: whose settings', () => {
  it('says the values are the demo org’s while the open profile has no key', async () => {
    installFakeApi(
      answers({ 'clade:settings/get': () => snapshot({ profiles: [DEMO, { ...DEFAULT, keyStored: false }] }) }),
    );
    render(<SettingsView />);
    expect(await screen.findByText(/these are the demo org’s settings/)).toBeInTheDocument();
  });

  it('says nothing of the kind for a profile with its key', async () => {
    installFakeApi(answers());
    render(<SettingsView />);
    await screen.findByLabelText('Sync every');
    expect(screen.queryByText(/demo org’s settings/)).toBeNull();
  });
});

describe('SettingsView: budgets and alert rules', () => {
  it('opens the alert centre', async () => {
    installFakeApi(answers());
    useUiStore.setState({ view: 'settings' });
    render(<SettingsView />);
    fireEvent.click(await screen.findByRole('button', { name: 'Budgets and alert rules…' }));
    expect(useUiStore.getState().view).toBe('alerts');
  });
});
