/**
 * Table tests for every checklist item: from a clean org where everything passes, one change at a time makes an item
 * fail (with the offending thing named, by id, and its fix) or not apply. The thresholds are the alert rules' own
 * (`keys.rotationDays`, `keys.dormantDays`, `people.pendingInviteDays`, `production.pattern`, budgets) and the
 * checklist's settings (`posture.*`) only where no rule has one.
 */
import { describe, expect, it } from 'vitest';
import {
  defaultAlertRules,
  type AlertApiKey,
  type AlertRules,
  type AlertWorkspace,
} from '../../../../main/core/alerts/index';
import {
  defaultPostureSettings,
  evaluatePosture,
  postureExitCode,
  type PostureEvidence,
  type PostureInputs,
  type PostureItem,
  type PostureItemId,
  type PostureSettings,
  type PostureStatus,
} from '../../../../main/core/posture/index';

const DAY = 86_400_000;
const T = Date.UTC(2026, 10, 24, 10);
const D = (offset: number) => new Date(T + offset * DAY).toISOString().slice(0, 10);

function key(over: Partial<AlertApiKey> = {}): AlertApiKey {
  return {
    id: 'apikey_01PRODAPI',
    name: 'acme-prod-api',
    status: 'active',
    workspaceId: 'wrkspc_PROD',
    createdAtMs: T - 10 * DAY,
    expiresAtMs: T + 80 * DAY,
    createdByUserId: 'user_ADA',
    lastUsedDay: D(-1),
    ...over,
  };
}

interface World {
  inputs: PostureInputs;
  rules: AlertRules;
  settings: PostureSettings;
}

/** An org that follows the whole checklist. */
function clean(): World {
  const rules = defaultAlertRules('UTC');
  rules.budgets.workspaceMonthlyUsd = { wrkspc_PROD: '1000' };
  return {
    rules,
    settings: defaultPostureSettings(),
    inputs: {
      alert: {
        org: { id: 'org_1', name: 'Acme Corp' },
        workspaces: [
          { id: 'wrkspc_DEF', name: 'Default Workspace', tags: {}, archivedAtMs: null },
          { id: 'wrkspc_PROD', name: 'Production', tags: {}, archivedAtMs: null },
          { id: 'wrkspc_STG', name: 'Staging', tags: {}, archivedAtMs: null },
          { id: 'wrkspc_DEV', name: 'Dev sandbox', tags: {}, archivedAtMs: null },
        ],
        keys: [key(), key({ id: 'apikey_01DEVCI', name: 'acme-dev-ci', workspaceId: 'wrkspc_DEV' })],
        users: [
          { id: 'user_ADA', name: 'Ada Lovelace', email: 'ada@acme.example', role: 'admin', addedAtMs: T - 400 * DAY },
          { id: 'user_BOB', name: 'Bob Byte', email: 'bob@acme.example', role: 'developer', addedAtMs: T - 90 * DAY },
        ],
        invites: [
          {
            id: 'invite_NEW',
            email: 'new@acme.example',
            role: 'developer',
            status: 'pending',
            invitedAtMs: T - 2 * DAY,
            expiresAtMs: T + 19 * DAY,
          },
        ],
        dailyCost: [
          { day: D(-3), workspaceId: 'wrkspc_PROD', nanocents: 5_000n * 100_000_000_000n },
          { day: D(-40), workspaceId: 'wrkspc_PROD', nanocents: 9_000n * 100_000_000_000n },
        ],
        spendLimits: [],
        journal: [],
        sync: { lastSuccessAtMs: T - 3_600_000, credentialInvalid: false },
      },
      defaultWorkspaceId: 'wrkspc_DEF',
      defaultWorkspaceKeyIds: [],
      auditReviewedAtMs: T - 10 * DAY,
      complianceProbe: { status: 'available', checkedAtMs: T - DAY },
    },
  };
}

function run(world: World): PostureItem[] {
  return evaluatePosture(world.inputs, world.rules, world.settings, T).items;
}

interface Case {
  name: string;
  change: (world: World) => void;
  item: PostureItemId;
  status: PostureStatus;
  /** Each expected evidence entry (a subset of its fields, `detail` as a pattern). */
  evidence?: Array<Partial<Omit<PostureEvidence, 'detail' | 'fix'>> & { detail?: RegExp; fix?: RegExp }>;
}

