/** Keyboard-only navigation for the e2e tests: Tab until the focused control is the one named. */
import type { Page } from 'playwright-core';

/**
 * Presses Tab until the focused element's text or accessible label matches, like a keyboard user would; fails after
 * `limit` presses. It first waits for such a control to be drawn (a user sees it before tabbing): presses made before
 * a view has rendered could run past its place and use up the limit on a busy machine.
 */
export async function tabTo(page: Page, text: RegExp, limit = 60): Promise<void> {
  await page.waitForFunction(
    (source) =>
      [...document.querySelectorAll<HTMLElement>('button, a, input, select, textarea, [tabindex]')].some((el) =>
        [el.getAttribute('aria-label') ?? '', el.textContent?.trim() ?? ''].some((part) =>
          new RegExp(source).test(part),
        ),
      ),
    text.source,
  );
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => {
      const el = document.activeElement;
      return `${el?.getAttribute('aria-label') ?? ''}|${el?.textContent?.trim() ?? ''}`;
    });
    if (focused.split('|').some((part) => text.test(part))) return;
  }
  throw new Error(`never reached ${text} with Tab`);
}
