/** The audit view on the `mid` sandbox org (every view on the demo and the mid size). */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApp, screenshot, seriousA11yViolations, type BrowserSession } from './browser';

let session: BrowserSession;

beforeAll(async () => {
  session = await openApp({ size: 'mid' });
  await session.page.getByRole('button', { name: 'Explore the demo org' }).click();
  await session.page.getByRole('button', { name: 'Audit trail', exact: true }).click();
}, 180_000);
afterAll(async () => {
  await session?.close();
});

describe('the audit view on the mid org', () => {
  it('lists the trail, opens an event with the keyboard, and passes axe', async () => {
    const { page } = session;
    const grid = page.getByRole('grid', { name: 'Audit events, newest first' });
    await grid.waitFor();
    await expect(grid.locator('.audit-canvas [role="row"]').count()).resolves.toBeGreaterThanOrEqual(4);
    await grid.focus();
    await page.keyboard.press('End');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Before → after' }).waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, 'audit-view-mid');
    expect(session.problems).toEqual([]);
  });
});
