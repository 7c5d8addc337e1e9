import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { postWebhook } from '../../../../main/services/webhooks/post-webhook';
import { startWebhookReceiver, type WebhookReceiver } from '../../../helpers/webhook-receiver';

describe('postWebhook', () => {
  let receiver: WebhookReceiver;
  beforeEach(async () => {
    receiver = await startWebhookReceiver();
  });
  afterEach(() => receiver.close());

  it('gives each attempt its own timeout and says so without the URL', async () => {
    receiver.answers.push({ status: 200, delayMs: 400 }, { status: 200, delayMs: 400 });
    const result = await postWebhook(
      receiver.url,
      { text: 'hi' },
      {
        retry: { attempts: 2, baseDelayMs: 1, maxDelayMs: 5, timeoutMs: 100 },
      },
    );
    expect(result).toEqual({ ok: false, attempts: 2, error: 'no answer from the webhook within 100 ms' });
  });

  it('does not follow a redirect (a post must not be bounced to another host or to plain http)', async () => {
    receiver.answers.push({ status: 302, headers: { location: 'http://example.com/' } });
    const result = await postWebhook(
      receiver.url,
      { text: 'hi' },
      {
        retry: { attempts: 1, baseDelayMs: 1, maxDelayMs: 5, timeoutMs: 2000 },
      },
    );
    expect(result.ok).toBe(false);
    expect(receiver.raw).toHaveLength(1);
    expect(JSON.stringify(result)).not.toContain(new URL(receiver.url).pathname);
  });
});
