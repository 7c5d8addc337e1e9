// Builds the whole org model deterministically from (seed, size, now). Entities only — usage is generated on demand.
import { COMPANIES } from './names';
import { makeId, makeUuid } from './ids';
import { rngFor } from './prng';
import { generateDemoKeys, generateRandomKeys, type KeyContext } from './generate-keys';
import { generateRateLimitOverrides, generateSpendLimits } from './generate-limits';
import { generatePeople } from './generate-people';
import { generateMembers, generateWorkspaces } from './generate-workspaces';
import { DAY_MS, SIZES, utcMidnight } from './sizes';
import { registerCursor } from './store';
import type { ApiKeyRec, MemberRec, OrgModel, SandboxSize } from './types';

export function generateOrg(seed: number, size: SandboxSize, nowMs: number): OrgModel {
  const spec = SIZES[size];
  const rng = rngFor(seed, 'org');
  const company = rng.pick(COMPANIES);
  const historyStartMs = utcMidnight(nowMs) - spec.days * DAY_MS;
  const people = generatePeople(seed, spec.users, company.domain, historyStartMs, nowMs);
  const workspaces = generateWorkspaces(seed, spec.workspaces, historyStartMs, nowMs);
  const members = generateMembers(seed, workspaces, people.users);
  const ctx: KeyContext = {
    seed,
    users: people.users,
    removedUser: people.removedUser,
    workspaces,
    serviceAccountId: makeId('svac', rngFor(seed, 'service-account')),
    historyStartMs,
    nowMs,
  };
  const keys = size === 'demo' ? generateDemoKeys(ctx) : generateRandomKeys(ctx, spec.keys);
  for (const key of keys) stopTrafficOfRetiredKey(key, nowMs);

  const model: OrgModel = {
    seed,
    size,
    org: { id: makeUuid(rng), name: company.name, domain: company.domain, complianceId: makeId('org', rng) },
    users: new Map(),
    workspaces: new Map(),
    defaultWorkspaceId: workspaces[0]!.id,
    members: new Map(),
    apiKeys: new Map(),
    invites: new Map(),
    historyStartMs,
    cursorKeys: new Map(),
    rateLimitOverrides: new Map(),
    spendLimits: new Map(),
  };
  for (const u of [...people.users, people.removedUser]) {
    model.users.set(u.id, u);
    registerCursor(model, 'users', u.id, u.addedAtMs);
  }
  for (const w of workspaces) {
    model.workspaces.set(w.id, w);
    model.members.set(w.id, new Map());
    registerCursor(model, 'workspaces', w.id, w.createdAtMs);
  }
  for (const m of members) addMemberRecord(model, m);
  for (const k of keys) {
    model.apiKeys.set(k.id, k);
    registerCursor(model, 'api_keys', k.id, k.createdAtMs);
  }
  for (const inv of people.invites) {
    model.invites.set(inv.id, inv);
    registerCursor(model, 'invites', inv.id, inv.invitedAtMs);
  }
  generateRateLimitOverrides(model, workspaces);
  generateSpendLimits(model, workspaces, nowMs);
  return model;
}

export function addMemberRecord(model: OrgModel, m: MemberRec): void {
  model.members.get(m.workspaceId)?.set(m.userId, m);
  registerCursor(model, `members:${m.workspaceId}`, m.userId, m.addedAtMs);
}

/** Deactivated or archived keys stopped carrying traffic some days before now. */
function stopTrafficOfRetiredKey(key: ApiKeyRec, nowMs: number): void {
  if (key.status === 'active' || key.traffic.lastTrafficMs !== null) return;
  const days = 3 + (parseInt(key.id.slice(-4), 36) % 40);
  key.traffic.lastTrafficMs = Math.max(key.createdAtMs, nowMs - days * DAY_MS);
}
