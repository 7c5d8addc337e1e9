/**
 * Settings: the profiles (open, add, remove; the demo org), the open profile's sync interval, history and
 * audit retention, the admin key of the open profile, the theme (follow the system, light, dark), and the
 * welcome screen. Fits a 380 px popover (one column) and a full window.
 */
import { useEffect } from 'react';
import { useSettingsStore } from '../../stores/useSettingsStore';
import { useUiStore, type Theme } from '../../stores/useUiStore';
import { AdminKeySection } from './AdminKeySection';
import { ProfilesSection } from './ProfilesSection';
import { SyncSection } from './SyncSection';
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
      <fieldset>
        <legend>Theme</legend>
        {THEMES.map((option) => (
          <label key={option.id} className="radio">
            <input type="radio" name="theme" value={option.id} checked={theme === option.id} onChange={() => setTheme(option.id)} />
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
