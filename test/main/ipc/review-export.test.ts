/**
 * `clade:review/export` on the demo org: HTML, CSV and PDF (the app's printer over the Electron double) written
 * into the exports folder under names main chooses, each export recorded in the trail; the default period is the
 * last whole quarter; a bad period is `bad-request`; PDF without a printer (the web harness) and no mirror are
 * `unavailable`; the posture hook feeds the report's posture section.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDemoOrg, type DemoOrg } from '../../../main/services/demo/demo-org';
import { reviewHandlers } from '../../../main/ipc/domains/review';
import { createReviewPdfPrinter } from '../../../main/app/review-pdf';
import { searchAuditEvents } from '../../../main/db/audit/index';
import { ReviewExportRequest } from '../../../preload/contract-review';
import { WindowDouble } from '../../helpers/electron-double';

let dir: string;
let demo: DemoOrg;
const now = Date.parse('2026-11-24T10:00:00Z');

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'clade-review-ipc-'));
  demo = await openDemoOrg({ mirrorFile: join(dir, 'mirror.sqlite'), frozenAt: new Date(now) });
}, 120_000);
afterAll(async () => {
  await demo?.close();
  rmSync(dir, { recursive: true, force: true });
});

const exportDir = () => join(dir, 'exports');
const handlers = (extra: Partial<Parameters<typeof reviewHandlers>[0]> = {}) =>
  reviewHandlers({ mirror: () => demo.db, now: () => now, reviewExportDir: exportDir, ...extra });
const call = (h: ReturnType<typeof handlers>, request: unknown) =>
  h['clade:review/export'](ReviewExportRequest.parse(request), { channel: 'clade:review/export', via: 'ipc' });

describe('clade:review/export', () => {
  it('writes HTML for the last quarter by default and CSV for a period, each recorded in the trail', async () => {
    const html = await call(handlers(), { format: 'html' });
    expect(html).toMatchObject({ from: '2026-07-01', to: '2026-09-30', format: 'html' });
    expect(html.file).toBe(join(exportDir(), 'access-review-2026-07-01-to-2026-09-30.html'));
    expect(readFileSync(html.file, 'utf8')).toContain('Posture not evaluated');
    const csv = await call(handlers(), { format: 'csv', from: '2026-11-01', to: '2026-11-24' });
    expect(readFileSync(csv.file, 'utf8').startsWith('section,')).toBe(true);
    const again = await call(handlers(), { format: 'csv', from: '2026-11-01', to: '2026-11-24' });
    expect(again.file).toBe(join(exportDir(), 'access-review-2026-11-01-to-2026-11-24-2.csv'));
    const events = searchAuditEvents(demo.db, 'type:export.created', { limit: 10, cursor: null }).events;
    expect(events.map((e) => e.summary)).toContain(
      'Exported the access review for 2026-07-01 to 2026-09-30 as HTML to access-review-2026-07-01-to-2026-09-30.html',
    );
  });

  it('prints PDF through the app printer, with the posture the hook gives', async () => {
    WindowDouble.created.length = 0;
    const pdf = await call(
      handlers({
        reviewPdf: createReviewPdfPrinter(WindowDouble, dir),
        reviewPosture: () => ({ score: 71, failing: [{ title: 'No dormant keys', evidence: ['asdf'] }] }),
      }),
      { format: 'pdf', from: '2026-11-01', to: '2026-11-24' },
    );
    expect(readFileSync(pdf.file, 'latin1')).toBe('%PDF-1.7 double');
    const printed = WindowDouble.created[0]!.webContents.printed[0]!.html!;
    expect(printed).toContain('Score: 71 / 100');
    expect(printed).toContain('<strong>No dormant keys</strong>: asdf');
  });

  it('refuses a bad period, PDF without a printer, and a missing mirror, in words for the admin', async () => {
    await expect(call(handlers(), { format: 'html', from: '2026-11-30', to: '2026-11-01' })).rejects.toMatchObject({
      code: 'bad-request',
    });
    await expect(call(handlers(), { format: 'pdf' })).rejects.toMatchObject({ code: 'unavailable' });
    await expect(call(handlers({ mirror: () => null }), { format: 'html' })).rejects.toMatchObject({
      code: 'unavailable',
    });
  });
});
