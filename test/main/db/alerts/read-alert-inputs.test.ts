import { describe, expect, it } from 'vitest';
import { defaultAlertRules, evaluateAlerts } from '../../../../main/core/alerts/index';
import { readAlertInputs, rulesForMirror } from '../../../../main/db/alerts/read-alert-inputs';
import { SyncStateRepo } from '../../../../main/db/repos/sync-state-repo';
import {
  apiKey,
  DAY_MS,
  invite,
  legacyKey,
  memoryMirror,
  seedCost,
  seedKeyUsage,
  spendLimit,
  syncSnapshot,
  user,
  workspace,
  type OrgSnapshot,
} from './seed-mirror';

const NOW = Date.parse('2026-11-23T10:00:00Z');
const PROD = workspace('wrkspc_prod', 'Production');
const DEFAULT_WS = workspace('wrkspc_default', 'Default Workspace');

const base: OrgSnapshot = {
  org: { id: 'org_acme', name: 'Acme' },
  users: [
    user('user_admin', 'admin', '2026-01-01T00:00:00Z', 'Ada Admin'),
    user('user_dev', 'developer', '2026-02-01T00:00:00Z'),
  ],
  invites: [
    invite('invite_new', 'pending', '2026-11-20T00:00:00Z', '2026-12-11T00:00:00Z'),
    invite('invite_gone', 'deleted', '2026-10-01T00:00:00Z', '2026-10-22T00:00:00Z'),
  ],
  workspaces: [PROD, DEFAULT_WS, workspace('wrkspc_old', 'Old', '2026-06-01T00:00:00Z')],
  defaultWorkspaceId: DEFAULT_WS.id,
  apiKeys: [
    apiKey('apikey_prod', 'prod-backend', PROD.id, { expires_at: '2026-11-30T00:00:00Z' }),
    apiKey('apikey_org', 'org-bound', null, { created_by: { id: 'sa_1', type: 'service_account' } }),
    legacyKey('apikey_legacy', 'legacy-default', null),
    apiKey('apikey_odd', 'odd-status', PROD.id, { status: 'suspended' }),
  ],
  spendLimits: [
    spendLimit('spl_org', '1500000', { type: 'organization' }),
    spendLimit('spl_prod', '200000.5', { type: 'workspace', workspace_id: PROD.id }),
    spendLimit('spl_user', '1000', { type: 'user', user_id: 'user_dev' }),
    spendLimit('spl_off', '1000', { type: 'organization' }, { is_enabled: false }),
    spendLimit('spl_daily', '1000', { type: 'organization' }, { period: 'daily' }),
    spendLimit('spl_null', null, { type: 'workspace', workspace_id: PROD.id }),
  ],
};

function seeded() {
  const db = memoryMirror();
  syncSnapshot(db, NOW - 3_600_000, base);
  return db;
}