const addKey = (world: World, over: Partial<AlertApiKey>) => {
  world.inputs.alert.keys = [...world.inputs.alert.keys, key(over)];
};

const replaceWorkspace = (world: World, workspace: AlertWorkspace) => {
  world.inputs.alert.workspaces = world.inputs.alert.workspaces.map((ws) => (ws.id === workspace.id ? workspace : ws));
};

const CASES: Case[] = [
  // environments separated
  {
    name: 'no staging workspace',
    change: (w) => (w.inputs.alert.workspaces = w.inputs.alert.workspaces.filter((ws) => ws.id !== 'wrkspc_STG')),
    item: 'environments-separated',
    status: 'fail',
    evidence: [
      {
        kind: 'setting',
        id: 'posture.environments',
        name: 'staging',
        detail: /No workspace is named or tagged as staging/,
      },
    ],
  },
  {
    name: 'production found by its tag, not its name',
    change: (w) => {
      replaceWorkspace(w, { id: 'wrkspc_PROD', name: 'Live', tags: { env: 'prod' }, archivedAtMs: null });
    },
    item: 'environments-separated',
    status: 'pass',
  },
  {
    name: 'a workspace named for two environments',
    change: (w) => replaceWorkspace(w, { id: 'wrkspc_STG', name: 'Staging prod', tags: {}, archivedAtMs: null }),
    item: 'environments-separated',
    status: 'fail',
    evidence: [
      {
        kind: 'workspace',
        id: 'wrkspc_STG',
        name: 'Staging prod',
        detail: /more than one environment \(production, staging\)/,
      },
    ],
  },
  {
    name: 'declared not applicable',
    change: (w) => (w.settings.notApplicable = ['environments-separated']),
    item: 'environments-separated',
    status: 'not_applicable',
    evidence: [{ detail: /posture\.notApplicable/ }],
  },
  // default workspace keys
  {
    name: 'an active key in the Default Workspace',
    change: (w) => {
      addKey(w, { id: 'apikey_01DEF', name: 'acme-default-bot', workspaceId: 'wrkspc_DEF' });
      w.inputs.defaultWorkspaceKeyIds = ['apikey_01DEF'];
    },
    item: 'no-default-workspace-keys',
    status: 'fail',
    evidence: [
      {
        kind: 'api_key',
        id: 'apikey_01DEF',
        name: 'acme-default-bot',
        detail: /^In Default Workspace: /,
        fix: /apikey disable apikey_01DEF$/,
      },
    ],
  },
  {
    name: 'an inactive key in the Default Workspace',
    change: (w) => {
      addKey(w, { id: 'apikey_01DEF', workspaceId: 'wrkspc_DEF', status: 'inactive' });
      w.inputs.defaultWorkspaceKeyIds = ['apikey_01DEF'];
    },
    item: 'no-default-workspace-keys',
    status: 'pass',
  },
  {
    name: 'no active keys at all',
    change: (w) => (w.inputs.alert.keys = w.inputs.alert.keys.map((k) => ({ ...k, status: 'archived' }))),
    item: 'no-default-workspace-keys',
    status: 'not_applicable',
  },
  // naming
  {
    name: 'a name off the template, with a conforming suggestion from the workspace',
    change: (w) =>
      addKey(w, { id: 'apikey_01ASDF', name: 'asdf', workspaceId: 'wrkspc_STG', expiresAtMs: T + DAY * 30 }),
    item: 'key-naming',
    status: 'fail',
    evidence: [
      {
        kind: 'api_key',
        id: 'apikey_01ASDF',
        name: 'asdf',
        detail: /does not follow \{team\}-\{env\}-\{purpose\}\. Suggested: acme-staging-asdf$/,
        fix: /^clade-admin apikey rename apikey_01ASDF acme-staging-asdf$/,
      },
    ],
  },
  {
    name: 'a name stating another environment than its workspace',
    change: (w) => addKey(w, { id: 'apikey_01WRONG', name: 'acme-dev-indexer', workspaceId: 'wrkspc_PROD' }),
    item: 'key-naming',
    status: 'fail',
    evidence: [{ id: 'apikey_01WRONG', detail: /environment “dev”.*must be “prod”\. Suggested: acme-prod-indexer$/ }],
  },
  {
    name: 'a team workspace gives the team; quotes and spaces become words',
    change: (w) => {
      w.inputs.alert.workspaces = [
        ...w.inputs.alert.workspaces,
        { id: 'wrkspc_SRCH', name: 'Search Production', tags: {}, archivedAtMs: null },
      ];
      addKey(w, { id: 'apikey_01LAP', name: "Dmitri's Laptop", workspaceId: 'wrkspc_SRCH' });
    },
    item: 'key-naming',
    status: 'fail',
    evidence: [{ id: 'apikey_01LAP', detail: /Suggested: search-prod-dmitris-laptop$/ }],
  },
  {
    name: 'two keys wanting the same name get distinct suggestions',
    change: (w) => {
      addKey(w, { id: 'apikey_01A', name: 'bot', workspaceId: 'wrkspc_STG' });
      addKey(w, { id: 'apikey_01B', name: 'Bot', workspaceId: 'wrkspc_STG' });
    },
    item: 'key-naming',
    status: 'fail',
    evidence: [
      { id: 'apikey_01A', detail: /Suggested: acme-staging-bot$/ },
      { id: 'apikey_01B', detail: /Suggested: acme-staging-bot-2$/ },
    ],
  },
  {
    name: 'a custom template',
    change: (w) => {
      w.settings.keyNameTemplate = '{env}_{purpose}';
      w.inputs.alert.keys = [key({ name: 'prod_api' })];
    },
    item: 'key-naming',
    status: 'pass',
  },
  {
    name: 'an invalid template',
    change: (w) => (w.settings.keyNameTemplate = '{owner}-{purpose}'),
    item: 'key-naming',
    status: 'fail',
    evidence: [{ kind: 'setting', id: 'posture.keyNameTemplate' }],
  },
  { name: 'no active keys', change: (w) => (w.inputs.alert.keys = []), item: 'key-naming', status: 'not_applicable' },
  // rotation (keys.rotationDays)
  {
    name: 'a key older than the rotation policy',
    change: (w) => addKey(w, { id: 'apikey_01OLD', name: 'acme-prod-old', createdAtMs: T - 120 * DAY }),
    item: 'key-rotation',
    status: 'fail',
    evidence: [{ id: 'apikey_01OLD', name: 'acme-prod-old', detail: /120 days old, past the 90-day rotation policy/ }],
  },
  {
    name: 'the same key within a longer policy',
    change: (w) => {
      addKey(w, { id: 'apikey_01OLD', createdAtMs: T - 120 * DAY });
      w.rules.keys.rotationDays = 180;
    },
    item: 'key-rotation',
    status: 'pass',
  },
  { name: 'no active keys', change: (w) => (w.inputs.alert.keys = []), item: 'key-rotation', status: 'not_applicable' },
  // expiry
  {
    name: 'a key that never expires',
    change: (w) => addKey(w, { id: 'apikey_01FOREVER', expiresAtMs: null }),
    item: 'key-expiry-set',
    status: 'fail',
    evidence: [{ id: 'apikey_01FOREVER', detail: /^In Production: it never expires\.$/ }],
  },
  {
    name: 'an inactive key without expiry',
    change: (w) => addKey(w, { id: 'apikey_01OFF', expiresAtMs: null, status: 'inactive' }),
    item: 'key-expiry-set',
    status: 'pass',
  },
  {
    name: 'no active keys',
    change: (w) => (w.inputs.alert.keys = []),
    item: 'key-expiry-set',
    status: 'not_applicable',
  },
  // dormant (keys.dormantDays)
  {
    name: 'a key unused for 40 days',
    change: (w) => addKey(w, { id: 'apikey_01IDLE', lastUsedDay: D(-40) }),
    item: 'no-dormant-keys',
    status: 'fail',
    evidence: [
      { id: 'apikey_01IDLE', detail: new RegExp(`last used on ${D(-40)}`), fix: /apikey disable apikey_01IDLE/ },
    ],
  },
  {
    name: 'the same key with a 60-day dormancy rule',
    change: (w) => {
      addKey(w, { id: 'apikey_01IDLE', lastUsedDay: D(-40) });
      w.rules.keys.dormantDays = 60;
    },
    item: 'no-dormant-keys',
    status: 'pass',
  },
  {
    name: 'no active keys',
    change: (w) => (w.inputs.alert.keys = []),
    item: 'no-dormant-keys',
    status: 'not_applicable',
  },
  // orphaned
  {
    name: 'a key whose creator left',
    change: (w) => addKey(w, { id: 'apikey_01ORPH', name: 'acme-prod-report', createdByUserId: 'user_GONE' }),
    item: 'no-orphaned-keys',
    status: 'fail',
    evidence: [
      { kind: 'api_key', id: 'apikey_01ORPH', name: 'acme-prod-report', detail: /creator is no longer a member/ },
    ],
  },
  {
    name: 'only service-account keys',
    change: (w) => (w.inputs.alert.keys = w.inputs.alert.keys.map((k) => ({ ...k, createdByUserId: null }))),
    item: 'no-orphaned-keys',
    status: 'not_applicable',
  },
  // production budgets
  {
    name: 'a production workspace without budget or limit, with a suggested amount',
    change: (w) => (w.rules.budgets.workspaceMonthlyUsd = {}),
    item: 'production-budgets',
    status: 'fail',
    // $5,000 in the last 30 days (the $9,000 day is older) plus a quarter: $6,250.
    evidence: [
      {
        kind: 'workspace',
        id: 'wrkspc_PROD',
        name: 'Production',
        detail: /Suggested: \$6250\.$/,
        fix: /^clade-admin config set budgets\.workspaceMonthlyUsd\.wrkspc_PROD 6250$/,
      },
    ],
  },
  {
    name: 'an API spend limit instead of a budget',
    change: (w) => {
      w.rules.budgets.workspaceMonthlyUsd = {};
      w.inputs.alert.spendLimits = [
        { scope: 'workspace', workspaceId: 'wrkspc_PROD', amountCents: '50000', period: 'monthly' },
      ];
    },
    item: 'production-budgets',
    status: 'pass',
  },
  {
    name: 'no production workspace',
    change: (w) => (w.rules.production.pattern = 'nothing-matches-this'),
    item: 'production-budgets',
    status: 'not_applicable',
  },
  // spend thresholds
  {
    name: 'thresholds switched off',
    change: (w) => (w.rules.disabledRules = ['spend-threshold']),
    item: 'spend-thresholds',
    status: 'fail',
    evidence: [{ kind: 'setting', id: 'disabledRules', name: 'spend-threshold' }],
  },
  {
    name: 'nothing to measure spend against',
    change: (w) => (w.rules.budgets.workspaceMonthlyUsd = {}),
    item: 'spend-thresholds',
    status: 'fail',
    evidence: [{ kind: 'setting', id: 'budgets.orgMonthlyUsd', fix: /config set budgets\.orgMonthlyUsd \d+$/ }],
  },
  // admins
  {
    name: 'more admins than the maximum, each named',
    change: (w) => {
      w.settings.maxAdmins = 1;
      w.inputs.alert.users = w.inputs.alert.users.map((u) => ({ ...u, role: 'owner' }));
    },
    item: 'few-admins',
    status: 'fail',
    evidence: [
      {
        kind: 'user',
        id: 'user_ADA',
        name: 'ada@acme.example',
        detail: /Ada Lovelace, owner\. 2 admins, at most 1 wanted\./,
      },
      { kind: 'user', id: 'user_BOB', name: 'bob@acme.example' },
    ],
  },
  {
    name: 'one admin within the maximum',
    change: () => undefined,
    item: 'few-admins',
    status: 'pass',
    evidence: [{ kind: 'user', id: 'user_ADA' }],
  },
  {
    name: 'no members in the mirror',
    change: (w) => (w.inputs.alert.users = []),
    item: 'few-admins',
    status: 'not_applicable',
  },
  // invites (people.pendingInviteDays)
  {
    name: 'an invite pending for 10 days',
    change: (w) => (w.inputs.alert.invites[0]!.invitedAtMs = T - 10 * DAY),
    item: 'no-stale-invites',
    status: 'fail',
    evidence: [
      {
        kind: 'invite',
        id: 'invite_NEW',
        name: 'new@acme.example',
        detail: /developer invite pending for 10 days/,
        fix: /invite delete invite_NEW/,
      },
    ],
  },
  {
    name: 'the same invite with a 14-day rule',
    change: (w) => {
      w.inputs.alert.invites[0]!.invitedAtMs = T - 10 * DAY;
      w.rules.people.pendingInviteDays = 14;
    },
    item: 'no-stale-invites',
    status: 'pass',
  },
  // audit review
  {
    name: 'never reviewed',
    change: (w) => (w.inputs.auditReviewedAtMs = null),
    item: 'audit-reviewed',
    status: 'fail',
    evidence: [{ kind: 'audit', detail: /never marked reviewed/ }],
  },
  {
    name: 'reviewed 100 days ago',
    change: (w) => (w.inputs.auditReviewedAtMs = T - 100 * DAY),
    item: 'audit-reviewed',
    status: 'fail',
    evidence: [{ detail: /100 days ago/ }],
  },
  {
    name: 'reviewed 100 days ago with a 120-day setting',
    change: (w) => {
      w.inputs.auditReviewedAtMs = T - 100 * DAY;
      w.settings.auditReviewDays = 120;
    },
    item: 'audit-reviewed',
    status: 'pass',
  },
  // compliance feed
  {
    name: 'the org does not have the feed',
    change: (w) => (w.inputs.complianceProbe = { status: 'refused', checkedAtMs: T - DAY }),
    item: 'compliance-feed',
    status: 'not_applicable',
  },
  {
    name: 'never asked',
    change: (w) => (w.inputs.complianceProbe = null),
    item: 'compliance-feed',
    status: 'fail',
    evidence: [{ kind: 'setting', id: 'compliance.probe', detail: /Not checked yet/ }],
  },
];

