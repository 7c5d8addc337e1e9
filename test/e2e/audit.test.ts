/**
 * The audit view in Debian's Chromium on the demo org, with the network OFF: every request that does
 * not go to loopback is aborted (the harness serves the page, the api and the sandbox from 127.0.0.1), and the
 * view must still search, filter, open an event and export. Screenshot under test-results/, axe clean.
 */
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildRenderer, rendererOutDir } from '../harness/build-renderer';
import { openApp, screenshot, seriousA11yViolations, type BrowserSession } from './browser';

let session: BrowserSession;
const blocked: string[] = [];
const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** The harness builds the renderer only when it is missing; rebuild when the audit view is newer than the bundle. */
async function ensureBundleHasAuditView(): Promise<void> {
  const index = join(rendererOutDir, 'index.html');
  const sources = resolve(__dirname, '../../renderer/features/audit');
  const newest = Math.max(...readdirSync(sources).map((name) => statSync(join(sources, name)).mtimeMs));
  if (!existsSync(index) || statSync(index).mtimeMs < newest) await buildRenderer();
}

beforeAll(async () => {
  await ensureBundleHasAuditView();
  session = await openApp({ viewport: { width: 1280, height: 800 } });
  // Network off: only loopback answers. Installed before a reload so the whole page load goes through it.
  await session.context.route('**/*', async (route) => {
    const url = new URL(route.request().url());
    if (url.protocol === 'data:' || url.protocol === 'blob:' || LOOPBACK.has(url.hostname)) return route.continue();
    blocked.push(url.href);
    return route.abort('internetdisconnected');
  });
  await session.page.reload();
  await session.page.getByRole('button', { name: 'Explore the demo org' }).click();
  await session.page.getByRole('button', { name: 'Audit trail', exact: true }).click();
}, 120_000);
afterAll(async () => {
  await session?.close();
});

const grid = () => session.page.getByRole('grid');
const dataRows = () => grid().locator('.audit-canvas [role="row"]');

