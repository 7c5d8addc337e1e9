/**
 * ingestComplianceFeed over a scripted feed (documented paging: newest first, after_id towards older,
 * created_at.gte): late activities inside the overlap, refusals and their 24-hour memory, a 401 told apart from a
 * feed that refuses the key, and the summary rules of the sync engine.
 */
import Database from 'better-sqlite3';
import { beforeEach, describe, expect, it } from 'vitest';
import { AdminApiError } from '../../../../main/core/api-error';
import type {
  ComplianceFeedPage,
  ComplianceFeedPort,
  ComplianceFeedQuery,
} from '../../../../main/core/audit/compliance-feed';
import { COMPLIANCE_OVERLAP_MS, parseComplianceMark } from '../../../../main/core/audit/compliance-feed';
import { withComplianceIngest } from '../../../../main/core/audit/compliance-summary';
import type { ComplianceActivity } from '../../../../main/core/audit/normalise-compliance';
import type { SyncSummary } from '../../../../main/core/sync/summary';
import { ingestComplianceFeed } from '../../../../main/db/audit/compliance-ingest';
import { readIngestMark } from '../../../../main/db/audit/ingest-marks';
import { verifyAuditChain } from '../../../../main/db/audit/verify';
import { migrate } from '../../../../main/db/migrate';
import { MIGRATIONS } from '../../../../main/db/migrations/index';
import { readProfileSetting } from '../../../../main/db/settings/profile-settings';

const T0 = Date.parse('2026-11-20T12:00:00Z');
const HOUR = 3_600_000;

function act(n: number, atMs: number): ComplianceActivity {
  return {
    id: `activity_${String(n).padStart(4, '0')}`,
    created_at: new Date(atMs).toISOString(),
    type: 'platform_api_key_created',
    organization_id: 'org_c',
    organization_uuid: null,
    actor: {
      type: 'user_actor',
      email_address: `u${n}@example.com`,
      user_id: `user_${n}`,
      ip_address: '203.0.113.1',
      user_agent: 'x',
    },
    api_key_id: `apikey_${n}`,
  };
}

/** The feed as documented: newest first (ties by id), after_id = older than, created_at.gte filter. */
class ScriptedFeed implements ComplianceFeedPort {
  items: ComplianceActivity[] = [];
  queries: ComplianceFeedQuery[] = [];
  fail: ((query: ComplianceFeedQuery, n: number) => AdminApiError | null) | null = null;
  requestCount(): number {
    return this.queries.length;
  }
  async page(query: ComplianceFeedQuery): Promise<ComplianceFeedPage> {
    this.queries.push(query);
    const error = this.fail?.(query, this.queries.length);
    if (error) throw error;
    const key = (a: ComplianceActivity): [number, string] => [-Date.parse(a.created_at), a.id];
    const sorted = [...this.items].sort((a, b) => key(a)[0] - key(b)[0] || (key(a)[1] < key(b)[1] ? -1 : 1));
    let rest = sorted.filter(
      (a) => query.createdAtGteMs === undefined || Date.parse(a.created_at) >= query.createdAtGteMs,
    );
    if (query.afterId !== undefined) {
      const cursor = this.items.find((a) => a.id === query.afterId)!;
      rest = rest.filter((a) => key(a)[0] > key(cursor)[0] || (key(a)[0] === key(cursor)[0] && a.id > cursor.id));
    }
    const data = rest.slice(0, query.limit);
    return {
      activities: data,
      hasMore: rest.length > query.limit,
      firstId: data[0]?.id ?? null,
      lastId: data.at(-1)?.id ?? null,
      requestId: null,
    };
  }
}

const apiError = (kind: AdminApiError['kind'], status: number, message = 'no', code: string | null = null) =>
  new AdminApiError(kind, message, 'GET /v1/compliance/activities', status, 'req_1', code);

