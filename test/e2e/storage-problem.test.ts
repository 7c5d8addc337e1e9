import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OrgTree, Result } from '../../preload/contract';
import { openApp, screenshot, seriousA11yViolations, type BrowserSession } from './browser';

// The app started on a demo mirror SQLite cannot read (#20): the window says so above every view and, keyboard only,
// moves the mirror aside; main syncs a new demo mirror and the org tree comes back.
let session: BrowserSession;
beforeAll(async () => {
  session = await openApp({ damagedMirror: true });
  await session.page.getByRole('button', { name: 'Explore the demo org' }).click();
});
afterAll(async () => {
  await session?.close();
});

/** The tree the harness serves now, asked over its HTTP api like the page does (same-origin). */
async function servedTree(): Promise<OrgTree> {
  const origin = new URL(session.harness.url).origin;
  const response = await fetch(`${origin}/api/clade:org/tree`, {
    method: 'POST',
    headers: { origin, 'content-type': 'application/json' },
    body: '{}',
  });
  const result = (await response.json()) as Result<OrgTree | null>;
  if (!result.ok || !result.value) throw new Error('the harness served no tree');
  return result.value;
}

describe('a damaged mirror in the window', () => {
  it('is named with what to do, and moved aside from the keyboard after a confirmation; the tree comes back', async () => {
    const { page, problems } = session;
    const banner = page
      .getByRole('alert')
      .filter({ has: page.getByRole('heading', { name: 'The local mirror is damaged' }) });
    await banner.waitFor();
    await expect(banner.textContent()).resolves.toMatch(
      /is damaged and cannot be read .*Move it aside and sync a new one/,
    );
    await expect(page.getByRole('tree').count()).resolves.toBe(0);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, 'storage-problem');

    // Keyboard only: the banner sits above the views, so Shift+Tab from the view tabs reaches its button; Enter opens
    // the confirmation with focus on Cancel.
    const focused = () => page.evaluate(() => document.activeElement?.textContent ?? '');
    for (let presses = 0; presses < 10 && (await focused()) !== 'Move aside and resync'; presses++)
      await page.keyboard.press('Shift+Tab');
    await expect(focused()).resolves.toBe('Move aside and resync');
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: 'Move the mirror aside?' });
    await dialog.waitFor();
    await expect(dialog.textContent()).resolves.toContain('Nothing is deleted or rewritten');
    await expect(focused()).resolves.toBe('Cancel');
    await page.keyboard.press('Tab');
    await expect(
      dialog.getByRole('button', { name: 'Move aside and resync' }).evaluate((b) => b === document.activeElement),
    ).resolves.toBe(true);
    await page.keyboard.press('Enter');

    const done = page.getByRole('dialog', { name: 'Mirror moved aside' }).getByRole('status');
    await expect
      .poll(() => done.textContent(), { timeout: 20_000 })
      .toMatch(/The old mirror is now .*\.damaged-\d{8}T\d{6}Z/);
    await screenshot(page, 'storage-problem-moved');
    await page.keyboard.press('Escape');
    await expect(page.getByRole('dialog').count()).resolves.toBe(0);
    await expect(banner.count()).resolves.toBe(0);
    await page.getByRole('tree').waitFor();
    const tree = await servedTree();
    expect(tree.workspaces.length).toBeGreaterThanOrEqual(3);
    await expect(page.getByRole('treeitem', { level: 1 }).first().textContent()).resolves.toContain(tree.org.name);
    expect(problems).toEqual([]);
  }, 40_000);
});
