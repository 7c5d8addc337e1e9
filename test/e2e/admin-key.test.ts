import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApp, screenshot, seriousA11yViolations, type BrowserSession } from './browser';

// Connecting a key from the window, against the harness's in-memory keychain and the demo sandbox.
let session: BrowserSession;
beforeAll(async () => {
  session = await openApp();
  await session.page.getByRole('button', { name: 'Explore the demo org' }).click();
  await session.page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: 'Settings' }).click();
});
afterAll(async () => {
  await session?.close();
});

describe('the admin key in Settings', () => {
  it('refuses a regular API key with an explanation of Admin keys', async () => {
    const { page, harness } = session;
    await page.getByLabel('Paste an Admin key').fill('sk-ant-api03-TESTaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa');
    await page.getByRole('button', { name: 'Connect' }).click();
    await expect(page.getByRole('alert').textContent()).resolves.toMatch(/Admin key/i);
    await screenshot(page, 'admin-key-refused');
    expect(harness.storedKeys.size).toBe(0);
    expect(await seriousA11yViolations(page)).toEqual([]);
  });

  it('connects a verified Admin key: stored in the keychain only, never shown again', async () => {
    const { page, harness } = session;
    const key = harness.sandboxAdminKey!;
    const answers: string[] = [];
    page.on('response', (response) => {
      if (response.url().includes('/api/'))
        void response.text().then(
          (text) => answers.push(text),
          () => undefined,
        );
    });
    await page.getByLabel('Paste an Admin key').fill(key);
    await page.getByRole('button', { name: 'Connect' }).click();
    await page.getByText(/Connected to /).waitFor();
    expect(harness.storedKeys.get('default')).toBe(key);
    await expect(page.getByLabel('Replace with a new Admin key').inputValue()).resolves.toBe('');
    expect(await page.content()).not.toContain(key);
    expect(answers.join('\n')).not.toContain(key);
    await screenshot(page, 'admin-key-connected');
  });
});
