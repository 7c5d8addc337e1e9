// API keys: a hand-written demo set (good names, bad names, expiring, dormant, one by a removed user) and a
// procedural set for the larger orgs.
import { BAD_KEY_NAMES, PERSONAL_KEY_SUFFIXES, SERVICE_NAMES } from './names';
import { makeId, makeKeyHint } from './ids';
import { rngFor, type Rng } from './prng';
import { DAY_MS } from './sizes';
import { presetTraffic, randomTraffic, type TrafficLevel } from './traffic';
import type { ApiKeyRec, UserRec, WorkspaceRec } from './types';

interface DemoKey {
  name: string;
  /** index into the named workspaces (0 = Production …), 'default', or 'archived' */
  ws: number | 'default' | 'archived';
  level: TrafficLevel;
  expiresInDays?: number;
  dormantDays?: number;
  status?: 'inactive' | 'archived';
  creator?: 'removed' | 'legacy' | 'service_account' | number;
  orgScoped?: boolean;
}

const DEMO_KEYS: DemoKey[] = [
  { name: 'prod-api-server', ws: 0, level: 'high' },
  { name: 'checkout-service-prod', ws: 0, level: 'high' },
  { name: 'support-chatbot', ws: 0, level: 'mid' },
  { name: 'search-indexer', ws: 0, level: 'mid', expiresInDays: 5 },
  { name: 'data-pipeline-nightly', ws: 0, level: 'mid', creator: 'service_account' },
  { name: 'mobile-backend-prod', ws: 0, level: 'low', expiresInDays: 12 },
  { name: 'staging-api', ws: 1, level: 'low' },
  { name: 'staging-ci', ws: 1, level: 'low' },
  { name: 'eval-harness', ws: 1, level: 'low', dormantDays: 70 },
  { name: 'ci-integration-tests', ws: 2, level: 'low' },
  { name: 'laptop', ws: 2, level: 'low', creator: 1 },
  { name: 'notebook-experiments', ws: 2, level: 'low', dormantDays: 50 },
  { name: 'test', ws: 2, level: 'low' },
  { name: 'asdf', ws: 2, level: 'low', dormantDays: 100 },
  { name: 'temp - delete me', ws: 1, level: 'none', status: 'inactive' },
  { name: 'New key', ws: 'default', level: 'low' },
  { name: 'slack-bot', ws: 'default', level: 'low' },
  { name: 'doc-summarizer', ws: 3, level: 'mid' },
  { name: 'eval-sweeps', ws: 3, level: 'high' },
  { name: 'key2', ws: 3, level: 'low', expiresInDays: -20 },
  { name: 'hackathon-demo', ws: 'archived', level: 'low', status: 'archived', dormantDays: 45 },
  { name: 'invoice-extractor', ws: 0, level: 'none', status: 'inactive' },
  { name: 'legacy-integration', ws: 'default', level: 'low', creator: 'legacy', dormantDays: 80 },
  { name: 'old-reporting-job', ws: 0, level: 'low', creator: 'removed' },
  { name: 'cli', ws: 'default', level: 'mid', creator: 2, orgScoped: true },
];

export interface KeyContext {
  seed: number;
  users: UserRec[];
  removedUser: UserRec;
  workspaces: WorkspaceRec[]; // [default, …named, archived leftover]
  serviceAccountId: string;
  historyStartMs: number;
  nowMs: number;
}

function baseKey(ctx: KeyContext, rng: Rng, name: string, ws: WorkspaceRec, creator: UserRec): ApiKeyRec {
  const earliest = Math.max(ws.createdAtMs, creator.addedAtMs, ctx.historyStartMs - 20 * DAY_MS);
  const latest = Math.max(earliest, ctx.nowMs - 7 * DAY_MS);
  return {
    id: makeId('apikey', rng),
    name,
    status: 'active',
    createdAtMs: earliest + Math.floor(rng.next() * (latest - earliest)),
    expiresAtMs: null,
    partialKeyHint: makeKeyHint(rng),
    createdBy: { id: creator.id, type: 'user' },
    principal: null,
    scopeType: 'workspace',
    workspaceId: ws.id,
    traffic: presetTraffic(rng, 'none'),
  };
}