describe('the audit view on the demo org, network off', () => {
  it('proves the route blocks the internet: a page in this context cannot reach a non-loopback host', async () => {
    const probe = await session.context.newPage();
    const reached = await probe.goto('https://api.anthropic.com/v1/organizations/me').then(
      () => true,
      () => false,
    );
    await probe.close();
    expect(reached).toBe(false);
    expect(blocked).toContain('https://api.anthropic.com/v1/organizations/me');
  });

  it('lists the demo trail newest first: the changes the demo sync journaled', async () => {
    await grid().waitFor();
    await expect(dataRows().count()).resolves.toBeGreaterThanOrEqual(4);
    const text = (await grid().textContent()) ?? '';
    expect(text).toContain('demo-reporting-job');
    expect(text).toContain('Change journal');
    // Local time in the cell, UTC in its tooltip.
    await expect(dataRows().first().locator('time').getAttribute('title')).resolves.toMatch(
      /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} UTC$/,
    );
  });

  it('searches with free text and with qualifiers', async () => {
    const { page } = session;
    await page.getByLabel('Search', { exact: true }).fill('demo-reporting-job');
    await page.getByLabel('Search', { exact: true }).press('Enter');
    await grid()
      .and(page.getByRole('grid', { name: 'Audit events matching demo-reporting-job' }))
      .waitFor();
    await expect(dataRows().count()).resolves.toBe(1);
    await expect(dataRows().first().textContent()).resolves.toContain('api_key.created');

    await page.getByLabel('Search', { exact: true }).fill('type:user.changed');
    await page.getByRole('button', { name: 'Search', exact: true }).click();
    await page.getByRole('grid', { name: 'Audit events matching type:user.changed' }).waitFor();
    await expect(dataRows().count()).resolves.toBe(1);
  });

  it('filters by source and by date, and explains an empty result', async () => {
    const { page } = session;
    await page.getByRole('button', { name: 'Clear' }).click();
    await page.getByRole('grid', { name: 'Audit events, newest first' }).waitFor();
    await page.getByRole('combobox', { name: 'Source' }).selectOption('journal');
    await page.getByRole('grid', { name: 'Audit events matching source:journal' }).waitFor();
    const sources = await dataRows().locator('.audit-col-source').allTextContents();
    expect(sources.length).toBeGreaterThanOrEqual(4);
    expect(new Set(sources)).toEqual(new Set(['Change journal']));
    await page.getByLabel('Before (UTC)').fill('2000-01-01');
    await page
      .getByRole('status')
      .filter({ hasText: 'No event matches “source:journal before:2000-01-01”.' })
      .waitFor();
    await page.getByLabel('Before (UTC)').fill('');
    await page.getByRole('grid', { name: 'Audit events matching source:journal' }).waitFor();
  });

  it('opens an event from the keyboard: before → after, focus on the detail, Escape back to the grid', async () => {
    const { page } = session;
    await page.getByLabel('Search', { exact: true }).fill('type:user.changed');
    await page.getByLabel('Search', { exact: true }).press('Enter');
    await page.getByRole('grid', { name: 'Audit events matching type:user.changed source:journal' }).waitFor();
    // Keyboard only: Tab from the search field to the grid (through the filters and the export buttons).
    await page.getByLabel('Search', { exact: true }).focus();
    for (
      let presses = 0;
      presses < 25 && !(await grid().evaluate((el) => el === document.activeElement));
      presses += 1
    ) {
      await page.keyboard.press('Tab');
    }
    await expect(grid().evaluate((el) => el === document.activeElement)).resolves.toBe(true);
    await page.keyboard.press('Home');
    await page.keyboard.press('Enter');
    const heading = page.getByRole('heading', { level: 2 }).filter({ hasText: 'changed' });
    await heading.waitFor();
    await expect(heading.evaluate((el) => el === document.activeElement)).resolves.toBe(true);
    const role = page
      .getByRole('table')
      .getByRole('row')
      .filter({ has: page.getByRole('rowheader', { name: 'role' }) });
    await expect(role.getByRole('cell').allTextContents()).resolves.toEqual(['developer', 'admin']);
    await screenshot(page, 'audit-view');
    await page.keyboard.press('Escape');
    await expect(grid().evaluate((el) => el === document.activeElement)).resolves.toBe(true);
    await expect(page.evaluate(() => getComputedStyle(document.activeElement!).boxShadow)).resolves.not.toBe('none');
    await page.keyboard.press('Enter'); // leave the detail open for the axe run
  });

  it('exports the current query as CSV and JSON Lines: main writes the files, and the trail records the exports', async () => {
    const { page } = session;
    await page.getByRole('button', { name: 'Clear' }).click();
    await page.getByRole('combobox', { name: 'Source' }).selectOption('journal');
    await page.getByRole('grid', { name: 'Audit events matching source:journal' }).waitFor();
    const shown = await dataRows().count();

    await page.getByRole('button', { name: 'Export CSV' }).click();
    const csvStatus = page.getByText(/^Exported \d+ events? as CSV to /);
    await csvStatus.waitFor();
    const csvFile = /to (.+\.csv)$/.exec((await csvStatus.textContent()) ?? '')?.[1] ?? '';
    expect(csvFile).toMatch(/exports[/\\]audit-.*\.csv$/);
    const csvLines = readFileSync(csvFile, 'utf8').trim().split(/\r?\n/);
    expect(csvLines[0]).toMatch(/^id,/);
    expect(csvLines.length - 1).toBe(shown);

    await page.getByRole('button', { name: 'Export JSON Lines' }).click();
    const jsonlStatus = page.getByText(/^Exported \d+ events? as JSON Lines to /);
    await jsonlStatus.waitFor();
    const jsonlFile = /to (.+\.jsonl)$/.exec((await jsonlStatus.textContent()) ?? '')?.[1] ?? '';
    const events = readFileSync(jsonlFile, 'utf8')
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { source: string });
    expect(events).toHaveLength(shown);
    expect(new Set(events.map((event) => event.source))).toEqual(new Set(['journal']));

    await page.getByRole('combobox', { name: 'Source' }).selectOption('local');
    await page.getByRole('grid', { name: 'Audit events matching source:local' }).waitFor();
    await expect(dataRows().filter({ hasText: 'export.created' }).count()).resolves.toBe(2);
  });

  it('exports the access review from the window: main writes the HTML, and says PDF needs the desktop app', async () => {
    const { page } = session;
    await page.getByRole('button', { name: 'Export review HTML' }).click();
    const status = page.getByText(/^Wrote the access review for \d{4}-\d{2}-\d{2} to \d{4}-\d{2}-\d{2} to /);
    await status.waitFor();
    const file = /to (\S+\.html)$/.exec((await status.textContent()) ?? '')?.[1] ?? '';
    expect(file).toMatch(/exports[/\\]access-review-.*\.html$/);
    expect(readFileSync(file, 'utf8')).toMatch(/<h1>Access review — .* — \d{4}-\d{2}-\d{2} to \d{4}-\d{2}-\d{2}<\/h1>/);
    // The harness has no Electron to print with: main says so, in words.
    await page.getByRole('button', { name: 'Export review PDF' }).click();
    await expect.poll(() => page.getByRole('alert').filter({ hasText: 'desktop app' }).count()).toBe(1);
  });

  it('has no serious or critical accessibility violations, no console errors, and reached nothing off loopback', async () => {
    const { page } = session;
    await page.getByRole('row').nth(1).click();
    await page.getByRole('heading', { level: 2 }).nth(1).waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);
    // The same in the dark theme (the window follows the system's colour scheme by default).
    await page.emulateMedia({ colorScheme: 'dark' });
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, 'audit-view-dark');
    await page.emulateMedia({ colorScheme: 'light' });
    expect(session.problems.filter((problem) => !problem.includes('ERR_INTERNET_DISCONNECTED'))).toEqual([]);
    expect(blocked.filter((url) => url !== 'https://api.anthropic.com/v1/organizations/me')).toEqual([]);
  });
});
