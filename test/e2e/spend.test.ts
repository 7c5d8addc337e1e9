/**
 * The spend view in Chromium through the web harness, on the demo org and on the `mid` sandbox size: billed next to
 * estimate (labelled), hourly buckets (estimate only), grouping by key (estimate only; hourly per key unavailable),
 * a CSV export whose parsed rows add up to the table, axe clean, screenshots.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Download, Page } from 'playwright-core';
import { formatCents } from '../../renderer/lib/format';
import { openApp, screenshot, seriousA11yViolations, type BrowserSession } from './browser';

/** RFC 4180 enough for our export: quoted cells with doubled quotes, CRLF rows. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(cell);
      cell = '';
    } else if (ch === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    } else cell += ch;
  }
  return rows;
}

/** Exact decimal dollars → BigInt of 1e-14 dollars (1e-12 cents), for sums without floats. */
function fine(dollars: string): bigint {
  const [whole, fraction = ''] = dollars.replace('-', '').split('.');
  const value = BigInt(whole!) * 10n ** 14n + BigInt(fraction.padEnd(14, '0'));
  return dollars.startsWith('-') ? -value : value;
}
function fineToCents(value: bigint): string {
  const text = value.toString().padStart(13, '0');
  return `${text.slice(0, -12)}.${text.slice(-12)}`;
}

async function downloadCsv(page: Page): Promise<{ name: string; rows: string[][] }> {
  const pending = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export CSV' }).click();
  const file: Download = await pending;
  const chunks = (await (await file.createReadStream()).toArray()) as Buffer[];
  return { name: file.suggestedFilename(), rows: parseCsv(Buffer.concat(chunks).toString('utf8')) };
}

/** The table's body rows as {group → cells by column header}. */
async function tableByGroup(page: Page): Promise<Map<string, Record<string, string>>> {
  const table = page.getByRole('region', { name: 'Usage and cost table' }).getByRole('table');
  // One read of the whole table (the mid org has hundreds of keys; a locator per cell would be slow).
  const rows = await table.evaluate((element) => {
    const headers = [...element.querySelectorAll('thead th')].slice(1).map((th) => th.textContent ?? '');
    return [...element.querySelectorAll('tbody tr')].map((tr) => {
      const cells = [...tr.querySelectorAll('td')].map((td) => td.textContent ?? '');
      return [
        tr.querySelector('th')?.textContent ?? '',
        Object.fromEntries(headers.map((h, i) => [h, cells[i] ?? ''])),
      ] as const;
    });
  });
  return new Map(rows);
}

/** Sums the CSV per group and checks each total against the table (tokens exactly, money to the displayed cent). */
async function expectCsvMatchesTable(
  page: Page,
  rows: string[][],
  moneyColumns: Array<[csv: string, table: string]>,
): Promise<number> {
  const [header, ...body] = rows;
  const col = (name: string) => header!.indexOf(name);
  const table = await tableByGroup(page);
  const sums = new Map<string, { tokens: number; money: bigint[] }>();
  for (const row of body) {
    const sum = sums.get(row[1]!) ?? { tokens: 0, money: moneyColumns.map(() => 0n) };
    sum.tokens += Number(row[3]);
    moneyColumns.forEach(([csv], i) => (sum.money[i]! += fine(row[col(csv)]!)));
    sums.set(row[1]!, sum);
  }
  expect(sums.size).toBeGreaterThan(0);
  for (const [group, sum] of sums) {
    const cells = table.get(group)!;
    expect({ group, tokens: sum.tokens.toLocaleString('en-US') }).toEqual({ group, tokens: cells['Total tokens'] });
    moneyColumns.forEach(([, tableColumn], i) =>
      expect({ group, [tableColumn]: formatCents(fineToCents(sum.money[i]!)) }).toEqual({
        group,
        [tableColumn]: cells[tableColumn],
      }),
    );
  }
  return sums.size;
}

async function openSpend(size: 'demo' | 'mid'): Promise<BrowserSession> {
  const session = await openApp(size === 'mid' ? { size: 'mid' } : {});
  await session.page.getByRole('button', { name: 'Explore the demo org' }).click();
  await session.page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: 'Spend' }).click();
  await session.page.getByRole('heading', { name: 'Spend', exact: true }).waitFor();
  return session;
}

