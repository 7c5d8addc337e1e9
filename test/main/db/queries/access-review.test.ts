/**
 * The access review's read model on the demo org (synced from the sandbox, on a frozen clock): each fact is the one
 * its own read model already answers (one truth): the admins and their since-dates are `users --role admin`'s
 * (people.ts), each key's verdicts are the judged inventory's (`keys`), the spend per month adds up to
 * `report cost --group-by workspace` over the same days. The role change the demo scripts shows among the
 * period's changes, and an export is written 0600 and recorded in the trail.
 * Then the window's channel over the same demo mirror (one sync for both, to keep the suite fast):
 * `clade:review/export` writes HTML, CSV and PDF (the app's printer over the Electron double) into the exports
 * folder under names main chooses, each recorded; the default period is the last whole quarter; a bad period is
 * `bad-request`; PDF without a printer (the web harness) and no mirror are `unavailable`; the posture hook feeds
 * the report's posture section.
 */
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDemoOrg, type DemoOrg } from '../../../../main/services/demo/demo-org';
import { readAccessReview, resolveReviewPeriod } from '../../../../main/db/queries/access-review';
import { readPeople } from '../../../../main/db/queries/people';
import { readJudgedKeyInventory } from '../../../../main/db/queries/key-inventory';
import { queryReport } from '../../../../main/db/queries/report-query';
import { centsToNanocents } from '../../../../main/core/money';
import { isAdminRole } from '../../../../main/core/org/org-roles';
import { searchAuditEvents } from '../../../../main/db/audit/index';
import { saveReviewExport, renderAccessReview } from '../../../../main/services/review-export';
import { evaluatePostureFromMirror } from '../../../../main/services/posture/evaluate-posture';
import { reviewHandlers } from '../../../../main/ipc/domains/review';
import { createReviewPdfPrinter } from '../../../../main/app/review-pdf';
import { ReviewExportRequest } from '../../../../preload/contract-review';
import { WindowDouble } from '../../../helpers/electron-double';

let dir: string;
let demo: DemoOrg;
const now = Date.parse('2026-11-24T10:00:00Z');
const period = { from: '2026-09-01', to: '2026-11-24' };

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'clade-review-'));
  demo = await openDemoOrg({ mirrorFile: join(dir, 'mirror.sqlite'), frozenAt: new Date(now) });
}, 120_000);
afterAll(async () => {
  await demo?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('readAccessReview on the demo org', () => {
  it('lists the admins with the since-dates of the People read model, and the period’s role change', () => {
    const review = readAccessReview(demo.db, { period, nowMs: now, posture: null });
    const people = readPeople(demo.db, now);
    const admins = people.members.filter((m) => isAdminRole(m.role));
    expect(admins.length).toBeGreaterThan(1);
    expect(review.admins.map((a) => [a.id, a.adminSince])).toEqual(admins.map((a) => [a.id, a.adminSince]));
    expect(review.members).toHaveLength(people.members.length);
    // The demo promotes one developer to admin between its two syncs: a since-date from the journal, in the changes.
    const promoted = review.admins.find((a) => a.adminSince?.source === 'journal');
    expect(promoted).toBeDefined();
    expect(review.changes.some((c) => c.type === 'user.changed' && c.summary.includes(promoted!.name))).toBe(true);
    expect(review.changes.every((c) => c.source === 'journal' || c.source === 'compliance')).toBe(true);
  });

  it('judges keys with the one key judgement, and lists the dormant ones', () => {
    const review = readAccessReview(demo.db, { period, nowMs: now, posture: null });
    const inventory = readJudgedKeyInventory(demo.db, now);
    expect(review.keys.map((k) => [k.id, k.verdicts, k.ageDays, k.lastUsedDayMs])).toEqual(
      inventory.map((k) => [k.id, k.verdicts, k.ageDays, k.lastUsedDayMs]),
    );
    expect(review.dormantKeys.length).toBeGreaterThan(0);
    expect(review.dormantKeys.map((k) => k.id)).toEqual(
      inventory.filter((k) => k.verdicts.includes('dormant')).map((k) => k.id),
    );
  });

  it('adds spend per month and workspace up to the cost report of each month', () => {
    const review = readAccessReview(demo.db, { period, nowMs: now, posture: null });
    const months = [
      ['2026-09', '2026-09-01', '2026-09-30'],
      ['2026-10', '2026-10-01', '2026-10-31'],
      ['2026-11', '2026-11-01', '2026-11-24'],
    ] as const;
    for (const [month, from, to] of months) {
      const report = queryReport(demo.db, { kind: 'cost', from, to, groupBy: 'workspace' });
      const expected = centsToNanocents(report.total!.amount_cents!);
      const got = review.spend
        .filter((row) => row.month === month)
        .reduce((sum, row) => sum + centsToNanocents(row.cents), 0n);
      expect(got).toBe(expected);
    }
    expect(review.spend.some((row) => row.month === '2026-11')).toBe(true);
  });

  it('refuses a bad or reversed period with a clear reason', () => {
    expect(() => resolveReviewPeriod({ from: '2026-02-30', to: '2026-03-01' })).toThrow(/--from: "2026-02-30"/);
    expect(() => resolveReviewPeriod({ from: '2026-03-02', to: '2026-03-01' })).toThrow(/ends .* before it starts/);
  });

  it('writes an export 0600 and records it in the audit trail', () => {
    const review = readAccessReview(demo.db, { period, nowMs: now, posture: null });
    const file = join(dir, 'review.csv');
    saveReviewExport(demo.db, { period, format: 'csv', file, content: renderAccessReview(review, 'csv') });
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(readFileSync(file, 'utf8')).toContain('\r\nadmin,');
    const events = searchAuditEvents(demo.db, 'type:export.created', { limit: 5, cursor: null }).events;
    expect(events[0]!.summary).toBe('Exported the access review for 2026-09-01 to 2026-11-24 as CSV to review.csv');
    expect(events[0]!.after).toMatchObject({ report: 'access-review', from: '2026-09-01', format: 'csv' });
  });
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
    // Without a hook of its own, the handler's report carries the posture checklist's evaluation (review-posture.ts).
    const posture = evaluatePostureFromMirror(demo.db, now);
    expect(readFileSync(html.file, 'utf8')).toContain(`Score: ${posture.score} / 100`);
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