let db: Database.Database;
let feed: ScriptedFeed;
let now: number;
const ingest = (extra: Partial<Parameters<typeof ingestComplianceFeed>[2]> = {}) =>
  ingestComplianceFeed(db, feed, { now: () => now, pageLimit: 3, ...extra });
const storedIds = () =>
  db.prepare(`SELECT external_id FROM audit_events WHERE source = 'compliance' ORDER BY external_id`).pluck().all();

beforeEach(() => {
  db = new Database(':memory:');
  migrate(db, MIGRATIONS);
  feed = new ScriptedFeed();
  now = T0;
});

describe('compliance ingest', () => {
  it('walks the whole feed first, then only the recent end, and picks up a late activity inside the overlap', async () => {
    feed.items = Array.from({ length: 8 }, (_, i) => act(i + 1, T0 - (10 - i) * HOUR));
    expect(await ingest()).toMatchObject({ outcome: 'ingested', pages: 3, appended: 8 });
    expect(feed.queries.every((q) => q.createdAtGteMs === undefined)).toBe(true);
    const newest = T0 - 3 * HOUR;
    expect(parseComplianceMark(readIngestMark(db, 'compliance'))).toEqual({ newestAtMs: newest, walk: null });

    // A new activity, and a late one dated before the newest held (inside the overlap).
    feed.items.push(act(9, T0), act(10, newest - 10 * 60_000));
    feed.queries = [];
    now += HOUR;
    expect(await ingest()).toMatchObject({ outcome: 'ingested', appended: 2 });
    expect(feed.queries[0]).toEqual({ createdAtGteMs: newest - COMPLIANCE_OVERLAP_MS, limit: 3 });
    expect(storedIds()).toHaveLength(10);
    expect(verifyAuditChain(db, { headPath: null }).ok).toBe(true);
  });

  it('a failure mid-walk keeps the stored pages and the walk position; the next ingest resumes, then reads the top', async () => {
    feed.items = Array.from({ length: 8 }, (_, i) => act(i + 1, T0 - (10 - i) * HOUR));
    feed.fail = (_q, n) => (n === 2 ? apiError('server', 500) : null);
    const first = await ingest();
    expect(first).toMatchObject({ outcome: 'error', pages: 1, appended: 3 });
    expect(parseComplianceMark(readIngestMark(db, 'compliance')).walk).toMatchObject({
      sinceMs: null,
      cursor: 'activity_0006',
    });
    expect(readProfileSetting(db, 'compliance.probe')).toMatchObject({ status: 'available' });
    feed.fail = null;
    feed.queries = [];
    feed.items.push(act(9, T0 + 60_000));
    expect(await ingest()).toMatchObject({ outcome: 'ingested', appended: 6 });
    expect(feed.queries[0]).toMatchObject({ afterId: 'activity_0006' });
    expect(storedIds()).toHaveLength(9);
  });

  it("a crash between a page's events and its mark (both in one transaction) leaves neither; the next ingest stores each once", async () => {
    feed.items = Array.from({ length: 8 }, (_, i) => act(i + 1, T0 - (10 - i) * HOUR));
    // The second page's mark write fails, as a process dying mid-commit would leave it: rolled back with its events.
    db.exec(`CREATE TEMP TRIGGER crash_on_second_mark BEFORE UPDATE ON audit_ingest_marks
             BEGIN SELECT RAISE(ABORT, 'simulated crash'); END`);
    await expect(ingest()).rejects.toThrow(/simulated crash/);
    expect(storedIds()).toEqual(['activity_0006', 'activity_0007', 'activity_0008']);
    db.exec('DROP TRIGGER crash_on_second_mark');
    expect(await ingest()).toMatchObject({ outcome: 'ingested', appended: 5 });
    expect(storedIds()).toHaveLength(8);
    expect(verifyAuditChain(db, { headPath: null }).ok).toBe(true);
  });

  it('a fault of ours in reading a page is an error outcome, not a failed sync', async () => {
    feed.items = [act(1, T0)];
    feed.page = async () => {
      throw new TypeError('cannot read properties of undefined');
    };
    expect(await ingest()).toMatchObject({ outcome: 'error', detail: expect.stringMatching(/cannot read properties/) });
  });

  it('a refusal (403, 404, 400 "not enabled") is remembered; no request for 6 h (unless the sync is full), then one', async () => {
    for (const error of [
      apiError('forbidden', 403),
      apiError('not_found', 404),
      apiError('bad_request', 400, 'Compliance API is not enabled for this organization'),
    ]) {
      db = new Database(':memory:');
      migrate(db, MIGRATIONS);
      feed = new ScriptedFeed();
      feed.fail = () => error;
      expect(await ingest()).toMatchObject({ outcome: 'refused' });
      expect(readProfileSetting(db, 'compliance.probe')).toMatchObject({ status: 'refused', checkedAtMs: now });
    }
    now += 5 * HOUR;
    expect(await ingest()).toMatchObject({ outcome: 'skipped', requests: 0 });
    expect(feed.queries).toHaveLength(1);
    expect(await ingest({ full: true })).toMatchObject({ outcome: 'refused', requests: 1 });
    now += 6 * HOUR;
    feed.fail = null;
    expect(await ingest()).toMatchObject({ outcome: 'ingested' });
    expect(readProfileSetting(db, 'compliance.probe')).toMatchObject({ status: 'available' });
  });

  it('a 401 is the key refused only when /me refuses it too; otherwise the feed refused this key', async () => {
    feed.fail = () => apiError('unauthorized', 401);
    expect(await ingest({ verifyKey: async () => undefined })).toMatchObject({ outcome: 'refused' });
    db.prepare('DELETE FROM profile_settings').run();
    const refusedKey = await ingest({ verifyKey: async () => Promise.reject(apiError('unauthorized', 401)) });
    expect(refusedKey).toMatchObject({ outcome: 'credential_invalid' });
    expect(readProfileSetting(db, 'compliance.probe')).toBeNull();
    expect(await ingest({ verifyKey: async () => Promise.reject(apiError('network', 0)) })).toMatchObject({
      outcome: 'error',
    });
    expect(await ingest()).toMatchObject({ outcome: 'credential_invalid' });
  });
});

