/**
 * The offboarding assistant in the People view on the demo org (the harness's in-process sandbox), keyboard only:
 * open a developer who created keys, "Offboard…", keep one key for an heir (arrow keys on its radio group, the
 * heir typed), review the plan, type their e-mail, run it, read the report; the member is gone from the table.
 * Screenshot and axe at the holdings, the plan and the report; no admin key on the page.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApp, screenshot, seriousA11yViolations, type BrowserSession } from './browser';
import { tabTo as tabToIn } from './tab-to';

let session: BrowserSession;
beforeAll(async () => {
  session = await openApp();
});
afterAll(async () => {
  await session?.close();
});

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

const tabTo = (text: RegExp) => tabToIn(session.page, text);

describe('the offboarding assistant', () => {
  it('offboards a developer keeping one key for an heir, keyboard only, with the final report', async () => {
    const { page, harness } = session;
    await page.getByRole('heading', { name: 'Welcome to Clade Admin' }).waitFor();
    await tabTo(/^Explore the demo org$/);
    await page.keyboard.press('Enter');
    await tabTo(/^People$/);
    await page.keyboard.press('Enter');
    const members = page.getByRole('region', { name: 'Members table' });
    await members.locator('tbody tr').first().waitFor();
    // A developer who created at least one active key (the row's last-but-one cell).
    const label = await members.locator('tbody tr').evaluateAll((rows) => {
      const row = rows.find(
        (r) => /Developer/.test(r.children[1]?.textContent ?? '') && Number(r.children[5]?.textContent ?? 0) > 0,
      );
      return row?.getAttribute('aria-label') ?? null;
    });
    expect(label).not.toBeNull();
    const name = label!.split(',')[0]!;
    await tabTo(new RegExp(`^${escapeRe(label!)}$`));
    await page.keyboard.press('Enter');
    await tabTo(/^Offboard…$/);
    await page.keyboard.press('Enter');

    const dialog = page.getByRole('dialog', { name: `Offboard ${name}` });
    await dialog.getByRole('list', { name: 'Active keys they created' }).waitFor();
    const email = ((await dialog.locator('p.muted').first().textContent()) ?? '').split(' · ')[0]!.trim();
    expect(email).toMatch(/@/);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, 'offboarding-holdings');

    // Focus starts on the first key's "Deactivate"; the right arrow chooses "Keep", Tab reaches the heir's field.
    await expect
      .poll(() => page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.type))
      .toBe('radio');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Tab');
    await page.keyboard.type('heir@example.com');
    await tabTo(/^Review plan$/);
    await page.keyboard.press('Enter');

    const plan = dialog.getByRole('list', { name: 'Offboarding plan' });
    await plan.waitFor();
    const steps = await plan.locator('li').allTextContents();
    expect(steps[0]).toMatch(/^Planned\s*Keep key '.+' in .+inherited by heir@example\.com/);
    expect(steps.at(-1)).toContain(`Remove ${email} from the organization`);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, 'offboarding-plan');

    // Focus starts on the e-mail field; the Offboard button is enabled only once it matches.
    await page.keyboard.type(email);
    await tabTo(/^Offboard$/);
    await page.keyboard.press('Enter');
    const report = dialog.getByRole('list', { name: 'Offboarding report' });
    await report.waitFor({ timeout: 20_000 });
    await expect
      .poll(() => dialog.getByRole('status').textContent(), { timeout: 10_000 })
      .toMatch(new RegExp(`${escapeRe(email)} is offboarded: \\d+ steps? done`));
    expect((await report.locator('li').allTextContents()).every((t) => /^Done/.test(t))).toBe(true);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, 'offboarding-report');

    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByRole('dialog').count()).toBe(0);
    await expect.poll(() => members.textContent()).not.toContain(email);
    expect(await page.content()).not.toContain(harness.sandboxAdminKey!);
    expect(session.problems).toEqual([]);
  });
});