export function generateDemoKeys(ctx: KeyContext): ApiKeyRec[] {
  const defaultWs = ctx.workspaces[0] as WorkspaceRec;
  const archivedWs = ctx.workspaces[ctx.workspaces.length - 1] as WorkspaceRec;
  const developers = ctx.users.filter((u) => u.role === 'developer' || u.role === 'admin');
  return DEMO_KEYS.map((spec, i) => {
    const rng = rngFor(ctx.seed, 'key', i);
    const ws =
      spec.ws === 'default'
        ? defaultWs
        : spec.ws === 'archived'
          ? archivedWs
          : (ctx.workspaces[spec.ws + 1] as WorkspaceRec);
    const creator =
      spec.creator === 'removed'
        ? ctx.removedUser
        : typeof spec.creator === 'number'
          ? (ctx.users[spec.creator] as UserRec)
          : rng.pick(developers);
    const name =
      spec.name === 'laptop' || spec.name === 'cli' ? `${creator.name.split(' ')[0]}'s ${spec.name}` : spec.name;
    const key = baseKey(ctx, rng, name, ws, creator);
    if (spec.creator === 'removed')
      key.createdAtMs = Math.min(key.createdAtMs, ctx.removedUser.removedAtMs! - 40 * DAY_MS);
    if (spec.creator === 'legacy') key.createdBy = null;
    if (spec.creator === 'service_account') {
      key.createdBy = { id: ctx.serviceAccountId, type: 'service_account' };
      key.principal = { type: 'service_account_actor', service_account_id: ctx.serviceAccountId };
    }
    if (spec.orgScoped) {
      key.scopeType = 'organization';
      key.principal = { type: 'user_actor', user_id: creator.id };
    }
    if (spec.expiresInDays !== undefined) key.expiresAtMs = ctx.nowMs + spec.expiresInDays * DAY_MS;
    if (spec.status) key.status = spec.status;
    const lastTraffic =
      spec.dormantDays !== undefined
        ? ctx.nowMs - spec.dormantDays * DAY_MS
        : spec.expiresInDays !== undefined && spec.expiresInDays < 0
          ? key.expiresAtMs
          : null;
    key.traffic = presetTraffic(rng, spec.level, lastTraffic);
    return key;
  });
}

export function generateRandomKeys(ctx: KeyContext, count: number): ApiKeyRec[] {
  const creators = ctx.users.filter((u) => u.role !== 'billing' && u.role !== 'user');
  const live = ctx.workspaces.filter((w) => w.archivedAtMs === null);
  const keys: ApiKeyRec[] = [];
  for (let i = 0; i < count; i++) {
    const rng = rngFor(ctx.seed, 'key', i);
    const ws =
      i === 0
        ? ctx.workspaces[ctx.workspaces.length - 1]!
        : rng.chance(0.08)
          ? ctx.workspaces[0]!
          : rng.pick(rng.chance(0.97) ? live : ctx.workspaces);
    const creator = i === 1 ? ctx.removedUser : rng.pick(creators);
    const env = ws.name.split(' ')[1]?.toLowerCase() ?? 'prod';
    const draw = rng.next();
    const name =
      draw < 0.12
        ? rng.pick(BAD_KEY_NAMES)
        : draw < 0.25
          ? `${creator.name.split(' ')[0]}'s ${rng.pick(PERSONAL_KEY_SUFFIXES)}`
          : `${rng.pick(SERVICE_NAMES)}-${env}${rng.chance(0.3) ? `-${rng.int(2, 9)}` : ''}`;
    const key = baseKey(ctx, rng, name, ws, creator);
    if (i === 1) key.createdAtMs = Math.min(key.createdAtMs, ctx.removedUser.removedAtMs! - 40 * DAY_MS);
    if (rng.chance(0.03)) key.createdBy = null;
    const principal = rng.next();
    if (principal < 0.04) {
      // a personal, principal-bound key: organization scope, usage reported with the user's account_id
      key.scopeType = 'organization';
      key.workspaceId = ctx.workspaces[0]!.id;
      key.principal = { type: 'user_actor', user_id: creator.id };
    } else if (principal < 0.07) {
      key.createdBy = { id: ctx.serviceAccountId, type: 'service_account' };
      key.principal = { type: 'service_account_actor', service_account_id: ctx.serviceAccountId };
    }
    if (rng.chance(0.1)) key.expiresAtMs = ctx.nowMs + rng.int(-60, 120) * DAY_MS;
    if (ws.archivedAtMs !== null) key.status = 'archived';
    else if (rng.chance(0.08)) key.status = 'inactive';
    const dormant = rng.chance(0.15) ? ctx.nowMs - rng.int(31, 200) * DAY_MS : null;
    const expiredAt = key.expiresAtMs !== null && key.expiresAtMs < ctx.nowMs ? key.expiresAtMs : null;
    key.traffic = randomTraffic(rng, dormant ?? expiredAt ?? ws.archivedAtMs ?? null);
    keys.push(key);
  }
  return keys;
}
