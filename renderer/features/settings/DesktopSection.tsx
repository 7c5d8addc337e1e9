/**
 * Desktop: start at login (off until turned on; the app then starts in the tray), the global show/hide shortcut
 * (off until turned on; refused in words when it is not a shortcut or another app holds it), and what a bug
 * report needs: the logs folder and a diagnostics text with no org data and no keys.
 */
import { useEffect, useState, type FormEvent } from 'react';
import { useDesktopStore } from '../../stores/useDesktopStore';

export function DesktopSection() {
  const { snapshot, unavailable, error, status, diagnostics, busy, load } = useDesktopStore();
  const { setOpenAtLogin, setShortcut, openLogs, copyDiagnostics } = useDesktopStore();
  const [accelerator, setAccelerator] = useState('');
  const [enabled, setEnabled] = useState(false);
  useEffect(() => {
    void load();
  }, [load]);
  useEffect(() => {
    if (!snapshot) return;
    setAccelerator(snapshot.shortcut.accelerator);
    setEnabled(snapshot.shortcut.enabled);
  }, [snapshot]);

  const saveShortcut = (event: FormEvent): void => {
    event.preventDefault();
    void setShortcut(enabled, accelerator);
  };

  return (
    <section aria-labelledby="settings-desktop" className="settings-section desktop-settings">
      <h3 id="settings-desktop">Desktop</h3>
      {unavailable ? (
        <p className="muted">{unavailable}</p>
      ) : (
        snapshot && (
          <>
            <label className="checkbox">
              <input
                type="checkbox"
                checked={snapshot.openAtLogin}
                disabled={busy}
                onChange={(event) => void setOpenAtLogin(event.target.checked)}
                aria-describedby="desktop-login-help"
              />
              Start Clade Admin when I log in
            </label>
            <p className="muted" id="desktop-login-help">
              It starts in the tray, without opening this window.
              {snapshot.autostartFile ? ` (Kept in ${snapshot.autostartFile}.)` : ''}
            </p>

            <form onSubmit={saveShortcut} className="shortcut-form">
              <label className="checkbox">
                <input type="checkbox" checked={enabled} onChange={(event) => setEnabled(event.target.checked)} />
                Show or hide this window with a keyboard shortcut
              </label>
              <label htmlFor="desktop-shortcut">Shortcut</label>
              <input
                id="desktop-shortcut"
                value={accelerator}
                maxLength={60}
                spellCheck={false}
                onChange={(event) => setAccelerator(event.target.value)}
                aria-describedby="desktop-shortcut-help"
              />
              <button type="submit" disabled={busy}>
                Save shortcut
              </button>
              <p className="muted" id="desktop-shortcut-help">
                Modifiers joined with +, then one key: for example CommandOrControl+Shift+K or Alt+Space.
                {snapshot.shortcut.active ? ` In use now: ${snapshot.shortcut.active}.` : ''}
              </p>
              {snapshot.shortcut.problem && (
                <p role="alert" className="notice notice-error">
                  {snapshot.shortcut.problem}
                </p>
              )}
            </form>

            <div className="desktop-support">
              <button type="button" onClick={() => void openLogs()} disabled={busy}>
                Open logs folder
              </button>
              <button type="button" onClick={() => void copyDiagnostics()} disabled={busy}>
                Copy diagnostics
              </button>
              <p className="muted">
                Logs are in {snapshot.logsFolder}. Diagnostics hold versions, the OS, how many profiles and the last
                sync status of each part: no organization data, no emails, no keys.
              </p>
            </div>
          </>
        )
      )}
      {error && (
        <p role="alert" className="notice notice-error">
          {error}
        </p>
      )}
      {status && <p role="status">{status}</p>}
      {diagnostics && (
        <pre className="diagnostics" aria-label="Copied diagnostics">
          {diagnostics}
        </pre>
      )}
    </section>
  );
}
