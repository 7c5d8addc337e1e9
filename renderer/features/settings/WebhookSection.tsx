/**
 * The team webhook of the open profile: alert episodes (once each, after quiet hours, and the digest) also go to a
 * Slack-compatible or generic JSON webhook. The URL field is write-only, like the admin key's: it is emptied as soon
 * as the URL is handed to main, and the section only ever shows "set" with the host, or "not set".
 */
import { useEffect, useState, type FormEvent } from 'react';
import type { WebhookFormatChoice } from '../../../preload/contract';
import { useSettingsStore } from '../../stores/useSettingsStore';
import { useWebhookStore } from '../../stores/useWebhookStore';
import { formatDate } from '../../lib/format';

const FORMATS: Array<{ id: WebhookFormatChoice; label: string }> = [
  { id: 'slack', label: 'Slack (incoming webhook)' },
  { id: 'json', label: 'Generic JSON' },
];

export function WebhookSection() {
  const { status, busy, error, loadError, tested, load, save, setFormat, remove, test } = useWebhookStore();
  const activeId = useSettingsStore((s) => s.snapshot?.activeProfileId ?? null);
  const [draft, setDraft] = useState('');
  const [format, setDraftFormat] = useState<WebhookFormatChoice>('slack');
  useEffect(() => {
    void load();
  }, [load, activeId]);

  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    const url = draft;
    setDraft(''); // the URL leaves the window's state at once, whatever the outcome
    await save(url, status?.format ?? format);
  };
  const chosen = status?.format ?? format;

  return (
    <section aria-labelledby="settings-webhook" className="settings-section">
      <h3 id="settings-webhook">Team webhook</h3>
      {loadError && <p className="muted">{loadError}</p>}
      <p role="status">
        {status?.configured ? `Set: alerts also go to ${status.host ?? 'the webhook'}.` : 'Not set.'}
        {status?.lastSuccessAtMs ? ` Last delivered ${formatDate(status.lastSuccessAtMs)}.` : ''}
      </p>
      {status?.lastFailure && (
        <p className="notice notice-error">
          The last post failed{status.lastFailureAtMs ? ` (${formatDate(status.lastFailureAtMs)})` : ''}:{' '}
          {status.lastFailure}
        </p>
      )}
      <form onSubmit={(event) => void submit(event)} className="key-form">
        <label htmlFor="webhook-url-input">{status?.configured ? 'Replace the webhook URL' : 'Webhook URL'}</label>
        <input
          id="webhook-url-input"
          type="password"
          autoComplete="off"
          spellCheck={false}
          placeholder="https://hooks.slack.com/services/…"
          value={draft}
          onChange={(event) => setDraft(event.target.value)}
          aria-describedby={error ? 'webhook-error webhook-help' : 'webhook-help'}
          aria-invalid={error ? true : undefined}
        />
        <button type="submit" className="primary" disabled={busy || draft.trim() === ''}>
          Save webhook
        </button>
      </form>
      <fieldset>
        <legend>Format</legend>
        {FORMATS.map((option) => (
          <label key={option.id} className="radio">
            <input
              type="radio"
              name="webhook-format"
              value={option.id}
              checked={chosen === option.id}
              disabled={busy}
              onChange={() => (status?.configured ? void setFormat(option.id) : setDraftFormat(option.id))}
            />
            {option.label}
          </label>
        ))}
      </fieldset>
      <p id="webhook-help" className="muted">
        Each alert is posted once (after quiet hours), with the morning digest when it is on. Only https addresses are
        accepted. The URL is kept in your system’s keychain and never shown again.
      </p>
      {error && (
        <p role="alert" className="notice notice-error" id="webhook-error">
          {error}
        </p>
      )}
      {tested && (
        <p role="status" className={tested.delivered ? 'muted' : 'notice notice-error'}>
          {tested.delivered ? 'Test message sent.' : `The test message failed: ${tested.error ?? 'unknown error'}`}
        </p>
      )}
      {status?.configured && (
        <p>
          <button type="button" onClick={() => void test()} disabled={busy}>
            Send test
          </button>{' '}
          <button type="button" onClick={() => void remove()} disabled={busy}>
            Remove the webhook
          </button>
        </p>
      )}
    </section>
  );
}
