/**
 * The access review as one printable HTML document: strict and self-contained (no script, no link, no image, no
 * font or URL of any kind; a CSP that forbids loading anything), print CSS (A4, table headers repeated on every
 * page, rows never split), and every org text HTML-escaped with its control and bidi characters made visible
 * (core/text/escape-controls.ts), so a key named `<img src=x onerror=…>` or `‮evil` reads as what it is.
 * The same document is printed to PDF by the app (Electron's printToPDF) and by the e2e test (Chromium's page.pdf).
 */
import { escapeControls } from '../text/escape-controls';
import { centsToNanocents, formatUsd } from '../money';
import { isoDay, type AccessReview, type ReviewChange, type ReviewKey, type ReviewMember } from './access-review';

/** Escapes text for an HTML element or a double-quoted attribute. */
export function escapeHtml(text: string): string {
  return escapeControls(text)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

const CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src 'none'; base-uri 'none'; form-action 'none'";

const STYLE = `
  :root { color-scheme: light; }
  body { font: 10.5pt/1.4 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
         color: #1a1a1a; background: #fff; margin: 2rem auto; max-width: 60rem; padding: 0 1rem; }
  h1 { font-size: 1.6rem; margin: 0 0 .25rem; }
  h2 { font-size: 1.15rem; margin: 1.8rem 0 .4rem; border-bottom: 1px solid #999; padding-bottom: .15rem; }
  p.meta, p.note { color: #444; margin: .2rem 0; }
  table { border-collapse: collapse; width: 100%; margin: .4rem 0 1rem; }
  th, td { text-align: left; vertical-align: top; padding: .25rem .4rem; border-bottom: 1px solid #ccc; }
  th { background: #eee; font-weight: 600; }
  td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
  .verdict { font-weight: 600; }
  time { white-space: nowrap; }
  .score { font-size: 1.3rem; font-weight: 700; }
  @page { size: A4; margin: 16mm 14mm; }
  @media print {
    body { margin: 0; max-width: none; padding: 0; font-size: 9.5pt; }
    thead { display: table-header-group; }
    tr, li { break-inside: avoid; }
    h2 { break-after: avoid; }
    section { break-inside: auto; }
  }
`;

const day = (ms: number | null): string => (ms === null ? '—' : `<time datetime="${isoDay(ms)}">${isoDay(ms)}</time>`);

function table(caption: string, headers: string[], rows: string[][], numeric: ReadonlySet<number> = new Set()): string {
  if (rows.length === 0) return `<p class="note">None.</p>`;
  const cls = (i: number): string => (numeric.has(i) ? ' class="num"' : '');
  const head = headers.map((h, i) => `<th scope="col"${cls(i)}>${escapeHtml(h)}</th>`).join('');
  const body = rows.map((row) => `<tr>${row.map((cell, i) => `<td${cls(i)}>${cell}</td>`).join('')}</tr>`).join('\n');
  return `<table><caption class="visually-hidden">${escapeHtml(caption)}</caption><thead><tr>${head}</tr></thead><tbody>\n${body}\n</tbody></table>`;
}

function adminSince(member: ReviewMember): string {
  const since = member.adminSince;
  if (since === null) return '—';
  if (since.source === 'before-first-sync') return `before ${day(since.atMs)}`;
  return `${day(since.atMs)} (${since.source === 'compliance' ? 'Compliance feed' : 'sync journal'})`;
}

function memberRows(members: ReviewMember[]): string[][] {
  return members.map((m) => [
    escapeHtml(m.name),
    escapeHtml(m.email),
    escapeHtml(m.role),
    day(m.addedAtMs),
    adminSince(m),
    escapeHtml(m.workspaces.join(', ') || '—'),
  ]);
}

function changeRows(changes: ReviewChange[]): string[][] {
  return changes.map((c) => [
    `<time datetime="${new Date(c.atMs).toISOString()}">${new Date(c.atMs).toISOString().replace('T', ' ').slice(0, 16)}</time>`,
    c.source === 'compliance' ? 'Compliance feed' : 'sync journal',
    escapeHtml(c.actor ?? '—'),
    escapeHtml(c.summary),
  ]);
}

function keyRows(keys: ReviewKey[]): string[][] {
  return keys.map((k) => [
    escapeHtml(k.workspaceName),
    escapeHtml(k.name),
    escapeHtml(k.status),
    escapeHtml(k.creatorName ?? '—'),
    String(k.ageDays),
    day(k.expiresAtMs),
    day(k.lastUsedDayMs),
    `<span class="verdict">${escapeHtml(k.verdicts.join(', '))}</span>`,
  ]);
}

function postureSection(review: AccessReview): string {
  const posture = review.posture;
  if (posture === null) return `<p class="note">Posture not evaluated for this report.</p>`;
  const items = posture.failing
    .map(
      (item) =>
        `<li><strong>${escapeHtml(item.title)}</strong>${
          item.evidence.length > 0 ? `: ${item.evidence.map(escapeHtml).join(', ')}` : ''
        }</li>`,
    )
    .join('\n');
  return `<p class="score">Score: ${escapeHtml(String(posture.score))} / 100</p>${
    posture.failing.length === 0 ? '<p class="note">No failing items.</p>' : `<ul>\n${items}\n</ul>`
  }`;
}

export function renderAccessReviewHtml(review: AccessReview): string {
  const period = `${review.period.from} to ${review.period.to}`;
  const title = `Access review — ${review.orgName} — ${period}`;
  const sortedKeys = [...review.keys].sort(
    (a, b) => a.workspaceName.localeCompare(b.workspaceName) || a.name.localeCompare(b.name),
  );
  const spendRows = review.spend.map((s) => [
    escapeHtml(s.month),
    escapeHtml(s.workspaceName),
    escapeHtml(formatUsd(centsToNanocents(s.cents))),
  ]);
  const sections = [
    `<header><h1>${escapeHtml(title)}</h1>
<p class="meta">Generated ${escapeHtml(new Date(review.generatedAtMs).toISOString().slice(0, 16).replace('T', ' '))} UTC by Clade Admin from its local mirror${
      review.firstSyncAtMs === null ? ' (never synced)' : `, first synced ${isoDay(review.firstSyncAtMs)}`
    }. Members and keys are as of the last sync; changes and spend cover the period (UTC days, inclusive).</p></header>`,
    `<section aria-labelledby="posture"><h2 id="posture">Posture</h2>${postureSection(review)}</section>`,
    `<section aria-labelledby="admins"><h2 id="admins">Admins (${review.admins.length})</h2>
<p class="note">Admin since: the role change the sync journal or the Compliance feed saw; "before" the first sync when none was seen.</p>
${table('Admins', ['Name', 'Email', 'Org role', 'Member since', 'Admin since', 'Workspaces'], memberRows(review.admins))}</section>`,
    `<section aria-labelledby="members"><h2 id="members">Members and org roles (${review.members.length})</h2>
${table('Members', ['Name', 'Email', 'Org role', 'Member since', 'Admin since', 'Workspaces'], memberRows(review.members))}</section>`,
    `<section aria-labelledby="changes"><h2 id="changes">Membership and role changes in the period (${review.changes.length})</h2>
${table('Changes', ['When (UTC)', 'Source', 'Actor', 'Change'], changeRows(review.changes))}</section>`,
    `<section aria-labelledby="keys"><h2 id="keys">API keys by workspace (${review.keys.length})</h2>
${table('API keys', ['Workspace', 'Key', 'Status', 'Created by', 'Age (days)', 'Expires', 'Last used', 'Verdicts'], keyRows(sortedKeys), new Set([4]))}</section>`,
    `<section aria-labelledby="dormant"><h2 id="dormant">Dormant members and keys</h2>
<p class="note">Dormant: no use the mirror can see in the last ${review.dormantDays} days (keys: no usage; members: no Claude Code activity and no use of a key they created).</p>
${table(
  'Dormant members',
  ['Name', 'Email', 'Org role', 'Last active'],
  review.dormantMembers.map((m) => [
    escapeHtml(m.name),
    escapeHtml(m.email),
    escapeHtml(m.role),
    day(m.lastActiveDayMs),
  ]),
)}
${table('Dormant keys', ['Workspace', 'Key', 'Status', 'Created by', 'Age (days)', 'Expires', 'Last used', 'Verdicts'], keyRows(review.dormantKeys), new Set([4]))}</section>`,
    `<section aria-labelledby="spend"><h2 id="spend">Spend by workspace and month</h2>
${review.spendComplete ? '' : '<p class="note">Incomplete: the local mirror does not hold the cost report for the whole period.</p>'}
${table('Spend', ['Month', 'Workspace', 'Billed (USD)'], spendRows, new Set([2]))}</section>`,
  ];
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${CSP}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>${STYLE}  .visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
</style>
</head>
<body>
<main>
${sections.join('\n')}
</main>
</body>
</html>
`;
}
