/**
 * The alert centre in Debian's Chromium on the demo org: an org budget set below its month-to-date
 * spend through the window's own channel (clade:alerts/set-rules), then the centre shows the crossed thresholds,
 * snoozes one, refuses a bad rule value next to its field and saves a good one; a keyboard-only snooze; axe clean
 * in light and dark and at 380 px; screenshot test-results/alert-centre.png.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildRenderer, rendererOutDir } from '../harness/build-renderer';
import { openApp, screenshot, seriousA11yViolations, type BrowserSession } from './browser';

let session: BrowserSession;

/** The harness builds the renderer only when it is missing; rebuild when the alert centre is newer than the bundle. */
async function ensureBundleHasAlertCentre(): Promise<void> {
  const index = join(rendererOutDir, 'index.html');
  const sources = [
    resolve(__dirname, '../../renderer/features/alerts'),
    resolve(__dirname, '../../renderer/App.tsx'),
    resolve(__dirname, '../../renderer/stores/useAlertsStore.ts'),
  ];
  const newest = Math.max(
    ...sources.flatMap((path) =>
      statSync(path).isDirectory()
        ? readdirSync(path).map((name) => statSync(join(path, name)).mtimeMs)
        : [statSync(path).mtimeMs],
    ),
  );
  if (!existsSync(index) || statSync(index).mtimeMs < newest) await buildRenderer();
}

beforeAll(async () => {
  await ensureBundleHasAlertCentre();
  session = await openApp({ viewport: { width: 1280, height: 900 } });
  await session.page.getByRole('button', { name: 'Explore the demo org' }).click();
  // $1 a month: far below the demo org's month-to-date spend, so every threshold is crossed.
  const saved = await session.page.evaluate(async () => {
    const api = (window as unknown as { api: import('../../preload/contract').ClientApi }).api;
    const rules = await api.alerts.rules();
    if (!rules.ok) return rules;
    return api.alerts.setRules({ ...rules.value.form, orgMonthlyUsd: '1' });
  });
  expect(saved).toMatchObject({ ok: true, value: { saved: true } });
  await session.page.getByRole('button', { name: 'Alerts', exact: true }).click();
}, 180_000);
afterAll(async () => {
  await session?.close();
});

const openRegion = () => session.page.getByRole('region', { name: /^Open alerts \(\d+\)$/ });
const budgetEpisode = () => openRegion().getByRole('listitem').filter({ hasText: 'has reached its monthly budget' });

describe('the alert centre on the demo org with a $1 budget', () => {
  it('shows the crossed budget threshold among the open alerts, critical first, with target and age', async () => {
    await budgetEpisode().first().waitFor();
    const item = budgetEpisode().first();
    await expect(item.textContent()).resolves.toMatch(/\$1\.00 spent|of \$1\.00/);
    await expect(item.getByText('Critical', { exact: true }).count()).resolves.toBe(1);
    await expect(item.textContent()).resolves.toMatch(/Opened.+\((just now|\d+ min ago)\)/);
    const severities = await openRegion().locator('.episode-head .badge').allTextContents();
    expect(severities[0]).toBe('Critical');
    expect(severities.indexOf('Info') === -1 || severities.indexOf('Info') > severities.lastIndexOf('Critical')).toBe(
      true,
    );
    expect(session.problems).toEqual([]);
  });

  it('snoozes the budget alert for an hour and lists the snooze', async () => {
    const { page } = session;
    const group = budgetEpisode().first().getByRole('group');
    await group.getByLabel('for').selectOption('1h');
    await group.getByRole('button', { name: 'Snooze' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: /^Snoozed / })
      .waitFor();
    const snoozed = page.getByRole('region', { name: 'Snoozed' });
    await expect(snoozed.textContent()).resolves.toMatch(/Spend against budgets and limits alerts on .+, until/);
    await expect(snoozed.getByRole('button', { name: /^Unsnooze / }).count()).resolves.toBe(1);
  });

  it('refuses a bad rotation period next to its field, then saves a good one', async () => {
    const { page } = session;
    const rotation = page.getByLabel('Rotate keys older than (days)');
    await rotation.fill('ninety');
    await page.getByRole('button', { name: 'Save rules' }).click();
    const error = page.locator('#rule-rotation-error');
    await error.waitFor();
    await expect(error.textContent()).resolves.toBe('must be a whole number');
    await expect(rotation.getAttribute('aria-invalid')).resolves.toBe('true');
    await expect(rotation.getAttribute('aria-describedby')).resolves.toContain('rule-rotation-error');
    await screenshot(page, 'alert-centre-invalid');
    await rotation.fill('60');
    await page.getByRole('button', { name: 'Save rules' }).click();
    await page.getByText('Saved. The alert list follows the new rules.').waitFor();
    await expect(error.count()).resolves.toBe(0);
    const stored = await page.evaluate(async () =>
      (window as unknown as { api: import('../../preload/contract').ClientApi }).api.alerts.rules(),
    );
    expect(stored).toMatchObject({ ok: true, value: { form: { rotationDays: '60', orgMonthlyUsd: '1' } } });
  });

  it('snoozes with the keyboard only: Tab to a snooze control, arrows to choose, Enter on Snooze', async () => {
    const { page } = session;
    const before = await page.getByRole('region', { name: 'Snoozed' }).getByRole('listitem').count();
    await page.getByRole('heading', { level: 2, name: 'Alerts' }).click();
    await page.locator('#open-episode-1-scope').waitFor();
    let reached = false;
    for (let i = 0; i < 40 && !reached; i++) {
      await page.keyboard.press('Tab');
      reached = await page.evaluate(() => document.activeElement?.id === 'open-episode-1-scope');
    }
    expect(reached).toBe(true);
    // The focused control shows a visible focus ring.
    await expect(page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle)).resolves.not.toBe('none');
    await page.keyboard.press('ArrowDown'); // "Every alert on <target>"
    await page.keyboard.press('Tab');
    await page.keyboard.press('ArrowDown'); // 1 week
    await page.keyboard.press('Tab');
    await expect(page.evaluate(() => document.activeElement?.textContent)).resolves.toBe('Snooze');
    await page.keyboard.press('Enter');
    await page
      .getByRole('status')
      .filter({ hasText: /^Snoozed every alert on / })
      .waitFor();
    await expect(page.getByRole('region', { name: 'Snoozed' }).getByRole('listitem').count()).resolves.toBe(before + 1);
  });

  it('passes axe in light and dark, and saves the screenshot', async () => {
    const { page } = session;
    await page.emulateMedia({ colorScheme: 'light' });
    await page.getByRole('heading', { level: 2, name: 'Alerts' }).scrollIntoViewIfNeeded();
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, 'alert-centre');
    await page.emulateMedia({ colorScheme: 'dark' });
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, 'alert-centre-dark');
    // As narrow as the tray popover: nothing overflows sideways, still axe clean.
    await page.emulateMedia({ colorScheme: 'light' });
    await page.setViewportSize({ width: 380, height: 800 });
    const wide = await page.evaluate(() =>
      [...document.querySelectorAll('body *')]
        .filter((el) => el.getBoundingClientRect().right > window.innerWidth + 1)
        .slice(0, 8)
        .map((el) => `${el.tagName}.${el.className} ${Math.round(el.getBoundingClientRect().right)}`),
    );
    expect(wide).toEqual([]);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, 'alert-centre-narrow');
    expect(session.problems).toEqual([]);
  });
});
