/**
 * The Posture view on the demo org in Chromium: the score and the failing items with evidence, axe-clean, a
 * screenshot; then a rename fix through the confirmation dialog (the harness's sandbox renames the key), after which
 * the checklist no longer names that key, and the review mark makes its item pass. No admin key reaches the page.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApp, screenshot, seriousA11yViolations, type BrowserSession } from './browser';

let session: BrowserSession;
beforeAll(async () => {
  session = await openApp();
  await session.page.getByRole('button', { name: 'Explore the demo org' }).click();
  await session.page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: 'Posture' }).click();
});
afterAll(async () => {
  await session?.close();
});

describe('the Posture view', () => {
  it('shows the checklist with evidence, fixes a name and marks the review', async () => {
    const { page, harness } = session;
    await page.getByRole('heading', { name: 'Posture', level: 2 }).waitFor();
    const naming = page.getByRole('listitem', { name: /Key names follow/ });
    await naming.waitFor();
    expect(await naming.textContent()).toMatch(/^Fail /);
    expect(await page.getByRole('listitem', { name: /No keys left behind/ }).textContent()).toContain(
      'old-reporting-job',
    );
    const score = Number(await page.locator('.posture-score-value').textContent());
    expect(score).toBeGreaterThan(0);
    expect(score).toBeLessThan(100);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, 'posture');

    const rename = naming.getByRole('button', { name: /^Rename to / }).first();
    const suggested = (await rename.textContent())!.replace(/^Rename to /, '');
    await rename.click();
    const dialog = page.getByRole('dialog', { name: 'Confirm admin action' });
    await dialog.waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);
    await dialog.getByRole('button', { name: 'Confirm' }).click();
    await page
      .getByRole('dialog')
      .getByText(/Recorded in the audit trail/)
      .waitFor();
    await page.keyboard.press('Escape');
    await expect.poll(() => naming.getByRole('button', { name: `Rename to ${suggested}` }).count()).toBe(0);

    const review = page.getByRole('listitem', { name: /Audit trail reviewed/ });
    await review.getByRole('button', { name: /mark it reviewed/ }).click();
    await expect.poll(() => review.textContent()).toMatch(/^Pass /);
    expect(Number(await page.locator('.posture-score-value').textContent())).toBeGreaterThan(score);
    await screenshot(page, 'posture-after-fixes');
    expect(await page.content()).not.toContain(harness.sandboxAdminKey!);
    expect(session.problems).toEqual([]);
  });
});
