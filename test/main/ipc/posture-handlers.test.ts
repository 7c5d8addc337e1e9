/**
 * `clade:posture/*` through the real dispatcher on the demo org: the report is the service's (the CLI's) report, the
 * day's score is recorded, the budget fix writes the alert rules' budget (recorded as a settings change) and makes its
 * item pass, a bad amount is refused with the rules' own message, and the review mark lands in the trail.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { openDemoOrg, type DemoOrg } from '../../../main/services/demo/demo-org';
import { createHandlers } from '../../../main/ipc/create-handlers';
import { dispatch } from '../../../main/ipc/dispatch';
import { evaluatePostureFromMirror } from '../../../main/services/posture/evaluate-posture';
import { loadAlertRules } from '../../../main/db/alerts/index';
import { searchAuditEvents } from '../../../main/db/audit/index';
import { PostureViewDto, type PostureView } from '../../../preload/contract';
import { sampleInfo, unusedVault } from './fixtures';

let dir: string;
let demo: DemoOrg;
const nowMs = Date.parse('2026-11-24T10:00:00Z');

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'clade-posture-ipc-'));
  demo = await openDemoOrg({ mirrorFile: join(dir, 'mirror.sqlite'), frozenAt: new Date(nowMs) });
}, 120_000);
afterAll(async () => {
  await demo?.close();
  rmSync(dir, { recursive: true, force: true });
});

function call(channel: string, request?: unknown, mirror: () => DemoOrg['db'] | null = () => demo.db) {
  const handlers = createHandlers({
    appInfo: () => sampleInfo,
    mirror,
    now: () => nowMs,
    timeZone: () => 'UTC',
    vault: unusedVault,
    onKeyChanged: async () => undefined,
  });
  return dispatch(handlers, channel, request, 'ipc', vi.fn()) as Promise<
    { ok: true; value: PostureView | null } | { ok: false; error: { code: string; message: string } }
  >;
}

async function view(channel: string, request?: unknown): Promise<PostureView> {
  const result = await call(channel, request);
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return PostureViewDto.parse(result.value);
}

describe('posture channels', () => {
  it('answers the same report as the service the CLI calls, and records the day score', async () => {
    const got = await view('clade:posture/report');
    expect(got.report).toEqual(evaluatePostureFromMirror(demo.db, nowMs));
    expect(got.trend).toEqual([expect.objectContaining({ day: '2026-11-24', score: got.report.score })]);
    expect((await call('clade:posture/report', undefined, () => null)).ok).toBe(true);
  });

  it('sets a budget for a production workspace through the alert rules, and refuses a bad amount', async () => {
    const production = demo.db.prepare(`SELECT id FROM workspaces WHERE name = 'Production'`).get() as { id: string };
    const got = await view('clade:posture/set-budget', { workspaceId: production.id, usd: '2500' });
    expect(loadAlertRules(demo.db, 'UTC').budgets.workspaceMonthlyUsd[production.id]).toBe('2500');
    expect(got.report.items.find((i) => i.id === 'spend-thresholds')!.status).toBe('pass');
    const changed = searchAuditEvents(demo.db, 'type:settings.changed', { limit: 1 }).events[0]!;
    expect(changed.summary).toBe(`Changed setting budgets.workspaceMonthlyUsd.${production.id}`);

    const refused = await call('clade:posture/set-budget', { workspaceId: production.id, usd: '-5' });
    expect(refused.ok).toBe(false);
    expect(!refused.ok && refused.error.code).toBe('bad-request');
  });

  it('marks the audit trail reviewed: recorded, and the item passes', async () => {
    const got = await view('clade:posture/mark-reviewed', { note: 'quarterly' });
    expect(got.report.items.find((i) => i.id === 'audit-reviewed')!.status).toBe('pass');
    const event = searchAuditEvents(demo.db, 'type:audit.reviewed', { limit: 1 }).events[0]!;
    expect(event.source).toBe('local');
    expect(event.summary).toMatch(/^Marked the audit trail reviewed \(\d+ events\): quarterly$/);
    expect(event.after).toMatchObject({ via: 'window', note: 'quarterly' });
  });
});
