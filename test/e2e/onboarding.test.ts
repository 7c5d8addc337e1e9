import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApp, screenshot, seriousA11yViolations, type BrowserSession } from './browser';

let session: BrowserSession;
beforeAll(async () => {
  session = await openApp({ viewport: { width: 900, height: 760 } });
});
afterAll(async () => {
  await session?.close();
});

describe('the welcome screen on a fresh profile', () => {
  it('explains the app and the Admin key, and passes axe', async () => {
    const { page, problems } = session;
    await page.getByRole('heading', { name: 'Welcome to Clade Admin' }).waitFor();
    await expect(page.getByText('Settings → Admin keys').isVisible()).resolves.toBe(true);
    await expect(page.getByText(/Only organization admins/).isVisible()).resolves.toBe(true);
    await expect(page.getByRole('heading', { name: 'What Clade Admin will do with it' }).isVisible()).resolves.toBe(
      true,
    );
    await expect(page.getByRole('heading', { name: 'What it will never do' }).isVisible()).resolves.toBe(true);
    await screenshot(page, 'onboarding');
    expect(problems).toEqual([]);
    expect(await seriousA11yViolations(page)).toEqual([]);
  });

  it('"Explore the demo org" opens the tree, and a reload does not show the welcome again', async () => {
    const { page } = session;
    await page.getByRole('button', { name: 'Explore the demo org' }).click();
    await page.getByRole('tree').waitFor();
    await page.reload();
    await page.getByRole('navigation', { name: 'Views' }).waitFor();
    await expect(page.getByRole('heading', { name: 'Welcome to Clade Admin' }).count()).resolves.toBe(0);
  });
});
