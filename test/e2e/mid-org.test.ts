import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApp, screenshot, seriousA11yViolations, type BrowserSession } from './browser';

// The `mid` sandbox org (20 workspaces, 100 users, 300 keys): the views must stay usable and the tree's DOM small.
let session: BrowserSession;
beforeAll(async () => {
  session = await openApp({ size: 'mid' });
  await session.page.getByRole('button', { name: 'Explore the demo org' }).click();
}, 180_000);
afterAll(async () => {
  await session?.close();
});

describe('the mid-size org', () => {
  it('keeps the tree virtualised: hundreds of rows, a few dozen in the DOM', async () => {
    const { page } = session;
    await page.getByRole('tree').waitFor();
    await page.getByRole('button', { name: 'Expand all' }).click();
    const canvasHeight = await page.locator('.tree-canvas').evaluate((el) => el.getBoundingClientRect().height);
    const rendered = await page.getByRole('treeitem').count();
    expect(canvasHeight / 34).toBeGreaterThan(400);
    expect(rendered).toBeLessThan(80);
    // Walking to the end with the keyboard brings the last row into the DOM.
    await page.getByRole('tree').focus();
    await page.keyboard.press('End');
    // The virtualiser renders the row a frame after the scroll: wait for it rather than reading at once.
    const last = await page
      .waitForFunction(
        () =>
          document.getElementById(document.querySelector('[role="tree"]')!.getAttribute('aria-activedescendant')!) !==
          null,
        undefined,
        { timeout: 5_000 },
      )
      .then(
        () => true,
        () => false,
      );
    expect(last).toBe(true);
    await screenshot(page, 'org-tree-mid');
    expect(await seriousA11yViolations(page)).toEqual([]);
  });

  it('badges workspaces with spend and limit shares, and "needs attention" narrows to flagged rows only', async () => {
    const { page } = session;
    await page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: 'Org tree' }).click();
    await page.getByRole('button', { name: 'Collapse all' }).click(); // the org stays open: its workspaces on one screen
    const workspaces = page.locator('[role="treeitem"][data-kind="workspace"]');
    await workspaces.first().waitFor();
    const money = await workspaces.locator('.tree-money').allTextContents();
    expect(money.length).toBeGreaterThanOrEqual(10);
    for (const text of money) expect(text).toMatch(/^\$[\d,]+\.\d\d this month$/);
    expect(await workspaces.locator('.badge', { hasText: '% of limit' }).count()).toBeGreaterThan(0);
    await page.getByLabel('Needs attention').check();
    const flagged = page.locator('[role="treeitem"][data-kind="key"], [role="treeitem"][data-kind="workspace"]');
    await flagged.first().waitFor();
    const rendered = await page.getByRole('treeitem').count();
    expect(rendered).toBeLessThan(80);
    await page.getByLabel('Needs attention').uncheck();
    expect(session.problems).toEqual([]);
  });

  it('lists every key in the inventory', async () => {
    const { page } = session;
    await page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: 'API keys' }).click();
    await page.getByRole('region', { name: 'API keys table' }).waitFor();
    expect(await page.locator('tbody tr').count()).toBeGreaterThanOrEqual(250);
    await screenshot(page, 'keys-mid');
    expect(await seriousA11yViolations(page)).toEqual([]);
    expect(session.problems).toEqual([]);
  });

  it('shows the alert centre: the open episodes of a bigger org and the rule form', async () => {
    const { page } = session;
    await page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: 'Alerts', exact: true }).click();
    await page.getByRole('heading', { level: 2, name: 'Alerts' }).waitFor();
    const open = page.getByRole('region', { name: /^Open alerts \(\d+\)$/ });
    await open.waitFor();
    const count = Number(
      /\((\d+)\)/.exec(
        (await open.getAttribute('aria-label')) ?? (await open.locator('h3, h2').first().textContent()) ?? '',
      )?.[1],
    );
    expect(count).toBeGreaterThan(0); // a mid org always has dormant or expiring keys among 300
    await screenshot(page, 'alerts-mid');
    expect(await seriousA11yViolations(page)).toEqual([]);
    expect(session.problems).toEqual([]);
  });

  it('shows the settings of the open profile', async () => {
    const { page } = session;
    await page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: 'Settings' }).click();
    await page.getByRole('heading', { name: 'Settings' }).waitFor();
    await expect(page.getByLabel('Sync every').inputValue()).resolves.toBe('15');
    await screenshot(page, 'settings-mid');
    expect(await seriousA11yViolations(page)).toEqual([]);
    expect(session.problems).toEqual([]);
  });
});
