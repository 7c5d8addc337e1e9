/**
 * The first sync after a key is stored, in Chromium through the web harness: the window shows how many parts of the
 * organization are in, what is read now (page, rows), the time left, and links to the views already usable; one
 * opens People while the sync goes on; the panel leaves when the sync ends. The progress is played on the real push
 * channel (`clade:sync/progress-changed`, checked against its schema) with the payloads main sends
 * (test/main/services/first-sync-progress.test.ts checks a real sync produces them). Screenshot and axe.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SyncProgress } from '../../preload/contract';
import { openApp, screenshot, seriousA11yViolations, type BrowserSession } from './browser';

let session: BrowserSession;
beforeAll(async () => {
  session = await openApp({ empty: true, viewport: { width: 1000, height: 760 } });
});
afterAll(async () => {
  await session?.close();
});

const run = (p: Partial<SyncProgress>): SyncProgress => ({
  phase: 'running',
  first: true,
  resource: null,
  page: 0,
  rows: 0,
  resourcesTotal: 15,
  resourcesDone: 0,
  etaMs: null,
  usable: [],
  ...p,
});

describe('first-run progress', () => {
  it('shows parts done, the page and rows under way, the time left, and what can be used already', async () => {
    const { page, harness } = session;
    const panel = page.getByRole('region', { name: 'First sync of your organization' });
    // The page subscribes to the push stream once loaded: play the first event until it shows.
    await expect
      .poll(async () => {
        harness.api.push('clade:sync/progress-changed', run({ resource: 'organization', page: 1, rows: 1 }));
        return panel.isVisible();
      })
      .toBe(true);
    expect(await panel.textContent()).toMatch(/0 of 15 parts synced/);
    expect(await panel.textContent()).toMatch(/estimating the time left…/);
    expect(await panel.textContent()).toMatch(/Nothing yet/);

    harness.api.push(
      'clade:sync/progress-changed',
      run({
        resource: 'workspace_members',
        page: 3,
        rows: 1240,
        resourcesDone: 5,
        etaMs: 150_000,
        usable: ['organization', 'users', 'workspaces', 'api_keys', 'invites'],
      }),
    );
    await panel.getByText('5 of 15 parts synced').waitFor();
    expect(await panel.textContent()).toMatch(/Reading workspace members: page 3, 1,240 rows/);
    expect(await panel.textContent()).toMatch(/about 3 min left/);
    const progressbar = panel.getByRole('progressbar');
    expect(await progressbar.getAttribute('value')).toBe('5');
    expect(await progressbar.getAttribute('max')).toBe('15');
    const ready = panel.getByRole('list', { name: 'Ready to look at' });
    expect(await ready.getByRole('button').allTextContents()).toEqual(['People', 'API keys']);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, 'first-run-progress');

    // A usable view opens while the sync goes on, keyboard first.
    await ready.getByRole('button', { name: 'People' }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'People', level: 2 }).waitFor();
    expect(await panel.isVisible()).toBe(true);

    harness.api.push('clade:sync/progress-changed', { phase: 'done', resource: null, page: 0, rows: 5120 });
    await expect.poll(() => panel.count()).toBe(0);
    expect(session.problems).toEqual([]);
  });

  it('a later sync does not bring the panel back: the header line says it', async () => {
    const { page, harness } = session;
    harness.api.push(
      'clade:sync/progress-changed',
      run({ first: false, resource: 'users', page: 1, rows: 12, resourcesDone: 1 }),
    );
    await page.getByText('Syncing members… 12 rows (1 of 15)').waitFor();
    expect(await page.getByRole('region', { name: 'First sync of your organization' }).count()).toBe(0);
  });

  it('Settings says the desktop settings live in the desktop app (the harness has none)', async () => {
    const { page } = session;
    await page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: 'Settings' }).click();
    const desktop = page.getByRole('region', { name: 'Desktop' });
    await desktop.getByText(/set in the desktop app/).waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);
  });
});