describe('the feed in the sync summary', () => {
  const base: SyncSummary = {
    status: 'ok',
    requests: 10,
    rows: 5,
    events: 1,
    durationMs: 1,
    startedAtMs: T0,
    resources: [],
    problems: [],
    detail: null,
  };
  const outcome = (o: 'ingested' | 'refused' | 'skipped' | 'error' | 'credential_invalid') => ({
    outcome: o,
    pages: 1,
    appended: 2,
    requests: 1,
    detail: null,
    error:
      o === 'ingested' || o === 'skipped'
        ? null
        : apiError(o === 'refused' ? 'forbidden' : o === 'error' ? 'server' : 'unauthorized', 500),
  });

  it('refused is "unavailable" and leaves the sync ok; an error makes it partial; a confirmed 401 fails it', () => {
    expect(withComplianceIngest(base, outcome('refused'))).toMatchObject({
      status: 'ok',
      problems: [],
      resources: [{ resource: 'compliance_activities', status: 'unavailable' }],
    });
    expect(withComplianceIngest(base, outcome('ingested'))).toMatchObject({ status: 'ok', requests: 11, events: 3 });
    expect(withComplianceIngest(base, outcome('error'))).toMatchObject({
      status: 'partial',
      problems: [{ resource: 'compliance_activities' }],
    });
    expect(withComplianceIngest(base, outcome('credential_invalid'))).toMatchObject({
      status: 'credential_invalid',
      detail: expect.stringMatching(/refused/),
    });
    expect(withComplianceIngest(base, outcome('skipped'))).toMatchObject({
      status: 'ok',
      resources: [{ status: 'skipped' }],
    });
  });
});