describe('readAlertInputs', () => {
  it('reads the org, users, invites of known statuses and every workspace', () => {
    const inputs = readAlertInputs(seeded(), NOW, defaultAlertRules());
    expect(inputs.org).toEqual({ id: 'org_acme', name: 'Acme' });
    expect(inputs.users.map((u) => [u.id, u.role, u.name, u.addedAtMs])).toEqual([
      ['user_admin', 'admin', 'Ada Admin', Date.parse('2026-01-01T00:00:00Z')],
      ['user_dev', 'developer', 'User user_dev', Date.parse('2026-02-01T00:00:00Z')],
    ]);
    expect(inputs.invites.map((i) => [i.id, i.status, i.expiresAtMs])).toEqual([
      ['invite_gone', 'deleted', Date.parse('2026-10-22T00:00:00Z')],
      ['invite_new', 'pending', Date.parse('2026-12-11T00:00:00Z')],
    ]);
    expect(inputs.workspaces.map((w) => [w.id, w.name, w.archivedAtMs])).toEqual([
      ['wrkspc_default', 'Default Workspace', null],
      ['wrkspc_old', 'Old', Date.parse('2026-06-01T00:00:00Z')],
      ['wrkspc_prod', 'Production', null],
    ]);
  });

  it('reads both key shapes: scope workspace, org scope (null), legacy null = the default workspace; creators only when users', () => {
    const keys = readAlertInputs(seeded(), NOW, defaultAlertRules()).keys;
    const byId = new Map(keys.map((k) => [k.id, k]));
    expect(byId.get('apikey_prod')).toMatchObject({
      workspaceId: PROD.id,
      status: 'active',
      createdByUserId: 'user_admin',
      expiresAtMs: Date.parse('2026-11-30T00:00:00Z'),
    });
    expect(byId.get('apikey_org')).toMatchObject({ workspaceId: null, createdByUserId: null });
    expect(byId.get('apikey_legacy')).toMatchObject({ workspaceId: DEFAULT_WS.id });
    expect(byId.get('apikey_odd')?.status).toBe('inactive');
  });

  it("takes each key's last UTC day with usage from the daily usage report (zero-token days do not count)", () => {
    const db = seeded();
    seedKeyUsage(db, '2026-11-02', 'apikey_prod', PROD.id, 10);
    seedKeyUsage(db, '2026-11-20', 'apikey_prod', PROD.id, 5);
    seedKeyUsage(db, '2026-11-21', 'apikey_org', null, 0);
    const byId = new Map(readAlertInputs(db, NOW, defaultAlertRules()).keys.map((k) => [k.id, k.lastUsedDay]));
    expect(byId.get('apikey_prod')).toBe('2026-11-20');
    expect(byId.get('apikey_org')).toBeNull();
  });

  it('reads only enabled monthly USD limits of the org or a workspace, as decimal cents', () => {
    expect(readAlertInputs(seeded(), NOW, defaultAlertRules()).spendLimits).toEqual([
      { scope: 'organization', amountCents: '1500000', period: 'monthly' },
      { scope: 'workspace', workspaceId: PROD.id, amountCents: '200000.5', period: 'monthly' },
    ]);
  });

  it("sums cost per UTC day and workspace exactly, maps the report's null workspace onto the default one, and reads the month plus 35 days", () => {
    const db = seeded();
    seedCost(db, '2026-09-01', '2026-11-24', () => [
      { workspace_id: PROD.id, amount: '100.000000001', description: 'input' },
      { workspace_id: PROD.id, amount: '0.000000002', description: 'output' },
      { workspace_id: null, amount: '50' },
    ]);
    const cost = readAlertInputs(db, NOW, defaultAlertRules()).dailyCost;
    const days = [...new Set(cost.map((c) => c.day))];
    expect(days[0]).toBe('2026-10-19'); // today − 35 days
    expect(days[days.length - 1]).toBe('2026-11-23'); // nothing after the instant evaluated
    expect(cost.find((c) => c.day === '2026-11-23' && c.workspaceId === PROD.id)?.nanocents).toBe(100_000_000_003n);
    expect(cost.find((c) => c.day === '2026-11-23' && c.workspaceId === DEFAULT_WS.id)?.nanocents).toBe(
      50_000_000_000n,
    );
    expect(cost.some((c) => c.workspaceId === null)).toBe(false);
  });

  it('keeps the null workspace when the mirror knows no default workspace', () => {
    const db = memoryMirror();
    syncSnapshot(db, NOW, { ...base, defaultWorkspaceId: null });
    seedCost(db, '2026-11-22', '2026-11-22', () => [{ workspace_id: null, amount: '7' }]);
    expect(readAlertInputs(db, NOW, defaultAlertRules()).dailyCost).toEqual([
      { day: '2026-11-22', workspaceId: null, nanocents: 7_000_000_000n },
    ]);
  });

  it("turns journal diffs into the core's terms (resource.kind, entity key, before/after) for the recent window only", () => {
    const db = memoryMirror();
    syncSnapshot(db, NOW - 10 * DAY_MS, base);
    const promoted = { ...base, users: [base.users![0]!, user('user_dev', 'admin', '2026-02-01T00:00:00Z')] };
    syncSnapshot(db, NOW - 8 * DAY_MS, { ...promoted, apiKeys: [...base.apiKeys!.slice(1)] });
    syncSnapshot(db, NOW - 2 * DAY_MS, promoted);
    const journal = readAlertInputs(db, NOW, defaultAlertRules()).journal;
    // The promotion 8 days ago is outside the default 7-day window; the key's return 2 days ago is inside.
    expect(journal).toEqual([
      {
        atMs: NOW - 2 * DAY_MS,
        kind: 'api_keys.created',
        targetId: 'apikey_prod',
        before: null,
        after: expect.objectContaining({ id: 'apikey_prod', name: 'prod-backend', status: 'active' }),
      },
    ]);
    const rules = defaultAlertRules();
    rules.people.recentChangeDays = 9;
    const wider = readAlertInputs(db, NOW, rules).journal.filter((e) => e.kind === 'users.changed');
    expect(wider).toEqual([
      {
        atMs: NOW - 8 * DAY_MS,
        kind: 'users.changed',
        targetId: 'user_dev',
        before: { role: 'developer' },
        after: { role: 'admin' },
      },
    ]);
    // …which the core reads as a promotion to admin.
    const conditions = evaluateAlerts(readAlertInputs(db, NOW, rules), rules, NOW).filter(
      (c) => c.rule === 'new-privileged-member',
    );
    expect(conditions.map((c) => c.id)).toEqual(['privileged-member:user_dev:admin']);
  });

  it('reads workspace tags as the API lists them, so a key created in a workspace tagged (not named) production alerts', () => {
    const payments = { ...workspace('wrkspc_pay', 'Payments'), tags: { tier: 'critical', env: 'prod' } };
    const tagged = { ...base, workspaces: [...base.workspaces!, payments] };
    const db = memoryMirror();
    syncSnapshot(db, NOW - 3 * DAY_MS, tagged);
    // The same tags in another order are no change: nothing is journalled for the workspace.
    syncSnapshot(db, NOW - 2 * DAY_MS, {
      ...tagged,
      workspaces: [...base.workspaces!, { ...payments, tags: { env: 'prod', tier: 'critical' } }],
    });
    syncSnapshot(db, NOW - DAY_MS, {
      ...tagged,
      apiKeys: [
        ...base.apiKeys!,
        apiKey('apikey_pay', 'payments-worker', payments.id, { created_at: new Date(NOW - DAY_MS).toISOString() }),
      ],
    });
    const rules = defaultAlertRules();
    rules.production.matchNames = false;
    const inputs = readAlertInputs(db, NOW, rules);
    expect(inputs.workspaces.find((w) => w.id === payments.id)?.tags).toEqual({ env: 'prod', tier: 'critical' });
    expect(inputs.workspaces.find((w) => w.id === PROD.id)?.tags).toEqual({});
    expect(inputs.journal.filter((e) => e.kind.startsWith('workspaces.'))).toEqual([]);
    const conditions = evaluateAlerts(inputs, rules, NOW).filter((c) => c.rule === 'production-key-change');
    expect(conditions.map((c) => c.targetId)).toEqual(['apikey_pay']);
  });

  it('reports sync health: never synced, last successful run, credential rejected', () => {
    const empty = readAlertInputs(memoryMirror(), NOW, defaultAlertRules());
    const neverAsked = (resource: string) => ({ resource, status: null, lastCompleteAtMs: null, detail: null });
    expect(empty.sync).toEqual({
      lastSuccessAtMs: null,
      credentialInvalid: false,
      spendSources: ['usage_hourly', 'usage_daily', 'cost_daily'].map(neverAsked),
    });
    expect(empty.org.name).toBe('this profile');
    const db = seeded();
    syncSnapshot(db, NOW - 60_000, base, 'failed');
    expect(readAlertInputs(db, NOW, defaultAlertRules()).sync).toMatchObject({
      lastSuccessAtMs: NOW - 3_600_000,
      credentialInvalid: false,
    });
    new SyncStateRepo(db).markResource(
      'cost_daily',
      'error',
      NOW - 60_000,
      'server on GET /v1/organizations/cost_report: boom',
    );
    expect(readAlertInputs(db, NOW, defaultAlertRules()).sync.spendSources).toContainEqual({
      resource: 'cost_daily',
      status: 'error',
      lastCompleteAtMs: null,
      detail: 'server on GET /v1/organizations/cost_report: boom',
    });
    new SyncStateRepo(db).setCredential('invalid', NOW, '401');
    expect(readAlertInputs(db, NOW, defaultAlertRules()).sync.credentialInvalid).toBe(true);
  });

  it('applies settings written for the id-less default workspace to its real id when the mirror knows it', () => {
    const rules = defaultAlertRules();
    rules.budgets.workspaceMonthlyUsd = { default: '100' };
    rules.production.workspaceIds = ['default'];
    const db = seeded();
    const applied = rulesForMirror(db, rules);
    expect(applied.budgets.workspaceMonthlyUsd).toEqual({ default: '100', [DEFAULT_WS.id]: '100' });
    expect(applied.production.workspaceIds).toEqual(['default', DEFAULT_WS.id]);
    seedCost(db, '2026-11-01', '2026-11-23', () => [{ workspace_id: null, amount: '1000' }]); // $10/day
    const conditions = evaluateAlerts(readAlertInputs(db, NOW, applied), applied, NOW).filter(
      (c) => c.rule === 'spend-threshold',
    );
    expect(conditions.map((c) => c.id)).toContain(`spend:ws:${DEFAULT_WS.id}:2026-11:100`);
    // An explicit setting for the real id wins; a mirror without a default workspace leaves the rules alone.
    rules.budgets.workspaceMonthlyUsd[DEFAULT_WS.id] = '500';
    expect(rulesForMirror(db, rules).budgets.workspaceMonthlyUsd[DEFAULT_WS.id]).toBe('500');
    expect(rulesForMirror(memoryMirror(), rules)).toBe(rules);
  });
});
