/**
 * Profiles: one per organization, each with its own key and mirror, plus the built-in demo org. The admin
 * switches to the one the window shows, adds one (a name; its key is connected below once it is active) and
 * removes one after confirming, optionally with its local data. A profile without a key shows the demo org.
 */
import { useState, type FormEvent } from 'react';
import type { ProfileSummary } from '../../../preload/contract';
import { useSettingsStore } from '../../stores/useSettingsStore';

export function ProfilesSection() {
  const snapshot = useSettingsStore((s) => s.snapshot);
  const busy = useSettingsStore((s) => s.busy);
  const error = useSettingsStore((s) => s.profileError);
  const switchProfile = useSettingsStore((s) => s.switchProfile);
  const [confirming, setConfirming] = useState<string | null>(null);
  const profiles = snapshot?.profiles ?? [];
  if (snapshot && profiles.length === 0) return null; // this window cannot manage profiles

  return (
    <section aria-labelledby="settings-profiles" className="settings-section">
      <h3 id="settings-profiles">Profiles</h3>
      <p className="muted" id="profiles-help">
        One profile per organization, each with its own key and local data. A profile without a key shows the demo org.
      </p>
      {error && (
        <p role="alert" className="notice notice-error" id="profiles-error">
          {error}
        </p>
      )}
      <ul className="profile-list" aria-describedby="profiles-help">
        {profiles.map((profile) => (
          <li key={profile.id} className="profile-row" aria-current={profile.active ? 'true' : undefined}>
            <div className="profile-name">
              <strong>{profile.label}</strong> <span className="muted">({profile.id})</span>
              {profile.active && <span className="badge badge-active">Open</span>}
              <span className="profile-status muted">{describeProfile(profile)}</span>
            </div>
            <div className="profile-actions">
              {!profile.active && (
                <button
                  type="button"
                  disabled={busy}
                  onClick={() => void switchProfile(profile.id)}
                  aria-label={`Switch to ${profile.label}`}
                >
                  Switch to
                </button>
              )}
              {!profile.active && !profile.demo && confirming !== profile.id && (
                <button
                  type="button"
                  disabled={busy}
                  onClick={() => setConfirming(profile.id)}
                  aria-label={`Remove ${profile.label}…`}
                >
                  Remove…
                </button>
              )}
            </div>
            {confirming === profile.id && <ConfirmRemove profile={profile} onDone={() => setConfirming(null)} />}
          </li>
        ))}
      </ul>
      <AddProfileForm />
    </section>
  );
}

function describeProfile(profile: ProfileSummary): string {
  if (profile.demo) return 'Built-in demo org (sandbox), no key needed.';
  const org = profile.orgName ? `Organization ${profile.orgName}. ` : '';
  if (profile.keyStored === null) return `${org}The keychain could not be read.`;
  return profile.keyStored ? `${org}Admin key stored in the keychain.` : `${org}No key: shows the demo org.`;
}

function ConfirmRemove({ profile, onDone }: { profile: ProfileSummary; onDone: () => void }) {
  const removeProfile = useSettingsStore((s) => s.removeProfile);
  const busy = useSettingsStore((s) => s.busy);
  const [deleteMirror, setDeleteMirror] = useState(false);
  const id = `remove-${profile.id}`;
  return (
    <div role="group" aria-labelledby={`${id}-title`} className="confirm-remove">
      <p id={`${id}-title`}>
        Remove <strong>{profile.label}</strong>? Its admin key is deleted from the keychain.
      </p>
      <label className="check">
        <input type="checkbox" checked={deleteMirror} onChange={(e) => setDeleteMirror(e.target.checked)} />
        Also delete its local data (the mirror of the organization)
      </label>
      <div className="profile-actions">
        <button
          type="button"
          className="danger"
          disabled={busy}
          onClick={() => void removeProfile(profile.id, deleteMirror).then((ok) => ok && onDone())}
        >
          Remove profile
        </button>
        <button type="button" onClick={onDone} autoFocus>
          Cancel
        </button>
      </div>
    </div>
  );
}

function AddProfileForm() {
  const addProfile = useSettingsStore((s) => s.addProfile);
  const error = useSettingsStore((s) => s.profileError);
  const busy = useSettingsStore((s) => s.busy);
  const [label, setLabel] = useState('');
  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    if (await addProfile(label)) setLabel('');
  };
  return (
    <form className="inline-form" onSubmit={(e) => void submit(e)}>
      <label htmlFor="new-profile-label">New profile name</label>
      <input
        id="new-profile-label"
        type="text"
        value={label}
        maxLength={80}
        onChange={(e) => setLabel(e.target.value)}
        aria-describedby={error ? 'profiles-error new-profile-help' : 'new-profile-help'}
      />
      <button type="submit" disabled={busy || label.trim() === ''}>
        Add profile
      </button>
      <p id="new-profile-help" className="muted field-hint">
        For example the organization’s name. Switch to it, then connect its Admin key below.
      </p>
    </form>
  );
}
