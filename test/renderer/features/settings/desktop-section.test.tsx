/**
 * The Desktop settings section over the fake window.api: start at login toggled through main, a shortcut saved
 * and a conflicting one refused with main's words, the logs folder opened, and the diagnostics copied and shown.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { DesktopSection } from '../../../../renderer/features/settings/DesktopSection';
import { useDesktopStore } from '../../../../renderer/stores/useDesktopStore';
import type { DesktopSettingsSnapshot } from '../../../../preload/contract';
import { installFakeApi } from '../../fake-api';

const base: DesktopSettingsSnapshot = {
  openAtLogin: false,
  shortcut: { enabled: false, accelerator: 'CommandOrControl+Shift+K', active: null, problem: null },
  logsFolder: '/home/ann/.config/clade-admin/logs',
  autostartFile: '/home/ann/.config/autostart/clade-admin.desktop',
  platform: 'linux',
};

beforeEach(() =>
  useDesktopStore.setState({
    snapshot: null,
    unavailable: null,
    error: null,
    status: null,
    diagnostics: null,
    busy: false,
  }),
);
afterEach(() => {
  cleanup();
  delete window.api;
});

describe('DesktopSection', () => {
  it('turns start at login on through main; both settings start off', async () => {
    const fake = installFakeApi({
      'clade:desktop/get': () => base,
      'clade:desktop/set-open-at-login': ({ openAtLogin }) => ({ ...base, openAtLogin }),
    });
    render(<DesktopSection />);
    const login = await screen.findByRole('checkbox', { name: 'Start Clade Admin when I log in' });
    expect(login).not.toBeChecked();
    expect(screen.getByRole('checkbox', { name: /keyboard shortcut/ })).not.toBeChecked();
    expect(screen.getByText(/Kept in \/home\/ann\/.config\/autostart\/clade-admin.desktop/)).toBeInTheDocument();
    fireEvent.click(login);
    await screen.findByRole('checkbox', { name: 'Start Clade Admin when I log in', checked: true });
    expect(fake.calls.filter((c) => c.channel === 'clade:desktop/set-open-at-login')).toEqual([
      { channel: 'clade:desktop/set-open-at-login', request: { openAtLogin: true } },
    ]);
  });

  it('saves a shortcut, and shows main’s refusal when another app holds one', async () => {
    const fake = installFakeApi({
      'clade:desktop/get': () => base,
      'clade:desktop/set-shortcut': ({ enabled, accelerator }) =>
        accelerator === 'Alt+Space'
          ? { ok: false, error: { code: 'bad-request', message: 'Alt+Space is already used by another app.' } }
          : { ...base, shortcut: { enabled, accelerator, active: accelerator, problem: null } },
    });
    render(<DesktopSection />);
    fireEvent.click(await screen.findByRole('checkbox', { name: /keyboard shortcut/ }));
    fireEvent.change(screen.getByLabelText('Shortcut'), { target: { value: 'Control+Alt+C' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save shortcut' }));
    expect(await screen.findByText(/In use now: Control\+Alt\+C/)).toBeInTheDocument();
    fireEvent.change(screen.getByLabelText('Shortcut'), { target: { value: 'Alt+Space' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save shortcut' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Alt+Space is already used by another app.');
    expect(fake.calls.filter((c) => c.channel === 'clade:desktop/set-shortcut').map((c) => c.request)).toEqual([
      { enabled: true, accelerator: 'Control+Alt+C' },
      { enabled: true, accelerator: 'Alt+Space' },
    ]);
  });

  it('opens the logs folder and copies the diagnostics, showing what was copied', async () => {
    const text = 'clade-admin 1.0.0\nProfiles: 2\n';
    installFakeApi({
      'clade:desktop/get': () => base,
      'clade:desktop/open-logs': () => ({ folder: base.logsFolder }),
      'clade:desktop/copy-diagnostics': () => ({ text }),
    });
    render(<DesktopSection />);
    fireEvent.click(await screen.findByRole('button', { name: 'Open logs folder' }));
    expect(await screen.findByText(`Opened ${base.logsFolder}.`)).toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: 'Copy diagnostics' }));
    expect(await screen.findByText('Diagnostics copied to the clipboard.')).toBeInTheDocument();
    expect(screen.getByLabelText('Copied diagnostics').textContent).toBe(text);
  });
});