for (const size of ['demo', 'mid'] as const) {
  describe(`the spend view on the ${size} org`, () => {
    let session: BrowserSession;
    beforeAll(async () => {
      session = await openSpend(size);
    }, 240_000);
    afterAll(async () => {
      await session?.close();
    });

    it('shows billed next to the estimate by day, labelled, and exports a CSV that adds up to the table', async () => {
      const { page } = session;
      const table = page.getByRole('region', { name: 'Usage and cost table' });
      await table.getByRole('columnheader', { name: 'Billed', exact: true }).waitFor();
      await expect(table.getByRole('columnheader', { name: 'Estimate', exact: true }).isVisible()).resolves.toBe(true);
      await expect(
        table.getByRole('columnheader', { name: 'Difference (billed − estimate)' }).isVisible(),
      ).resolves.toBe(true);
      await page.locator('.chart canvas').first().waitFor();
      await expect(page.getByText(/^Billed = Anthropic's daily cost report/).isVisible()).resolves.toBe(true);
      const csv = await downloadCsv(page);
      expect(csv.name).toBe('clade-admin-spend-workspace-30d.csv');
      expect(csv.rows[0]).toEqual(['day', 'workspace', 'workspace id', 'all tokens', 'estimate (USD)', 'billed (USD)']);
      await expectCsvMatchesTable(page, csv.rows, [
        ['estimate (USD)', 'Estimate'],
        ['billed (USD)', 'Billed'],
      ]);
      expect(await seriousA11yViolations(page)).toEqual([]);
      await screenshot(page, `spend-${size}`);
    });

    it('switches to hours (estimate only, said so) and to keys (by day only, estimate only), exporting what is shown', async () => {
      const { page } = session;
      await page.getByLabel('Buckets').selectOption('hour');
      await page.getByText(/^Estimate only: billed cost is reported per day, never per hour/).waitFor();
      const table = page.getByRole('region', { name: 'Usage and cost table' });
      await expect(table.getByRole('columnheader', { name: 'Billed', exact: true }).count()).resolves.toBe(0);
      await expect(
        table.getByRole('columnheader', { name: 'Estimate (no billed cost here)' }).isVisible(),
      ).resolves.toBe(true);
      const hourly = await downloadCsv(page);
      expect(hourly.name).toBe('clade-admin-spend-workspace-30d-hourly.csv');
      expect(hourly.rows[1]![0]).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:00Z$/);
      await expectCsvMatchesTable(page, hourly.rows, [['estimate (USD)', 'Estimate (no billed cost here)']]);

      await page.getByLabel('Group by').selectOption('key');
      await page.getByText(/Usage per API key is kept by day only/).waitFor();
      await expect(page.getByRole('button', { name: 'Export CSV' }).isDisabled()).resolves.toBe(true);
      await page.getByLabel('Buckets').selectOption('day');
      await page
        .getByText(/^Estimate only: billed cost is reported per workspace and model, never per API key/)
        .waitFor();
      await expect(
        page
          .getByRole('region', { name: 'Usage and cost table' })
          .getByRole('columnheader', { name: 'API key' })
          .isVisible(),
      ).resolves.toBe(true);
      const perKey = await downloadCsv(page);
      expect(perKey.rows[0]).toEqual(['day', 'key', 'key id', 'all tokens', 'estimate (USD)']);
      expect(
        await expectCsvMatchesTable(page, perKey.rows, [['estimate (USD)', 'Estimate (no billed cost here)']]),
      ).toBeGreaterThan(3);
      expect(await seriousA11yViolations(page)).toEqual([]);
      await screenshot(page, `spend-${size}-keys`);
    });

    // Keyboard use does not depend on the org's size: defined for the demo org only (not a skipped twin on mid).
    if (size === 'demo') {
      it('works from the keyboard: Tab reaches the controls, arrows change them, Enter exports', async () => {
        const { page } = session;
        await page.getByRole('button', { name: 'Export CSV' }).focus();
        await page.keyboard.press('Tab');
        await expect(page.evaluate(() => document.activeElement?.id ?? '')).resolves.toMatch(/-range$/);
        await page.keyboard.press('Tab');
        await page.keyboard.press('Tab');
        await expect(page.evaluate(() => (document.activeElement as HTMLSelectElement | null)?.value)).resolves.toBe(
          'key',
        );
        await page.keyboard.press('ArrowDown'); // API key → Model
        await page
          .getByRole('region', { name: 'Usage and cost table' })
          .getByRole('columnheader', { name: 'Model' })
          .waitFor();
        await page.getByRole('button', { name: 'Export CSV' }).focus();
        const pending = page.waitForEvent('download');
        await page.keyboard.press('Enter');
        expect((await pending).suggestedFilename()).toBe('clade-admin-spend-model-30d.csv');
      });
    }

    it('refuses a backwards custom range next to the inputs, then shows a valid one', async () => {
      const { page, problems } = session;
      await page.getByLabel('Range', { exact: true }).selectOption('custom');
      await page.getByLabel('From', { exact: true }).fill('2026-11-10');
      await page.getByLabel('To', { exact: true }).fill('2026-11-01');
      await page.getByRole('button', { name: 'Show range' }).click();
      await expect(page.getByRole('alert').textContent()).resolves.toBe('The start day is after the end day.');
      const today = new Date().toISOString().slice(0, 10);
      const weekAgo = new Date(Date.now() - 6 * 86_400_000).toISOString().slice(0, 10);
      await page.getByLabel('From', { exact: true }).fill(weekAgo);
      await page.getByLabel('To', { exact: true }).fill(today);
      await page.getByRole('button', { name: 'Show range' }).click();
      await page.getByText(`${weekAgo} – ${today} (UTC days)`, { exact: false }).first().waitFor();
      expect(await seriousA11yViolations(page)).toEqual([]);
      if (size === 'demo') {
        // The dark theme: the view's own colours (notes, inputs, the range problem) pass axe there too.
        await page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: 'Settings' }).click();
        await page.getByRole('radio', { name: 'Dark' }).check();
        await page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: 'Spend' }).click();
        await page.locator('.chart canvas').first().waitFor();
        expect(await seriousA11yViolations(page)).toEqual([]);
        await screenshot(page, 'spend-demo-dark');
      }
      expect(problems).toEqual([]);
    });
  });
}
