import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { WebhookSection } from '../../../../renderer/features/settings/WebhookSection';
import { useWebhookStore } from '../../../../renderer/stores/useWebhookStore';
import { installFakeApi } from '../../fake-api';

const URL = 'https://hooks.slack.com/services/T0TEST/B0TEST/abcdefSECRETtoken123456';
const NOT_SET = {
  configured: false,
  host: null,
  format: null,
  lastSuccessAtMs: null,
  lastFailureAtMs: null,
  lastFailure: null,
};
const SET = { ...NOT_SET, configured: true, host: 'hooks.slack.com', format: 'slack' as const };

beforeEach(() => useWebhookStore.setState({ status: null, busy: false, error: null, loadError: null, tested: null }));
afterEach(() => {
  cleanup();
  delete window.api;
});

describe('WebhookSection', () => {
  it('hands the URL to main once, empties the field, and shows only "set" with the host', async () => {
    let current: typeof NOT_SET | typeof SET = NOT_SET;
    const fake = installFakeApi({
      'clade:webhooks/status': () => current,
      'clade:webhooks/set': () => (current = SET),
      'clade:webhooks/test': () => ({ delivered: true, error: null }),
    });
    render(<WebhookSection />);
    expect(await screen.findByText(/Not set\./)).toBeInTheDocument();
    fireEvent.click(screen.getByLabelText('Generic JSON'));
    const input = screen.getByLabelText('Webhook URL');
    expect(input).toHaveAttribute('type', 'password');
    fireEvent.change(input, { target: { value: URL } });
    fireEvent.click(screen.getByRole('button', { name: 'Save webhook' }));
    expect(await screen.findByText(/Set: alerts also go to hooks\.slack\.com\./)).toBeInTheDocument();
    expect(fake.calls.filter((c) => c.channel === 'clade:webhooks/set')).toEqual([
      { channel: 'clade:webhooks/set', request: { url: URL, format: 'json' } },
    ]);
    expect(screen.getByLabelText('Replace the webhook URL')).toHaveValue('');
    fireEvent.click(screen.getByRole('button', { name: 'Send test' }));
    expect(await screen.findByText('Test message sent.')).toBeInTheDocument();
    expect(document.body.innerHTML).not.toContain('SECRETtoken');
    expect(JSON.stringify(useWebhookStore.getState())).not.toContain('SECRETtoken');
  });

  it("shows main's refusal of a non-https URL and keeps nothing", async () => {
    installFakeApi({
      'clade:webhooks/status': () => NOT_SET,
      'clade:webhooks/set': () => ({
        ok: false,
        error: { code: 'bad-request', message: 'Webhook URL refused: webhooks go only to https URLs.' },
      }),
    });
    render(<WebhookSection />);
    fireEvent.change(await screen.findByLabelText('Webhook URL'), { target: { value: 'http://example.com/hook' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save webhook' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('only to https');
    expect(screen.getByLabelText('Webhook URL')).toHaveValue('');
  });
});