describe('the posture checklist', () => {
  it('passes every item for an org that follows it: score 100, exit 0', () => {
    const report = evaluatePosture(clean().inputs, clean().rules, clean().settings, T);
    expect(report.items.filter((i) => i.status !== 'pass')).toEqual([]);
    expect(report.items).toHaveLength(13);
    expect(report.score).toBe(100);
    expect(postureExitCode(report)).toBe(0);
  });

  it.each(CASES)('$item: $name → $status', ({ change, item, status, evidence }) => {
    const world = clean();
    change(world);
    const got = run(world).find((i) => i.id === item)!;
    expect(got.status).toBe(status);
    if (status === 'fail') expect(got.fix ?? got.evidence.some((e) => e.fix)).toBeTruthy();
    if (status === 'pass') expect(got.fix).toBeNull();
    for (const [i, want] of (evidence ?? []).entries()) {
      const entry = got.evidence[i];
      expect(entry, `evidence ${i}`).toBeDefined();
      const { detail, fix, ...fields } = want;
      expect(entry).toMatchObject(fields);
      if (detail) expect(entry!.detail).toMatch(detail);
      if (fix) expect(entry!.fix?.command ?? '').toMatch(fix);
    }
    if (evidence) expect(got.evidence).toHaveLength(evidence.length);
  });

  it('scores the passing share of applicable items and exits 1 on a failure, 3 on an untrusted mirror', () => {
    const world = clean();
    world.inputs.auditReviewedAtMs = null;
    world.inputs.complianceProbe = { status: 'refused', checkedAtMs: T };
    const report = evaluatePosture(world.inputs, world.rules, world.settings, T);
    expect(report.score).toBe(Math.round((100 * 11) / 12));
    expect(postureExitCode(report)).toBe(1);
    world.inputs.alert.sync.lastSuccessAtMs = T - 48 * 3_600_000;
    const stale = evaluatePosture(world.inputs, world.rules, world.settings, T);
    expect(stale.problems).toEqual(['data-too-old']);
    expect(postureExitCode(stale)).toBe(3);
  });

  it('the rename fixes and the disable fixes carry the admin actions’ own request shape', () => {
    const world = clean();
    addKey(world, { id: 'apikey_01X', name: 'x', lastUsedDay: null, createdAtMs: T - 50 * DAY });
    const items = run(world);
    const rename = items.find((i) => i.id === 'key-naming')!.evidence[0]!.fix!.action;
    expect(rename).toEqual({
      kind: 'admin-action',
      action: { kind: 'apikey.rename', keyId: 'apikey_01X', name: 'acme-prod-x' },
    });
    const disable = items.find((i) => i.id === 'no-dormant-keys')!.evidence[0]!.fix!.action;
    expect(disable).toEqual({
      kind: 'admin-action',
      action: { kind: 'apikey.set-status', keyId: 'apikey_01X', status: 'inactive' },
    });
  });
});
