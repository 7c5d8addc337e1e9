/**
 * The access review's read model on the demo org (synced from the sandbox, on a frozen clock): each fact is the one
 * its own read model already answers (one truth): the admins and their since-dates are `users --role admin`'s
 * (people.ts), each key's verdicts are the judged inventory's (`keys`), the spend per month adds up to
 * `report cost --group-by workspace` over the same days. The role change the demo scripts shows among the
 * period's changes, and an export is written 0600 and recorded in the trail.
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
