/**
 * The access review's renderers on a hand-made report with hostile org text: the HTML stays a strict, script-free,
 * self-contained document with every org text escaped; the CSV parses (csv-parse) with one header and defuses
 * formulas by the shared cell rule; the posture section says "not evaluated" without a posture and lists the
 * failing items with their evidence with one.
 */
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { lastQuarter, type AccessReview } from '../../../../main/core/review/access-review';
import { renderAccessReviewHtml } from '../../../../main/core/review/render-html';
import { REVIEW_CSV_COLUMNS, renderAccessReviewCsv } from '../../../../main/core/review/render-csv';

const T = Date.UTC(2026, 9, 1);
const HOSTILE = `<img src=x onerror=alert(1)>"'&\u202eevil`;

const admin = {
  id: 'user_1',
  name: HOSTILE,
  email: '=HYPERLINK("http://evil.example")@x.example',
  role: 'admin',
  addedAtMs: T,
  adminSince: { atMs: Date.UTC(2026, 10, 2), source: 'compliance' as const },
  workspaces: ['Production (workspace_admin)'],
};
const key = {
  id: 'apikey_1',
  name: '<script>alert(1)</script>',
  workspaceName: 'Production',
  status: 'active',
  creatorName: '+cmd|calc',
  createdAtMs: T,
  ageDays: 67,
  expiresAtMs: null,
  lastUsedDayMs: null,
  verdicts: ['dormant'],
  reason: 'Never used; created 67 days ago.',
};
const review: AccessReview = {
  orgName: 'Acme </title><script>x</script>',
  period: { from: '2026-10-01', to: '2026-12-31' },
  generatedAtMs: Date.UTC(2027, 0, 2),
  firstSyncAtMs: T,
  dormantDays: 30,
  members: [admin],
  changes: [{ atMs: T + 1000, source: 'journal', type: 'user.changed', actor: null, summary: `role of ${HOSTILE}` }],
  admins: [admin],
  keys: [key],
  dormantMembers: [],
  dormantKeys: [key],
  spend: [{ month: '2026-10', workspaceName: '@Production', cents: '123456.5' }],
  spendComplete: true,
  posture: null,
};

describe('renderAccessReviewHtml', () => {
  it('is one strict document: no script, no URL to load, a CSP that forbids loading anything, org text escaped', () => {
    const html = renderAccessReviewHtml(review);
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(html).toContain(`content="default-src 'none';`);
    expect(html).not.toMatch(/<(script|img|link|iframe|object|embed|base|form|svg)\b/i);
    // No tag carries an attribute that loads or links anything, and no CSS reaches out.
    expect(html).not.toMatch(/<[^>]*\s(src|href|action|srcset)=/i);
    expect(html).not.toMatch(/url\(|@import/i);
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;&quot;&#39;&amp;\\u202eevil');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('@media print');
    expect(html).toContain('<time datetime="2026-11-02">2026-11-02</time> (Compliance feed)');
    expect(html).toContain('$1,234.57');
    expect(html).toContain('Posture not evaluated');
  });

  it('shows the posture score and each failing item with its evidence when given', () => {
    const html = renderAccessReviewHtml({
      ...review,
      posture: { score: 62, failing: [{ title: 'Keys have an expiry', evidence: ['ci-prod', '<b>x</b>'] }] },
    });
    expect(html).toContain('Score: 62 / 100');
    expect(html).toContain('<strong>Keys have an expiry</strong>: ci-prod, &lt;b&gt;x&lt;/b&gt;');
    expect(html).not.toContain('Posture not evaluated');
  });
});

describe('renderAccessReviewCsv', () => {
  it('parses with one header, keeps every row the same width and defuses formulas', () => {
    const csv = renderAccessReviewCsv(review);
    const rows = parse(csv, { columns: true }) as Array<Record<string, string>>;
    expect(Object.keys(rows[0]!)).toEqual([...REVIEW_CSV_COLUMNS]);
    const adminRow = rows.find((r) => r.section === 'admin')!;
    expect(adminRow.name).toBe(HOSTILE);
    expect(adminRow.email).toBe(`'=HYPERLINK("http://evil.example")@x.example`);
    expect(adminRow.admin_since).toBe('2026-11-02');
    expect(adminRow.admin_since_source).toBe('compliance');
    expect(rows.find((r) => r.section === 'key')!.created_by).toBe(`'+cmd|calc`);
    expect(rows.find((r) => r.section === 'spend')).toMatchObject({
      month: '2026-10',
      workspace: `'@Production`,
      amount_usd: '1234.565',
    });
    expect(rows.find((r) => r.section === 'posture')!.detail).toBe('posture not evaluated');
  });
});

describe('lastQuarter', () => {
  it('is the last whole calendar quarter before the instant (UTC)', () => {
    expect(lastQuarter(Date.UTC(2026, 11, 7))).toEqual({ from: '2026-07-01', to: '2026-09-30' });
    expect(lastQuarter(Date.UTC(2027, 0, 1))).toEqual({ from: '2026-10-01', to: '2026-12-31' });
    expect(lastQuarter(Date.UTC(2026, 3, 1) - 1)).toEqual({ from: '2025-10-01', to: '2025-12-31' });
  });
});
