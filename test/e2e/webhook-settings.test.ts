import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWebhookReceiver, type WebhookReceiver } from '../helpers/webhook-receiver';
import { openApp, screenshot, seriousA11yViolations, type BrowserSession } from './browser';

// The team webhook from Settings, against the harness's in-memory keychain and a loopback receiver.
let session: BrowserSession;
let receiver: WebhookReceiver;
beforeAll(async () => {
  receiver = await startWebhookReceiver();
  session = await openApp();
  await session.page.getByRole('button', { name: 'Explore the demo org' }).click();
  await session.page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: 'Settings' }).click();
});
afterAll(async () => {
  await session?.close();
  await receiver?.close();
});

describe('the team webhook in Settings', () => {
  it('takes the URL write-only, shows only its host, and sends a test message', async () => {
    const { page, harness } = session;
    const answers: string[] = [];
    page.on('response', (response) => {
      if (response.url().includes('/api/'))
        void response.text().then(
          (text) => answers.push(text),
          () => undefined,
        );
    });
    await page.getByText('Not set.').waitFor();
    await page.getByLabel('Webhook URL').fill('http://example.com/hook');
    await page.getByRole('button', { name: 'Save webhook' }).click();
    await expect(page.getByRole('alert').textContent()).resolves.toMatch(/only to https/);

    await page.getByLabel('Webhook URL').fill(receiver.url);
    await page.getByRole('button', { name: 'Save webhook' }).click();
    await page.getByText(/Set: alerts also go to 127\.0\.0\.1:\d+\./).waitFor();
    await expect(page.getByLabel('Replace the webhook URL').inputValue()).resolves.toBe('');
    await page.getByRole('button', { name: 'Send test' }).click();
    await page.getByText('Test message sent.').waitFor();
    expect((receiver.bodies[0] as { text: string }).text).toContain('Test message from Clade Admin');
    expect(harness.storedKeys.get('default.webhook')).toContain(receiver.url);
    const path = new URL(receiver.url).pathname;
    expect(await page.content()).not.toContain(path);
    expect(answers.join('\n')).not.toContain(path);
    await page.getByRole('heading', { name: 'Team webhook' }).scrollIntoViewIfNeeded();
    await screenshot(page, 'settings-webhook');
    expect(await seriousA11yViolations(page)).toEqual([]);
  });
});
