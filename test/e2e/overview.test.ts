/**
 * The overview on the demo org in Chromium: what the harness serves (the same handlers as Electron IPC) shown
 * exactly, open alerts from the alert cycle, freshness, the offline state (answers rewritten in the page's
 * network, the only way to reject a key under a running page), keyboard reach, axe, screenshots.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Overview, Result } from '../../preload/contract';
import { openApp, screenshot, seriousA11yViolations, type BrowserSession } from './browser';

let session: BrowserSession;
beforeAll(async () => {
  session = await openApp();
  await session.page.getByRole('button', { name: 'Explore the demo org' }).click();
  await session.page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: 'Overview' }).click();
}, 180_000);
afterAll(async () => {
  await session?.close();
});

async function served(): Promise<Overview> {
  const origin = new URL(session.harness.url).origin;
  const response = await fetch(`${origin}/api/clade:overview/summary`, {
    method: 'POST',
    headers: { origin, 'content-type': 'application/json' },
    body: '{}',
  });
  const result = (await response.json()) as Result<Overview>;
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

/** "$12,023.46" from cents, rounded half up like the window (a second, independent reading). */
function dollars(cents: string): string {
  const [whole, fraction = ''] = cents.split('.');
  const rounded = BigInt(whole!) + (Number(fraction[0] ?? '0') >= 5 ? 1n : 0n);
  return `$${(rounded / 100n).toLocaleString('en-US')}.${(rounded % 100n).toString().padStart(2, '0')}`;
}

