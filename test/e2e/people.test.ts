/**
 * The People view on the demo org in Chromium, keyboard only: from the welcome screen to People, the members with
 * their org role and admin since, then the Invites tab with the arrow keys, and an invite's delete confirmation
 * opened with Enter (and left with Escape: nothing is sent). Screenshot and axe on both tabs.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApp, screenshot, seriousA11yViolations, type BrowserSession } from './browser';
import { tabTo as tabToIn } from './tab-to';

let session: BrowserSession;
beforeAll(async () => {
  session = await openApp();
});
afterAll(async () => {
  await session?.close();
});

const tabTo = (text: RegExp) => tabToIn(session.page, text);

describe('the People view', () => {
  it('lists members and invites and opens an invite action, keyboard only', async () => {
    const { page } = session;
    await page.getByRole('heading', { name: 'Welcome to Clade Admin' }).waitFor();
    await tabTo(/^Explore the demo org$/);
    await page.keyboard.press('Enter');
    await tabTo(/^People$/);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'People', level: 2 }).waitFor();

    const members = page.getByRole('region', { name: 'Members table' });
    await members.locator('tbody tr').first().waitFor();
    // Admins first, named as org roles (not "Role User"), with when they became admin.
    const firstRow = (await members.locator('tbody tr').first().textContent()) ?? '';
    expect(firstRow).toMatch(/Admin/);
    expect(await members.textContent()).toMatch(/before /);
    expect(await members.textContent()).toMatch(/Claude Code user/);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, 'people');

    // The tabs: Tab reaches the selected one, the right arrow moves to Invites.
    await tabTo(/^Members \(\d+\)$/);
    await page.keyboard.press('ArrowRight');
    const invitesTab = page.getByRole('tab', { name: /Invites \(\d+ pending\)/ });
    await expect.poll(() => invitesTab.getAttribute('aria-selected')).toBe('true');
    const invites = page.getByRole('region', { name: 'Invites table' });
    await invites.getByText('new.analyst@', { exact: false }).waitFor();
    expect(await invites.textContent()).toMatch(/\d+ days?/);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, 'people-invites');

    // An action's confirmation, opened with the keyboard; Escape leaves it without sending anything.
    await tabTo(/^Delete invite$/);
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: 'Confirm admin action' });
    await dialog.waitFor();
    await expect.poll(() => dialog.textContent()).toMatch(/invite/i);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByRole('dialog').count()).toBe(0);
    expect(session.problems).toEqual([]);
  });
});
