import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApp, screenshot, seriousA11yViolations, type BrowserSession } from './browser';

// Disabling a key from the inventory on the demo org (the harness's in-process sandbox), keyboard only in the dialog.
let session: BrowserSession;
beforeAll(async () => {
  session = await openApp();
  await session.page.getByRole('button', { name: 'Explore the demo org' }).click();
  await session.page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: 'API keys' }).click();
});
afterAll(async () => {
  await session?.close();
});

describe('key actions in the inventory', () => {
  it('disables a key after a keyboard confirmation; the inventory shows it inactive; no key reaches the page', async () => {
    const { page, harness } = session;
    const row = page.locator('tbody tr', { hasText: 'Active' }).first();
    const name = (await row.locator('.key-name').textContent())!.trim();
    await row.focus();
    await page.keyboard.press('Enter');
    const panel = page.getByRole('region', { name: `Key ${name}` });
    await panel.getByRole('button', { name: 'Disable' }).click();
    const dialog = page.getByRole('dialog');
    await page.getByRole('dialog', { name: 'Confirm admin action' }).waitFor();
    await dialog.getByText(`Disable key '${name}'`).waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, 'key-actions-confirm');
    // Focus starts on Cancel; Tab reaches Confirm, Enter presses it.
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await dialog.getByText(/Recorded in the audit trail/).waitFor();
    // The outcome is shown first; the view's refresh from the mirror follows it (onDone), so poll for it.
    await expect.poll(() => panel.getByTestId('key-detail-status').textContent()).toMatch(/inactive/i);
    await screenshot(page, 'key-actions');
    await page.keyboard.press('Escape');
    await expect(dialog.count()).resolves.toBe(0);
    await expect.poll(() => page.locator('tbody tr', { hasText: name }).first().textContent()).toMatch(/Inactive/);
    expect(await page.content()).not.toContain(harness.sandboxAdminKey!);
    expect(await seriousA11yViolations(page)).toEqual([]);
  });

  it("archives a key once its name is typed: main's confirmation token makes the round trip", async () => {
    const { page } = session;
    const row = page.locator('tbody tr', { hasText: 'Active' }).first();
    const name = (await row.locator('.key-name').textContent())!.trim();
    await row.focus();
    await page.keyboard.press('Enter');
    const panel = page.getByRole('region', { name: `Key ${name}` });
    await panel.getByRole('button', { name: 'Archive…' }).click();
    // The dialog is titled "Result" once the outcome is in.
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel(`Type “${name}” to confirm`).fill(name);
    await dialog.getByRole('button', { name: 'Confirm' }).click();
    await dialog.getByText(/Recorded in the audit trail/).waitFor();
    await expect.poll(() => panel.getByTestId('key-detail-status').textContent()).toMatch(/archived/i);
    await page.keyboard.press('Escape');
  });
});
