/**
 * The app's own report reads in the Compliance feed (admin-api.md §5: `platform_cost_report_viewed` and
 * `platform_usage_report_messages_viewed` by an `admin_api_key_actor`): learnt as ours from our sync runs, folded
 * into one line a UTC day by search, for the CLI and the window alike; `self:show` lists each; exports keep all.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ComplianceFeedPort } from '../../../../main/core/audit/compliance-feed';
import type { ComplianceActivity } from '../../../../main/core/audit/normalise-compliance';
import { ingestComplianceFeed } from '../../../../main/db/audit/compliance-ingest';
import { searchAuditEvents, streamAuditExport, verifyAuditChain } from '../../../../main/db/audit/index';
import type { AuditSearchEvent } from '../../../../main/db/audit/search';
import { openMirror, type MirrorDb } from '../../../../main/db/open';
import { readProfileSetting } from '../../../../main/db/settings/profile-settings';
import { createHandlers } from '../../../../main/ipc/create-handlers';
import { dispatch } from '../../../../main/ipc/dispatch';
import { runBuiltCli } from '../../../helpers/built-cli';

const OURS = 'apikey_01OurSyncKey';
const BI_TOOL = 'apikey_01SomeoneElse';
const D1 = Date.parse('2026-12-01T00:00:00Z');
const D2 = Date.parse('2026-12-02T00:00:00Z');
const HOUR = 3_600_000;
/** Our sync runs: 30 s each, two on D1 and one on D2. */
const RUNS = [D1 + 10 * HOUR, D1 + 14 * HOUR, D2 + 9 * HOUR];

let n = 0;
function activity(atMs: number, type: string, actor: ComplianceActivity['actor'], extra = {}): ComplianceActivity {
  n += 1;
  return {
    id: `activity_${String(n).padStart(4, '0')}`,
    created_at: new Date(atMs).toISOString(),
    organization_id: 'org_1',
    organization_uuid: null,
    type,
    actor,
    ...extra,
  };
}
const adminKey = (id: string) => ({
  type: 'admin_api_key_actor',
  admin_api_key_id: id,
  ip_address: '198.51.100.7',
  user_agent: 'Anthropic/JS 1.17.0',
});
const person = {
  type: 'user_actor',
  email_address: 'ada@example.com',
  user_id: 'user_01Ada',
  ip_address: '203.0.113.5',
  user_agent: 'Mozilla/5.0',
};

/** Each run reads the cost report 3 times and the usage report twice, a few seconds apart. */
const ownReads = RUNS.flatMap((start) => [
  ...[1, 2, 3].map((s) => activity(start + s * 1000, 'platform_cost_report_viewed', adminKey(OURS))),
  ...[4, 5].map((s) => activity(start + s * 1000, 'platform_usage_report_messages_viewed', adminKey(OURS))),
]);
const others = [
  // Another admin key reading the cost report outside our syncs: not ours, stays a line of its own.
  activity(D1 + 12 * HOUR, 'platform_cost_report_viewed', adminKey(BI_TOOL)),
  // A person reading it during one of our syncs: a person, never folded.
  activity(RUNS[0]! + 2500, 'platform_cost_report_viewed', person),
  // Our key changing something is a change, not a read.
  activity(RUNS[0]! + 10_000, 'platform_api_key_updated', adminKey(OURS), {
    api_key_id: 'apikey_01Deploy',
    updates: { status: 'inactive' },
  }),
  activity(D1 + 11 * HOUR, 'platform_api_key_created', person, { api_key_id: 'apikey_01New' }),
];

const feed: ComplianceFeedPort = {
  requestCount: () => 1,
  async page() {
    const activities = [...ownReads, ...others].sort(
      (a, b) => Date.parse(b.created_at) - Date.parse(a.created_at) || (a.id < b.id ? 1 : -1),
    );
    return { activities, hasMore: false, firstId: activities[0]!.id, lastId: activities.at(-1)!.id, requestId: null };
  },
};

let root: string;
let db: MirrorDb;
const search = (q: string, limit = 100) => searchAuditEvents(db, q, { limit }).events;
const folds = (events: AuditSearchEvent[]) => events.filter((e) => e.folded);

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'own-reads-'));
  mkdirSync(join(root, 'profiles', 'acme'), { recursive: true });
  db = openMirror(join(root, 'profiles', 'acme', 'mirror.sqlite'));
  const run = db.prepare(`INSERT INTO sync_runs (started_at_ms, finished_at_ms, full, status) VALUES (?, ?, 0, 'ok')`);
  for (const start of RUNS) run.run(start, start + 30_000);
  const now = D2 + 12 * HOUR;
  expect(await ingestComplianceFeed(db, feed, { now: () => now })).toMatchObject({ outcome: 'ingested', appended: 19 });
});
afterAll(() => {
  db?.close();
  rmSync(root, { recursive: true, force: true });
});

