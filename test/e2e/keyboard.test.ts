import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApp, screenshot, type BrowserSession } from './browser';

let session: BrowserSession;
beforeAll(async () => {
  session = await openApp();
});
afterAll(async () => {
  await session?.close();
});

/** Presses Tab until the focused element matches, like a keyboard user would; fails after `limit` presses. */
async function tabTo(describe: (el: Element) => boolean, limit = 25): Promise<void> {
  const { page } = session;
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press('Tab');
    const found = await page.evaluate(`(${describe.toString()})(document.activeElement)`);
    if (found) return;
  }
  throw new Error('never reached the element with Tab');
}

const isButton = (label: string) =>
  new Function('el', `return el && el.tagName === 'BUTTON' && el.textContent.trim() === ${JSON.stringify(label)}`) as (
    el: Element,
  ) => boolean;

describe('keyboard only', () => {
  it('leaves the welcome screen, walks the tree, opens a key, reaches every view and changes settings (sync interval, theme)', async () => {
    const { page } = session;
    await page.getByRole('heading', { name: 'Welcome to Clade Admin' }).waitFor();
    await tabTo(isButton('Explore the demo org'));
    await page.keyboard.press('Enter');
    await page.getByRole('tree').waitFor();

    // Into the tree: Tab until the tree itself has focus.
    await tabTo((el) => el.getAttribute('role') === 'tree');
    const activeLabel = () =>
      page.evaluate(() => {
        const tree = document.querySelector('[role="tree"]')!;
        return (
          document.getElementById(tree.getAttribute('aria-activedescendant')!)?.querySelector('.tree-label')
            ?.textContent ?? null
        );
      });
    await page.keyboard.press('ArrowDown');
    const firstWorkspace = await activeLabel();
    expect(firstWorkspace).toBeTruthy();
    await page.keyboard.press('ArrowLeft'); // collapse the workspace
    await expect(
      page.locator(`[role="treeitem"][aria-expanded="false"] .tree-label >> text="${firstWorkspace}"`).count(),
    ).resolves.toBe(1);
    await page.keyboard.press('ArrowRight'); // expand it again
    await page.keyboard.press('End');
    // Type-ahead back to a key: find the first key row's name and type its first letters.
    const keyName = await page.locator('[role="treeitem"][data-kind="key"] .tree-label').first().textContent();
    await page.keyboard.press('Home');
    await page.keyboard.type(keyName!.slice(0, 4).toLowerCase());
    // The active row may be scrolled into the virtual list a frame later: poll, don't read once.
    await expect
      .poll(async () => (await activeLabel())?.toLowerCase().startsWith(keyName!.slice(0, 4).toLowerCase()))
      .toBe(true);
    await page.keyboard.press('Enter');
    const details = page.getByRole('complementary');
    await expect(details.getByRole('heading').textContent()).resolves.toBe(await activeLabel());
    await screenshot(page, 'keyboard-tree');

    // Every view from the keyboard.
    for (const view of ['Overview', 'API keys', 'Settings']) {
      await page.keyboard.press('Shift+Tab');
      await tabTo(isButton(view), 40);
      await page.keyboard.press('Enter');
      await expect(page.getByRole('button', { name: view, exact: true }).getAttribute('aria-current')).resolves.toBe(
        'page',
      );
    }

    // Change a setting: the sync interval, typed and submitted with Enter. The field appears once main has answered
    // the settings request; a user sees it before tabbing, so wait for it (on a busy CI machine the 25 presses could
    // otherwise run past the spot before the form is drawn).
    await page.locator('#sync-interval').waitFor();
    await tabTo((el) => el.id === 'sync-interval');
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.type('45');
    await page.keyboard.press('Enter');
    await page.getByRole('status').filter({ hasText: 'Saved.' }).waitFor();
    const stored = await page.evaluate(async () => {
      const answer = await (
        window as unknown as {
          api: { settings: { get(): Promise<{ ok: boolean; value?: { values: Record<string, unknown> } }> } };
        }
      ).api.settings.get();
      return answer.value?.values['sync.intervalMinutes'];
    });
    expect(stored).toBe(45);

    // And the theme radio group, with arrows.
    // (past the team webhook's format radios, which come first)
    await tabTo((el) => el instanceof HTMLInputElement && el.type === 'radio' && el.name === 'theme');
    await page.keyboard.press('ArrowDown');
    await expect(page.evaluate(() => document.documentElement.dataset.theme)).resolves.toBe('light');
    const focusVisible = await page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle);
    expect(focusVisible).not.toBe('none');
  });
});
