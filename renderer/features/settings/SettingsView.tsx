/** Settings: the theme (follow the system, light, dark), the admin key, and the welcome screen. */
import { useUiStore, type Theme } from '../../stores/useUiStore';
import { AdminKeySection } from './AdminKeySection';

const THEMES: Array<{ id: Theme; label: string }> = [
  { id: 'system', label: 'Follow the system' },
  { id: 'light', label: 'Light' },
  { id: 'dark', label: 'Dark' },
];

export function SettingsView() {
  const theme = useUiStore((state) => state.theme);
  const setTheme = useUiStore((state) => state.setTheme);
  const showOnboarding = useUiStore((state) => state.showOnboarding);
  return (
    <div className="settings">
      <h2>Settings</h2>
      <fieldset>
        <legend>Theme</legend>
        {THEMES.map((option) => (
          <label key={option.id} className="radio">
            <input type="radio" name="theme" value={option.id} checked={theme === option.id} onChange={() => setTheme(option.id)} />
            {option.label}
          </label>
        ))}
      </fieldset>
      <AdminKeySection />
      <p>
        <button type="button" onClick={showOnboarding}>
          Show the welcome screen
        </button>
      </p>
    </div>
  );
}
