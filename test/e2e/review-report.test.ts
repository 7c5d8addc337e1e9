/**
 * The demo org's access review, end to end: the built CLI syncs the demo org (`demo`) and writes the review as
 * HTML and CSV (`review`); Debian's Chromium opens the HTML as a file, with nothing else allowed to load. Checked:
 * a screenshot on screen and in print media, axe (serious and critical), `page.pdf()` (what the app's printToPDF
 * does with the same HTML), the admins with their since-dates equal to `users --role admin --json`, and the CSV
 * parsed by csv-parse with the same admins.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { chromium, type BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runBuiltCli } from '../helpers/built-cli';
import { CHROMIUM_ARGS, SCREENSHOT_DIR, seriousA11yViolations } from './browser';

let dir: string;
let context: BrowserContext | null = null;
let admins: { users: AdminJson[] };
const period = ['--from', '2026-01-01', '--to', new Date().toISOString().slice(0, 10)];
// The review and `posture` judge the org at one instant, so their posture sections must be the same evaluation.
let postureNow: string;
let posture: { score: number; items: Array<{ title: string; status: string }> };

interface AdminJson {
  email: string;
  adminSince: { atMs: number; source: string } | null;
}

async function cli(args: string[]): Promise<string> {
  const result = await runBuiltCli(['--data-dir', dir, '--profile', 'demo', ...args]);
  expect(result.stderr.replace(/^Syncing.*\n?/gm, '')).not.toMatch(/error|at .*\.js:\d+/i);
  expect(result.code).toBe(0);
  return result.stdout;
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'clade-review-e2e-'));
  await cli(['demo']);
  postureNow = new Date().toISOString();
  const judged = await runBuiltCli(['--data-dir', dir, '--profile', 'demo', 'posture', '--json', '--now', postureNow]);
  expect(judged.code).toBe(1); // the demo org fails some items by design
  posture = JSON.parse(judged.stdout) as typeof posture;
  // `users` only reads, so it runs beside the first review (each review appends to the trail: one at a time).
  const [users] = await Promise.all([
    cli(['users', '--role', 'admin', '--json']),
    cli(['review', ...period, '--now', postureNow, '--format', 'html', '--out', join(dir, 'review.html')]),
  ]);
  admins = JSON.parse(users) as { users: AdminJson[] };
  await cli(['review', ...period, '--format', 'csv', '--out', join(dir, 'review.csv')]);
  context = await chromium.launchPersistentContext(join(dir, 'chromium'), {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: { width: 1100, height: 900 },
  });
}, 120_000);
afterAll(async () => {
  await context?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe("the demo org's access review", () => {
  it('renders in Chromium, on screen and in print, passes axe, prints to PDF and lists the admins with their since-dates', async () => {
    const page = context!.pages()[0] ?? (await context!.newPage());
    const requests: string[] = [];
    const problems: string[] = [];
    page.on('request', (request) => requests.push(request.url()));
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(message.text());
    });
    await page.goto(`file://${join(dir, 'review.html')}`);
    await page.getByRole('heading', { level: 1, name: /Access review/ }).waitFor();
    expect(await page.locator('script').count()).toBe(0);
    // Only the document itself was loaded: no font, image or style from anywhere.
    expect(requests).toEqual([`file://${join(dir, 'review.html')}`]);
    expect(problems).toEqual([]);

    const tableRows = page.locator('section[aria-labelledby="admins"] tbody tr');
    expect(await tableRows.count()).toBe(admins.users.length);
    for (const admin of admins.users) {
      const row = (await tableRows.filter({ hasText: admin.email }).textContent()) ?? '';
      const day = new Date(admin.adminSince!.atMs).toISOString().slice(0, 10);
      expect(row).toContain(admin.adminSince!.source === 'before-first-sync' ? `before ${day}` : day);
    }
    // The posture section is `posture`'s own evaluation: its score and each failing item's title.
    const postureText = (await page.locator('section[aria-labelledby="posture"]').textContent()) ?? '';
    expect(postureText).toContain(`Score: ${posture.score} / 100`);
    const failing = posture.items.filter((item) => item.status === 'fail');
    expect(failing.length).toBeGreaterThan(0);
    for (const item of failing) expect(postureText).toContain(item.title);
    expect(await seriousA11yViolations(page)).toEqual([]);
    mkdirSync(SCREENSHOT_DIR, { recursive: true });
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'review-report.png') });

    await page.emulateMedia({ media: 'print' });
    expect(await page.evaluate(() => matchMedia('print').matches)).toBe(true);
    // The print CSS repeats table headers on each page.
    expect(
      await page
        .locator('thead')
        .first()
        .evaluate((el) => getComputedStyle(el).display),
    ).toBe('table-header-group');
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'review-report-print.png') });

    const pdf = await page.pdf({ format: 'A4', printBackground: true });
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdf.byteLength).toBeGreaterThan(10_000);
    // More than one page: the keys and members do not fit on one A4 sheet.
    expect((pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length).toBeGreaterThan(1);
  });

  it('has a CSV that parses, with the same admins and since-dates', async () => {
    const rows = parse(readFileSync(join(dir, 'review.csv'), 'utf8'), { columns: true }) as Array<
      Record<string, string>
    >;
    const csvAdmins = rows.filter((row) => row.section === 'admin');
    expect(csvAdmins.map((row) => [row.email, row.admin_since])).toEqual(
      admins.users.map((a) => [a.email, new Date(a.adminSince!.atMs).toISOString().slice(0, 10)]),
    );
    expect(rows.filter((row) => row.section === 'key').length).toBeGreaterThan(10);
    expect(rows.some((row) => row.section === 'spend' && Number(row.amount_usd) > 0)).toBe(true);
  });
});
