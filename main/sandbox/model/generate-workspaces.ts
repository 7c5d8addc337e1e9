// Workspaces (plus the default workspace) and their explicit members.
import { DEMO_WORKSPACES, ENVIRONMENTS, TEAM_NAMES, WORKSPACE_COLORS } from './names';
import { makeId, makeUuid } from './ids';
import { rngFor } from './prng';
import { DAY_MS } from './sizes';
import type { MemberRec, UserRec, WorkspaceRec, WorkspaceRole } from './types';

function workspaceNames(count: number): string[] {
  if (count <= DEMO_WORKSPACES.length) return [...DEMO_WORKSPACES].slice(0, count);
  const names: string[] = [];
  for (let i = 0; names.length < count; i++) {
    const team = TEAM_NAMES[i % TEAM_NAMES.length] as string;
    const env = ENVIRONMENTS[Math.floor(i / TEAM_NAMES.length) % ENVIRONMENTS.length] as string;
    const round = Math.floor(i / (TEAM_NAMES.length * ENVIRONMENTS.length));
    names.push(`${team} ${env}${round > 0 ? ` ${round + 1}` : ''}`);
  }
  return names;
}

function baseWorkspace(
  id: string,
  name: string,
  createdAtMs: number,
  color: string,
  compartment: string,
): WorkspaceRec {
  return {
    id,
    name,
    createdAtMs,
    archivedAtMs: null,
    displayColor: color,
    tags: {},
    allowedInferenceGeos: 'unrestricted',
    defaultInferenceGeo: 'global',
    compartmentId: compartment,
    externalKeyId: null,
    userProfileId: null,
    isDefault: false,
  };
}

export function generateWorkspaces(seed: number, count: number, historyStartMs: number, nowMs: number): WorkspaceRec[] {
  const rngDefault = rngFor(seed, 'workspace', 'default');
  const defaultWs = baseWorkspace(
    makeId('wrkspc', rngDefault),
    'Default Workspace',
    historyStartMs - 90 * DAY_MS,
    '#6C5BB9',
    makeUuid(rngDefault),
  );
  defaultWs.isDefault = true;
  const list = [defaultWs];
  const names = workspaceNames(count);
  names.forEach((name, i) => {
    const rng = rngFor(seed, 'workspace', i);
    const ws = baseWorkspace(
      makeId('wrkspc', rng),
      name,
      historyStartMs - 20 * DAY_MS + i * 3 * 3_600_000,
      WORKSPACE_COLORS[i % WORKSPACE_COLORS.length] as string,
      makeUuid(rng),
    );
    if (/Production/.test(name)) ws.tags = { env: 'prod', owner: 'platform' };
    if (rng.chance(0.15)) ws.allowedInferenceGeos = ['us'];
    if (ws.allowedInferenceGeos !== 'unrestricted') ws.defaultInferenceGeo = 'us';
    // in bigger orgs a few workspaces have been archived
    if (count > DEMO_WORKSPACES.length && rng.chance(0.05)) ws.archivedAtMs = nowMs - rng.int(5, 60) * DAY_MS;
    list.push(ws);
  });
  // every org has one archived leftover, so include_archived matters
  const rng = rngFor(seed, 'workspace', 'archived');
  const hack = baseWorkspace(
    makeId('wrkspc', rng),
    'Hackathon 2025',
    historyStartMs - 10 * DAY_MS,
    '#B5487A',
    makeUuid(rng),
  );
  hack.archivedAtMs = nowMs - 45 * DAY_MS;
  list.push(hack);
  return list;
}

const MEMBER_ROLES: WorkspaceRole[] = [
  'workspace_developer',
  'workspace_developer',
  'workspace_user',
  'workspace_restricted_developer',
  'workspace_user',
  'workspace_admin',
  'workspace_billing',
];

/** Explicit members: each admin manages every workspace; a few other users join each one. */
export function generateMembers(seed: number, workspaces: WorkspaceRec[], users: UserRec[]): MemberRec[] {
  const members: MemberRec[] = [];
  const admins = users.filter((u) => u.role === 'admin');
  const others = users.filter((u) => u.role !== 'admin');
  for (const ws of workspaces) {
    if (ws.isDefault) continue;
    const rng = rngFor(seed, 'members', ws.id);
    for (const admin of admins) {
      members.push({
        workspaceId: ws.id,
        userId: admin.id,
        role: 'workspace_admin',
        addedAtMs: Math.max(ws.createdAtMs, admin.addedAtMs),
      });
    }
    const want = Math.min(others.length, rng.int(2, Math.max(3, Math.min(12, Math.round(others.length / 3)))));
    const chosen = new Set<UserRec>();
    while (chosen.size < want) chosen.add(rng.pick(others));
    for (const user of chosen) {
      const role = user.role === 'billing' ? 'workspace_billing' : rng.pick(MEMBER_ROLES.slice(0, 5));
      members.push({
        workspaceId: ws.id,
        userId: user.id,
        role,
        addedAtMs: Math.max(ws.createdAtMs, user.addedAtMs) + rng.int(0, 5 * DAY_MS),
      });
    }
  }
  return members;
}