describe('our own report reads', () => {
  it('are told apart by the admin key whose reads fall inside our sync runs', () => {
    expect(readProfileSetting(db, 'audit.ownAdminKeyIds')).toEqual([OURS]);
  });

  it('fold into one line a UTC day, standing at the day’s newest read, and leave every other event alone', () => {
    const events = search('');
    expect(events).toHaveLength(others.length + 2);
    expect(folds(events).map((e) => e.folded)).toEqual([
      {
        day: '2026-12-02',
        count: 5,
        byType: { platform_cost_report_viewed: 3, platform_usage_report_messages_viewed: 2 },
      },
      {
        day: '2026-12-01',
        count: 10,
        byType: { platform_cost_report_viewed: 6, platform_usage_report_messages_viewed: 4 },
      },
    ]);
    const d1 = folds(events)[1]!;
    expect(d1.atMs).toBe(RUNS[1]! + 5000);
    expect(d1.summary).toBe(
      `This app’s syncs read the cost report 6 times and the usage report 4 times on 2026-12-01 (admin key ${OURS}); ` +
        'folded into one line, search with self:show to list each',
    );
    const unfolded = events.filter((e) => !e.folded).map((e) => e.externalId);
    expect(unfolded.sort()).toEqual(others.map((a) => a.id).sort());
  });

  it('fold the same across pages', () => {
    const paged: AuditSearchEvent[] = [];
    let cursor: string | null = null;
    do {
      const page = searchAuditEvents(db, '', { limit: 2, cursor });
      paged.push(...page.events);
      cursor = page.nextCursor;
    } while (cursor);
    expect(paged).toEqual(search(''));
  });

  it('count what the query selects, on either of search’s plans for text', () => {
    expect(folds(search('type:platform_cost_report_viewed')).map((e) => e.folded?.count)).toEqual([3, 6]);
    const listed = search('cost');
    expect(folds(listed).map((e) => e.folded?.count)).toEqual([3, 6]);
    // A text matching more than `inListMax` events is searched by walking the trail in batches instead.
    const walked = searchAuditEvents(db, 'cost', { limit: 100 }, { inListMax: 1, batch: 3 }).events;
    expect(walked).toEqual(listed);
  });

  it('are listed one by one with self:show', () => {
    const events = search('self:show');
    expect(folds(events)).toEqual([]);
    expect(events).toHaveLength(ownReads.length + others.length);
  });

  it('stay whole in exports and in the chain', async () => {
    const out = new PassThrough();
    let text = '';
    out.on('data', (chunk: Buffer) => (text += chunk.toString()));
    const { count } = await streamAuditExport(db, { query: '', format: 'jsonl' }, out);
    expect(count).toBe(ownReads.length + others.length);
    expect(text).not.toContain('folded into one line');
    expect(verifyAuditChain(db, { headPath: null }).ok).toBe(true);
  });

  it('read the same in the window (IPC) and the CLI', async () => {
    // The window's door: the IPC dispatcher with the contract's schemas, as the gateway calls it.
    const handlers = createHandlers({
      appInfo: () => ({ name: 'x', version: '0', mode: 'live' }),
      mirror: () => db,
      now: () => D2,
      vault: {
        status: async () => ({ present: true, orgName: 'x', verifiedAt: null }),
        connect: async () => ({ present: true, orgName: 'x', verifiedAt: null }),
        clear: async () => ({ present: false, orgName: null, verifiedAt: null }),
      },
      onKeyChanged: async () => undefined,
    });
    const answer = await dispatch(handlers, 'clade:audit/search', { query: '' }, 'ipc', () => undefined);
    if (!answer.ok) throw new Error(answer.error.message);
    const window = answer.value as { events: AuditSearchEvent[] };
    const cli = await runBuiltCli(['--data-dir', root, '--profile', 'acme', '--json', 'audit', 'search', '']);
    expect(cli.code, cli.stderr).toBe(0);
    const fromCli = (JSON.parse(cli.stdout) as { events: AuditSearchEvent[] }).events;
    const lines = (events: Array<{ id: number; summary: string; folded?: unknown }>) =>
      events.map((e) => [e.id, e.summary, e.folded ?? null]);
    expect(lines(window.events)).toEqual(lines(search('')));
    expect(lines(fromCli)).toEqual(lines(search('')));
    expect(folds(fromCli)).toHaveLength(2);
  });
});
