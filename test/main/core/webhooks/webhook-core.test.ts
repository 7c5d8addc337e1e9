import { describe, expect, it } from 'vitest';
import { redactDeep, redactSecrets, redactUrl } from '../../../../main/core/redact';
import { nextDelayMs, retryAfterMs, DEFAULT_RETRY_POLICY } from '../../../../main/core/webhooks/retry';
import { slackEscape } from '../../../../main/core/webhooks/webhook-message';
import { lastDigestDay } from '../../../../main/core/webhooks/webhook-plan';
import { checkWebhookUrl, webhookHost } from '../../../../main/core/webhooks/webhook-url';

const SLACK = 'https://hooks.slack.com/services/T0AAAA/B0BBBB/abcdefghijklmnopqrstuvwx';

describe('checkWebhookUrl', () => {
  it('accepts https anywhere and http only on loopback', () => {
    expect(checkWebhookUrl(` ${SLACK}\n`)).toEqual({ ok: true, url: SLACK, host: 'hooks.slack.com' });
    expect(checkWebhookUrl('http://127.0.0.1:8123/hook')).toMatchObject({ ok: true, host: '127.0.0.1:8123' });
    expect(checkWebhookUrl('http://localhost/hook')).toMatchObject({ ok: true });
    expect(checkWebhookUrl('http://[::1]:9/hook')).toMatchObject({ ok: true });
  });

  it('refuses plain http elsewhere, other schemes, credentials and fragments, without quoting the path', () => {
    const refusal = checkWebhookUrl('http://hooks.example.com/services/SECRETPATH');
    expect(refusal).toEqual({
      ok: false,
      reason: 'webhooks go only to https URLs (or http on a loopback address for tests), not http://hooks.example.com',
    });
    expect(JSON.stringify(refusal)).not.toContain('SECRETPATH');
    expect(checkWebhookUrl('http://127.0.0.1.example.com/x').ok).toBe(false);
    expect(checkWebhookUrl('file:///etc/passwd').ok).toBe(false);
    expect(checkWebhookUrl('ftp://example.com/x').ok).toBe(false);
    expect(checkWebhookUrl('https://user:pw@example.com/x').ok).toBe(false);
    expect(checkWebhookUrl('https://example.com/x#frag').ok).toBe(false);
    expect(checkWebhookUrl('not a url').ok).toBe(false);
    expect(checkWebhookUrl('').ok).toBe(false);
    expect(webhookHost(SLACK)).toBe('hooks.slack.com');
  });
});

describe('retry policy', () => {
  const policy = { ...DEFAULT_RETRY_POLICY, baseDelayMs: 1000, maxDelayMs: 30_000, attempts: 3 };
  it('backs off on 5xx and network errors, honours Retry-After on 429, stops on other 4xx and after 3 tries', () => {
    expect(nextDelayMs({ status: 500, retryAfter: null }, 1, policy, 0)).toBe(1000);
    expect(nextDelayMs({ status: 503, retryAfter: null }, 2, policy, 0)).toBe(2000);
    expect(nextDelayMs({ status: null, error: 'ECONNREFUSED' }, 1, policy, 0)).toBe(1000);
    expect(nextDelayMs({ status: 429, retryAfter: '7' }, 1, policy, 0)).toBe(7000);
    expect(nextDelayMs({ status: 429, retryAfter: '3600' }, 1, policy, 0)).toBe(30_000);
    expect(nextDelayMs({ status: 429, retryAfter: 'Thu, 01 Jan 1970 00:00:05 GMT' }, 1, policy, 0)).toBe(5000);
    expect(nextDelayMs({ status: 404, retryAfter: null }, 1, policy, 0)).toBeNull();
    expect(nextDelayMs({ status: 400, retryAfter: null }, 1, policy, 0)).toBeNull();
    expect(nextDelayMs({ status: 200, retryAfter: null }, 1, policy, 0)).toBeNull();
    expect(nextDelayMs({ status: 500, retryAfter: null }, 3, policy, 0)).toBeNull();
    expect(retryAfterMs('soon', 0)).toBeNull();
  });
});

describe('webhook URLs are secrets to the redactor', () => {
  it('masks Slack, Discord, Teams and Google Chat webhook paths, keeps the host, and is idempotent', () => {
    const text = `posting to ${SLACK} failed; also https://discord.com/api/webhooks/123/tok-en and https://acme.webhook.office.com/webhookb2/abc`;
    const once = redactSecrets(text);
    expect(once).toContain('https://hooks.slack.com/…[redacted]');
    expect(once).toContain('https://discord.com/api/webhooks/…[redacted]');
    expect(once).toContain('https://acme.webhook.office.com/…[redacted]');
    expect(once).not.toContain('abcdefghijklmnop');
    expect(once).not.toContain('tok-en');
    expect(redactSecrets(once)).toBe(once);
    expect(redactDeep({ webhookUrl: 'https://example.com/x/y' })).toEqual({ webhookUrl: '[redacted]' });
  });

  it('masks one known URL on any host, whole or by its path', () => {
    const url = 'https://relay.example.net/hooks/SECRET-abc-123456';
    expect(redactUrl(`fetch ${url} failed (path /hooks/SECRET-abc-123456)`, url)).toBe(
      'fetch https://relay.example.net/…[redacted] failed (path /…[redacted])',
    );
  });
});

describe('Slack escaping and digest marks', () => {
  it('escapes the three mrkdwn control characters', () => {
    expect(slackEscape('<!channel> & <https://evil|click>')).toBe('&lt;!channel&gt; &amp; &lt;https://evil|click&gt;');
  });
  it('finds the latest digest day among delivery marks', () => {
    expect(lastDigestDay(['a@1', 'digest@2026-11-23', 'digest@2026-11-24', 'b'])).toBe('2026-11-24');
    expect(lastDigestDay(['a@1'])).toBeNull();
  });
});
