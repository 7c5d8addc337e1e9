/**
 * The open profile's sync interval, history to keep, request rate and audit retention. Main validates every value (the
 * settings catalogue); a refused value shows main's message under its field, linked by aria-describedby.
 * A field that is not a number at all is caught here, since it cannot even be sent.
 */
import { useEffect, useState, type FormEvent } from 'react';
import type { EditableSetting, SettingsSnapshot } from '../../../preload/contract';
import { useSettingsStore } from '../../stores/useSettingsStore';

type Values = NonNullable<SettingsSnapshot['values']>;
type Drafts = { interval: string; history: string; rate: string; retention: string; keepAll: boolean };

const FIELD_IDS: Record<EditableSetting, string> = {
  'sync.intervalMinutes': 'sync-interval',
  'sync.historyDays': 'sync-history',
  'sync.requestsPerMinute': 'sync-rate',
  'audit.retentionDays': 'audit-retention',
};

function draftsOf(values: Values): Drafts {
  const retention = values['audit.retentionDays'];
  return {
    interval: String(values['sync.intervalMinutes']),
    history: String(values['sync.historyDays']),
    rate: String(values['sync.requestsPerMinute']),
    retention: retention === null ? '' : String(retention),
    keepAll: retention === null,
  };
}

/** The typed text as a number, or null when it is not one (empty, letters). */
function parsed(text: string): number | null {
  const trimmed = text.trim();
  if (trimmed === '') return null;
  const value = Number(trimmed);
  return Number.isFinite(value) ? value : null;
}

export function SyncSection() {
  const snapshot = useSettingsStore((s) => s.snapshot);
  const fieldErrors = useSettingsStore((s) => s.fieldErrors);
  const savedMessage = useSettingsStore((s) => s.savedMessage);
  const save = useSettingsStore((s) => s.save);
  const setFieldError = useSettingsStore((s) => s.setFieldError);
  const values = snapshot?.values ?? null;
  const [drafts, setDrafts] = useState<Drafts | null>(values ? draftsOf(values) : null);
  const [saving, setSaving] = useState(false);
  const valuesKey = values ? JSON.stringify(values) : null;
  // New values from main (first load, another profile opened, a save): the fields follow.
  useEffect(() => {
    if (values) setDrafts(draftsOf(values));
  }, [valuesKey, snapshot?.activeProfileId]);

  if (!snapshot) return null;
  if (!values || !drafts) {
    return (
      <section aria-labelledby="settings-sync" className="settings-section">
        <h3 id="settings-sync">Sync and history</h3>
        <p role="status">The data of this profile is still being prepared; its settings appear when it is ready.</p>
      </section>
    );
  }
  const { limits } = snapshot;
  const active = snapshot.profiles.find((p) => p.active);
  // A profile without a key shows the demo org, and these values are the demo mirror's (what its syncs use).
  const showsDemo = active !== undefined && !active.demo && active.keyStored !== true;

  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    const typed: Array<[EditableSetting, string]> = [
      ['sync.intervalMinutes', drafts.interval],
      ['sync.historyDays', drafts.history],
      ['sync.requestsPerMinute', drafts.rate],
      ...(drafts.keepAll ? [] : ([['audit.retentionDays', drafts.retention]] as Array<[EditableSetting, string]>)),
    ];
    const toSave: Partial<Record<EditableSetting, number | null>> = drafts.keepAll
      ? { 'audit.retentionDays': null }
      : {};
    let unreadable = false;
    for (const [name, text] of typed) {
      const value = parsed(text);
      if (value === null) {
        setFieldError(name, 'Enter a whole number.');
        unreadable = true;
      } else {
        setFieldError(name, null);
        toSave[name] = value;
      }
    }
    if (unreadable) return;
    setSaving(true);
    await save(toSave);
    setSaving(false);
  };

  const field = (
    name: EditableSetting,
    label: string,
    unit: string,
    draft: string,
    onChange: (text: string) => void,
    disabled = false,
  ) => {
    const id = FIELD_IDS[name];
    const error = fieldErrors[name];
    const { min, max } = limits[name];
    return (
      <div className="field">
        <label htmlFor={id}>{label}</label>
        <div className="field-input">
          <input
            id={id}
            type="number"
            inputMode="numeric"
            min={min}
            max={max}
            step={1}
            value={draft}
            disabled={disabled}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? `${id}-error ${id}-hint` : `${id}-hint`}
            onChange={(e) => onChange(e.target.value)}
          />
          <span className="muted">{unit}</span>
        </div>
        <p id={`${id}-hint`} className="muted field-hint">
          {min} to {max} {unit}.
        </p>
        {error && (
          <p id={`${id}-error`} className="field-error">
            {error}
          </p>
        )}
      </div>
    );
  };

  return (
    <section aria-labelledby="settings-sync" className="settings-section">
      <h3 id="settings-sync">Sync and history</h3>
      {showsDemo && (
        <p className="muted">
          {active.label} has no key yet: the window shows the demo org, and these are the demo org’s settings. Once its
          key is connected, {active.label} has its own, starting from the defaults.
        </p>
      )}
      <form className="settings-form" onSubmit={(e) => void submit(e)} noValidate>
        {field('sync.intervalMinutes', 'Sync every', 'minutes', drafts.interval, (interval) =>
          setDrafts({ ...drafts, interval }),
        )}
        {field('sync.historyDays', 'Usage and cost history to keep', 'days', drafts.history, (history) =>
          setDrafts({ ...drafts, history }),
        )}
        {field('sync.requestsPerMinute', 'Requests to the Admin API', 'a minute', drafts.rate, (rate) =>
          setDrafts({ ...drafts, rate }),
        )}
        <fieldset className="field-group">
          <legend>Audit trail retention</legend>
          <label className="check">
            <input
              type="checkbox"
              checked={drafts.keepAll}
              onChange={(e) =>
                setDrafts({ ...drafts, keepAll: e.target.checked, retention: drafts.retention || '365' })
              }
            />
            Keep the whole audit trail
          </label>
          {field(
            'audit.retentionDays',
            'Keep audit events for',
            'days',
            drafts.retention,
            (retention) => setDrafts({ ...drafts, retention }),
            drafts.keepAll,
          )}
        </fieldset>
        <div className="form-actions">
          <button type="submit" className="primary" disabled={saving}>
            {saving ? 'Saving…' : 'Save sync settings'}
          </button>
          <span role="status" className="muted">
            {savedMessage ?? ''}
          </span>
        </div>
      </form>
      <p className="muted">
        A longer history is fetched by the next syncs; the audit trail is trimmed after each sync. The request rate
        applies after a first burst of 30; lower it if the API answers “rate limited”. Changes are recorded in the audit
        trail.
      </p>
    </section>
  );
}
