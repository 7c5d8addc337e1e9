import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApp, screenshot, seriousA11yViolations, type BrowserSession } from './browser';

let session: BrowserSession;
beforeAll(async () => {
  session = await openApp();
  await session.page.getByRole('button', { name: 'Explore the demo org' }).click();
});
afterAll(async () => {
  await session?.close();
});

async function open(view: string): Promise<void> {
  await session.page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: view }).click();
}

describe('every view on the demo org', () => {
  it('overview: spend, forecast, alerts, org counts and per-resource freshness', async () => {
    const { page } = session;
    await open('Overview');
    await page.getByRole('heading', { name: 'Spend this month' }).waitFor();
    await page.getByRole('heading', { name: 'Month-end forecast' }).waitFor();
    await page.getByRole('heading', { name: 'Open alerts' }).waitFor();
    await page.getByText('Sync freshness by data set').click();
    await expect(page.getByRole('cell', { name: 'workspaces', exact: true }).isVisible()).resolves.toBe(true);
    await screenshot(page, 'overview-views');
    expect(await seriousA11yViolations(page)).toEqual([]);
  });

  it('API keys: the inventory with verdicts', async () => {
    const { page } = session;
    await open('API keys');
    const table = page.getByRole('region', { name: 'API keys table' });
    await table.waitFor();
    expect(await table.locator('tbody tr').count()).toBeGreaterThanOrEqual(10);
    await screenshot(page, 'keys-demo');
    expect(await seriousA11yViolations(page)).toEqual([]);
  });

  it('spend: a chart drawn by uPlot and the exact table (the CSV and the controls are covered in spend.test.ts)', async () => {
    const { page } = session;
    await open('Spend');
    await page.getByRole('heading', { name: 'Spend', exact: true }).waitFor();
    await page.locator('.chart canvas').first().waitFor();
    expect(await page.getByRole('table').locator('tbody tr').count()).toBeGreaterThanOrEqual(3);
    await expect(page.getByRole('button', { name: 'Export CSV' }).isVisible()).resolves.toBe(true);
    expect(await seriousA11yViolations(page)).toEqual([]);
  });

  it('settings in the dark theme', async () => {
    const { page, problems } = session;
    await open('Settings');
    await page.getByRole('radio', { name: 'Dark' }).check();
    await expect(page.evaluate(() => document.documentElement.dataset.theme)).resolves.toBe('dark');
    await screenshot(page, 'settings-dark');
    expect(await seriousA11yViolations(page)).toEqual([]);
    await open('Org tree');
    await page.getByRole('tree').waitFor();
    await screenshot(page, 'org-tree-dark');
    expect(await seriousA11yViolations(page)).toEqual([]);
    expect(problems).toEqual([]);
  });
});
