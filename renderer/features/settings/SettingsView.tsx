/**
 * Settings: the profiles (switch, add, remove; the demo org), the admin key of the open profile, its sync
 * interval, history and audit retention, its team webhook, this computer's desktop settings (start at login, shortcut,
 * logs), a way into the alert centre (budgets and rules), the theme (follow
 * the system, light, dark), and the welcome screen. Fits a 380 px popover (one column) and a full window.
 */
import { useEffect } from 'react';
import { useSettingsStore } from '../../stores/useSettingsStore';
import { useUiStore, type Theme } from '../../stores/useUiStore';
import { AdminKeySection } from './AdminKeySection';
import { ProfilesSection } from './ProfilesSection';
import { SyncSection } from './SyncSection';
import { DesktopSection } from './DesktopSection';
import { WebhookSection } from './WebhookSection';
import { PricesSection } from './PricesSection';
import './settings.css';

const THEMES: Array<{ id: Theme; label: string }> = [
  { id: 'system', label: 'Follow the system' },
  { id: 'light', label: 'Light' },
  { id: 'dark', label: 'Dark' },
];

export function SettingsView() {
  const theme = useUiStore((state) => state.theme);
  const setTheme = useUiStore((state) => state.setTheme);
  const showOnboarding = useUiStore((state) => state.showOnboarding);
  const setView = useUiStore((state) => state.setView);
  const load = useSettingsStore((state) => state.load);
  const loadError = useSettingsStore((state) => state.loadError);
  useEffect(() => {
    void load();
  }, [load]);
  return (
    <div className="settings">
      <h2>Settings</h2>
      {loadError && (
        <p role="alert" className="notice notice-error">
          {loadError}
        </p>
      )}
      <ProfilesSection />
      <AdminKeySection />
      <SyncSection />
      <DesktopSection />
      <WebhookSection />
      <PricesSection />
      <section aria-labelledby="settings-alerts" className="settings-section">
        <h3 id="settings-alerts">Budgets and alerts</h3>
        <p className="muted" id="settings-alerts-help">
          Monthly budgets per workspace, spend thresholds, key expiry and age policy, quiet hours and snoozes live in
          the alert centre.
        </p>
        <button type="button" onClick={() => setView('alerts')} aria-describedby="settings-alerts-help">
          Budgets and alert rules…
        </button>
      </section>
      <fieldset>
        <legend>Theme</legend>
        {THEMES.map((option) => (
          <label key={option.id} className="radio">
            <input
              type="radio"
              name="theme"
              value={option.id}
              checked={theme === option.id}
              onChange={() => setTheme(option.id)}
            />
            {option.label}
          </label>
        ))}
      </fieldset>
      <p>
        <button type="button" onClick={showOnboarding}>
          Show the welcome screen
        </button>
      </p>
    </div>
  );
}
