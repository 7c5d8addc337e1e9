import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApp, screenshot, seriousA11yViolations, type BrowserSession } from './browser';

// Settings on the demo org through the web harness: profiles from its temp profiles.json, values in its mirror.
let session: BrowserSession;
const openSettings = async () => {
  await session.page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: 'Settings' }).click();
  await session.page.getByRole('heading', { name: 'Settings' }).waitFor();
};
beforeAll(async () => {
  session = await openApp();
  await session.page.getByRole('button', { name: 'Explore the demo org' }).click();
  await openSettings();
});
afterAll(async () => {
  await session?.close();
});

describe('Settings in the browser', () => {
  it('lists the profiles: the demo org and the open default profile, without a key', async () => {
    const { page } = session;
    const rows = page
      .getByRole('list')
      .filter({ has: page.getByText('Demo org (sandbox)') })
      .getByRole('listitem');
    await expect(rows.count()).resolves.toBe(2);
    await expect(rows.nth(0).textContent()).resolves.toContain('Built-in demo org');
    await expect(rows.nth(1).getAttribute('aria-current')).resolves.toBe('true');
    await expect(rows.nth(1).textContent()).resolves.toContain('No key: shows the demo org');
  });

  it('refuses an invalid sync interval inline, then keeps a valid one across a reload', async () => {
    const { page } = session;
    const interval = page.getByLabel('Sync every');
    await expect(interval.inputValue()).resolves.toBe('15');
    await interval.fill('2');
    await page.getByRole('button', { name: 'Save sync settings' }).click();
    const error = page.locator('#sync-interval-error');
    await error.waitFor();
    await expect(error.textContent()).resolves.toBe('Sync interval must be a whole number of minutes from 5 to 1440.');
    await expect(interval.getAttribute('aria-invalid')).resolves.toBe('true');
    await expect(interval.getAttribute('aria-describedby')).resolves.toContain('sync-interval-error');
    await screenshot(page, 'settings-invalid');

    await interval.fill('30');
    await page.getByRole('button', { name: 'Save sync settings' }).click();
    await page.getByRole('status').filter({ hasText: 'Saved.' }).waitFor();
    await expect(error.count()).resolves.toBe(0);

    await page.reload();
    await openSettings();
    await expect(page.getByLabel('Sync every').inputValue()).resolves.toBe('30');
  });

  it('adds a profile and shows it with its derived id', async () => {
    const { page } = session;
    await page.getByLabel('New profile name').fill('Acme Staging');
    await page.getByRole('button', { name: 'Add profile' }).click();
    await page.getByText('(acme-staging)').waitFor();
    await expect(page.getByRole('button', { name: 'Switch to Acme Staging' }).isVisible()).resolves.toBe(true);
  });

  it('switches to the new profile and back, then removes it after confirming', async () => {
    const { page } = session;
    await page.getByRole('button', { name: 'Switch to Acme Staging' }).click();
    await page.getByRole('heading', { name: 'Admin key of Acme Staging' }).waitFor();
    await page.getByRole('button', { name: 'Switch to default' }).click();
    await page.getByRole('heading', { name: 'Admin key of default' }).waitFor();
    await expect(page.getByLabel('Sync every').inputValue()).resolves.toBe('30');
    await page.getByRole('button', { name: 'Remove Acme Staging…' }).click();
    const confirm = page.getByRole('group', { name: /Remove Acme Staging\?/ });
    await expect(
      confirm.getByRole('button', { name: 'Cancel' }).evaluate((el) => el === document.activeElement),
    ).resolves.toBe(true);
    await screenshot(page, 'settings-remove-profile');
    await confirm.getByRole('button', { name: 'Remove profile' }).click();
    await page.getByText('(acme-staging)').waitFor({ state: 'detached' });
  });

  it('opens the alert centre for budgets and alert rules, and comes back', async () => {
    const { page } = session;
    await page.getByRole('button', { name: 'Budgets and alert rules…' }).click();
    await page.getByRole('heading', { name: 'Alerts', exact: true }).waitFor();
    await openSettings();
  });

  it('has no serious or critical axe violations, in a full window and at popover width', async () => {
    const { page } = session;
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, 'settings');
    await page.setViewportSize({ width: 380, height: 720 });
    // Nothing in the settings view runs past the popover's right edge (the view nav above is not this view's).
    const overflowing = await page.evaluate(() => {
      const width = document.documentElement.clientWidth;
      const view = document.querySelector('.settings')!;
      return [view, ...Array.from(view.querySelectorAll('*'))]
        .filter((el) => el.getBoundingClientRect().right > width + 1)
        .map((el) => el.outerHTML.slice(0, 80));
    });
    expect(overflowing).toEqual([]);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, 'settings-popover');
    await page.setViewportSize({ width: 1100, height: 720 });
    expect(session.problems).toEqual([]);
  });
});