describe('the overview on the demo org', () => {
  it('shows month-to-date spend, the org spend limit with its share, and the forecast, as served', async () => {
    const { page } = session;
    const overview = await served();
    const spend = page
      .getByRole('region', { name: 'Overview' })
      .locator('section', { has: page.getByRole('heading', { name: 'Spend this month' }) });
    await spend.waitFor();
    await expect(spend.locator('.big').textContent()).resolves.toBe(dollars(overview.monthToDateCents));
    const limit = overview.targets.find((target) => target.source === 'limit')!;
    expect(limit).toBeDefined();
    await expect(spend.textContent()).resolves.toContain(
      `Org spend limit ${dollars(limit.amountCents)}${limit.percent} %`,
    );
    const forecast = page.locator('section', { has: page.getByRole('heading', { name: 'Month-end forecast' }) });
    await expect(forecast.locator('.big').textContent()).resolves.toBe(dollars(overview.forecastCents!));
    await expect(forecast.textContent()).resolves.toMatch(
      new RegExp(
        `${overview.org!.name} (reaches its spend limit (around \\d+ \\w{3}|today)|stays within its spend limit this month|passed its spend limit on \\d+ \\w{3})`,
      ),
    );
  });

  it('lists every workspace with spend, with the share of its limit', async () => {
    const { page } = session;
    const overview = await served();
    const rows = page
      .locator('section', { has: page.getByRole('heading', { name: 'Spend by workspace' }) })
      .locator('tbody tr');
    expect(await rows.count()).toBe(overview.byWorkspace.length);
    const production = overview.byWorkspace.find((row) => row.name === 'Production')!;
    const shown = await page.getByRole('row', { name: /^Production / }).textContent();
    expect(shown).toContain(dollars(production.cents));
    expect(shown).toContain(`${production.targets[0]!.percent} %`);
    // Past its limit: the day it passed it; before: the forecast's day, or that it stays within (the demo runs on
    // today's date, so early in a month Production is still under its limit).
    const limit = production.targets.find((target) => target.source === 'limit')!;
    if (limit.percent >= 100) expect(shown).toMatch(/Passed its spend limit on \d+ \w{3}|Is over its spend limit/);
    else if (limit.crossingDay) expect(shown).toMatch(/Reaches its spend limit (around \d+ \w{3}|today)/);
    else expect(shown).toMatch(/Stays within its spend limit/);
  });

  it('shows the open alerts the alert cycle recorded, critical first', async () => {
    const { page } = session;
    const overview = await served();
    expect(overview.alerts.open).toBeGreaterThan(0);
    const card = page.locator('section', { has: page.getByRole('heading', { name: 'Open alerts' }) });
    await expect(card.locator('.big').textContent()).resolves.toMatch(new RegExp(`^${overview.alerts.open} `));
    const items = card.getByRole('list', { name: 'Most pressing open alerts' }).getByRole('listitem');
    expect(await items.count()).toBe(Math.min(3, overview.alerts.top.length));
    await expect(items.first().textContent()).resolves.toContain(`Critical ${overview.alerts.top[0]!.title}`);
    // The card leads to the alert centre, and the nav brings the overview back.
    await card.getByRole('button', { name: 'Open alert centre' }).click();
    await page.getByRole('heading', { name: 'Alerts', exact: true }).waitFor();
    await page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: 'Overview' }).click();
    await page.getByRole('heading', { name: 'Open alerts' }).waitFor();
  });

  it('says how fresh the mirror is, reaches the per-data-set table by keyboard, has no console errors, passes axe', async () => {
    const { page, problems } = session;
    await expect(page.getByText(/synced as of .+, (just now|\d+ min ago)/).isVisible()).resolves.toBe(true);
    await expect(page.locator('.notice-offline').count()).resolves.toBe(0);
    const summary = page.getByText('Sync freshness by data set');
    await summary.focus();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('cell', { name: 'workspaces', exact: true }).isVisible()).resolves.toBe(true);
    await page.keyboard.press('Enter');
    await page.getByRole('region', { name: 'Overview' }).evaluate((el) => el.scrollTo(0, 0));
    const path = await screenshot(page, 'overview-demo');
    expect(path).toMatch(/test-results\/overview-demo\.png$/);
    expect(problems).toEqual([]);
    expect(await seriousA11yViolations(page)).toEqual([]);
  });

  it('fits a small popover-sized window without sideways scrolling', async () => {
    const { page } = session;
    await page.setViewportSize({ width: 420, height: 700 });
    try {
      const region = page.getByRole('region', { name: 'Overview' });
      await region.evaluate((el) => el.scrollTo(0, 0));
      const overflow = await region.evaluate((el) => el.scrollWidth - el.clientWidth);
      expect(overflow).toBeLessThanOrEqual(0);
      await screenshot(page, 'overview-narrow');
      expect(await seriousA11yViolations(page)).toEqual([]);
    } finally {
      await page.setViewportSize({ width: 1100, height: 720 });
    }
  });

  it('shows a clear offline state when the key is rejected, keeping the last data (dark theme too)', async () => {
    const { page } = session;
    await page.route('**/api/clade:overview/summary', async (route) => {
      const response = await route.fetch();
      const result = (await response.json()) as Result<Overview>;
      if (result.ok)
        result.value.sync = {
          ...result.value.sync,
          problems: ['credential-invalid'],
          lastRun: { status: 'credential_invalid', finishedAtMs: Date.now(), detail: 'the admin key was refused' },
        };
      await route.fulfill({ response, json: result });
    });
    try {
      // Leave and come back: the view asks again.
      await page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: 'Org tree' }).click();
      await page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: 'Overview' }).click();
      const notice = page.locator('.notice-offline');
      await notice.waitFor();
      await expect(notice.textContent()).resolves.toMatch(
        /^Offline: the admin key was rejected\. .*Showing the mirror as of .+\. Connect a new key in Settings\.$/,
      );
      await expect(page.getByRole('heading', { name: 'Spend this month' }).isVisible()).resolves.toBe(true);
      await screenshot(page, 'overview-offline');
      expect(await seriousA11yViolations(page)).toEqual([]);
      await page.emulateMedia({ colorScheme: 'dark' });
      await screenshot(page, 'overview-offline-dark');
      expect(await seriousA11yViolations(page)).toEqual([]);
    } finally {
      await page.emulateMedia({ colorScheme: 'light' });
      await page.unroute('**/api/clade:overview/summary');
    }
  });
});
