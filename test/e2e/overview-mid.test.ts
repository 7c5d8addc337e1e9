import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Overview, Result } from '../../preload/contract';
import { openApp, screenshot, seriousA11yViolations, type BrowserSession } from './browser';

// The `mid` sandbox org (20 workspaces, 300 keys): the overview stays readable and exact at that size.
let session: BrowserSession;
beforeAll(async () => {
  session = await openApp({ size: 'mid' });
  await session.page.getByRole('button', { name: 'Explore the demo org' }).click();
  await session.page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: 'Overview' }).click();
}, 240_000);
afterAll(async () => {
  await session?.close();
});

describe('the overview on the mid-size org', () => {
  it('lists every workspace the served overview has, with limits and alerts, and passes axe', async () => {
    const { page, problems } = session;
    const origin = new URL(session.harness.url).origin;
    const result = (await (
      await fetch(`${origin}/api/clade:overview/summary`, {
        method: 'POST',
        headers: { origin, 'content-type': 'application/json' },
        body: '{}',
      })
    ).json()) as Result<Overview>;
    if (!result.ok) throw new Error(result.error.message);
    const overview = result.value;
    await page.getByRole('heading', { name: 'Spend by workspace' }).waitFor();
    const rows = page
      .locator('section', { has: page.getByRole('heading', { name: 'Spend by workspace' }) })
      .locator('tbody tr');
    expect(overview.byWorkspace.length).toBeGreaterThanOrEqual(10);
    expect(await rows.count()).toBe(overview.byWorkspace.length);
    const withLimit = overview.byWorkspace.filter((row) => row.targets.length > 0).length;
    expect(withLimit).toBeGreaterThan(0);
    expect(await rows.filter({ hasText: ' %' }).count()).toBe(withLimit);
    await expect(
      page
        .locator('section', { has: page.getByRole('heading', { name: 'Open alerts' }) })
        .locator('.big')
        .textContent(),
    ).resolves.toMatch(new RegExp(`^${overview.alerts.open === 0 ? 'None' : `${overview.alerts.open} `}`));
    await screenshot(page, 'overview-mid');
    expect(problems).toEqual([]);
    expect(await seriousA11yViolations(page)).toEqual([]);
  });
});
