/**
 * Connect, replace or remove the admin key of the open profile. The field is a password input that is emptied
 * as soon as the key is handed to main; the window only ever shows whether a key is present, for which org,
 * and when it was last verified. The demo profile takes no key: the section says so instead.
 */
import { useEffect, useState, type FormEvent } from 'react';
import { useSettingsStore } from '../../stores/useSettingsStore';
import { useVaultStore } from '../../stores/useVaultStore';
import { formatDate } from '../../lib/format';

export function AdminKeySection() {
  const { status, busy, error, load, connect, clear } = useVaultStore();
  const active = useSettingsStore((s) => s.snapshot?.profiles.find((p) => p.active) ?? null);
  const reloadSettings = useSettingsStore((s) => s.load);
  const [draft, setDraft] = useState('');
  useEffect(() => {
    void load();
  }, [load, active?.id]);

  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    const key = draft;
    setDraft(''); // the key leaves the window's state at once, whatever the outcome
    if (await connect(key)) void reloadSettings(); // the profile list shows the org and "key stored"
  };

  if (active?.demo) {
    return (
      <section aria-labelledby="settings-key" className="admin-key settings-section">
        <h3 id="settings-key">Admin key</h3>
        <p>
          The demo org needs no key. To connect your organization, add a profile above, switch to it, and connect its
          Admin key here.
        </p>
      </section>
    );
  }

  return (
    <section aria-labelledby="settings-key" className="admin-key settings-section">
      <h3 id="settings-key">Admin key{active ? ` of ${active.label}` : ''}</h3>
      <p role="status">
        {status?.present
          ? `Connected to ${status.orgName ?? 'your organization'}${status.verifiedAt ? `, verified ${formatDate(Date.parse(status.verifiedAt))}` : ''}.`
          : 'No key connected: the window shows the demo org.'}
      </p>
      <form onSubmit={(event) => void submit(event)} className="key-form">
        <label htmlFor="admin-key-input">
          {status?.present ? 'Replace with a new Admin key' : 'Paste an Admin key'}
        </label>
        <input
          id="admin-key-input"
          type="password"
          autoComplete="off"
          spellCheck={false}
          placeholder="sk-ant-admin01-…"
          value={draft}
          onChange={(event) => setDraft(event.target.value)}
          aria-describedby={error ? 'admin-key-error admin-key-help' : 'admin-key-help'}
          aria-invalid={error ? true : undefined}
        />
        <button type="submit" className="primary" disabled={busy || draft.trim() === ''}>
          {busy ? 'Checking…' : 'Connect'}
        </button>
      </form>
      <p id="admin-key-help" className="muted">
        Clade Admin checks the key with Anthropic once, then keeps it in your system’s keychain. It is never shown
        again.
      </p>
      {error && (
        <p role="alert" className="notice notice-error" id="admin-key-error">
          {error}
        </p>
      )}
      {status?.present && (
        <button type="button" onClick={() => void clear().then(() => reloadSettings())} disabled={busy}>
          Remove the key from this computer
        </button>
      )}
    </section>
  );
}
