/**
 * Shared set-up for the browser e2e tests: Debian's Chromium through playwright-core (stack.md §5), a fresh
 * profile per run, the web harness on a random loopback port, console errors and CSP violations collected,
 * screenshots under test-results/, and an axe check that fails on serious or critical violations.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { AxeBuilder } from '@axe-core/playwright';
import { startHarness, type HarnessOptions, type RunningHarness } from '../harness/server';

export const SCREENSHOT_DIR = resolve(__dirname, '../../test-results');

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

export interface BrowserSession {
  harness: RunningHarness;
  context: BrowserContext;
  page: Page;
  /** Console errors and page errors seen so far (CSP violations show up here). */
  problems: string[];
  close: () => Promise<void>;
}

export async function openApp(
  options: HarnessOptions & {
    viewport?: { width: number; height: number };
    reducedMotion?: 'reduce' | 'no-preference';
  } = {},
): Promise<BrowserSession> {
  const harness = await startHarness({ ...options, port: 0 });
  const profile = mkdtempSync(join(tmpdir(), 'clade-pw-'));
  let context: BrowserContext | null = null;
  try {
    context = await chromium.launchPersistentContext(profile, {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      headless: true,
      args: CHROMIUM_ARGS,
      viewport: options.viewport ?? { width: 1100, height: 720 },
      reducedMotion: options.reducedMotion ?? 'reduce',
    });
    const page = context.pages()[0] ?? (await context.newPage());
    const problems: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(message.text());
    });
    page.on('pageerror', (error) => problems.push(error.message));
    await page.goto(harness.url);
    const opened = context;
    return {
      harness,
      context: opened,
      page,
      problems,
      close: async () => {
        await opened.close();
        await harness.close();
        rmSync(profile, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await context?.close();
    await harness.close();
    rmSync(profile, { recursive: true, force: true });
    throw error;
  }
}

export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const path = join(SCREENSHOT_DIR, `${name}.png`);
  await page.screenshot({ path, fullPage: false });
  return path;
}

/** axe on the current page; returns the serious and critical violations, described for a test message. */
export async function seriousA11yViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map(
      (violation) =>
        `${violation.id} (${violation.impact}): ${violation.help} — ${violation.nodes
          .map((node) => node.target.join(' '))
          .slice(0, 3)
          .join(', ')}`,
    );
}
