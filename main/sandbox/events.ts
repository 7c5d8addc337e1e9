// Org events: scripted (control API) and seeded (as virtual time passes). Each goes through model/actions, so it
// is recorded as a compliance activity when compliance is enabled.
import { z } from 'zod';
import { badRequest, notFound } from './errors';
import * as act from './model/actions';
import { userActor, type ActivityActor } from './model/activities';
import { BAD_KEY_NAMES, FIRST_NAMES, LAST_NAMES, SERVICE_NAMES } from './model/names';
import { rngFor, type Rng } from './model/prng';
import { rateLimitCatalog } from './model/rate-limit-catalog';
import { DAY_MS, HOUR_MS } from './model/sizes';
import { activeUsers, findApiKey, findInvite, findUser, findWorkspace, inviteStatus, keyStatus } from './model/store';
import type { OrgRole } from './model/types';
import type { SandboxState } from './state';

const role = z.enum(['user', 'developer', 'billing', 'claude_code_user', 'admin']);
const base = { actor_user_id: z.string().optional() };
export const orgEventSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('key_created'),
    workspace_id: z.string().optional(),
    name: z.string().optional(),
    created_by_user_id: z.string().optional(),
    ...base,
  }),
  z.object({ type: z.literal('key_renamed'), api_key_id: z.string(), name: z.string().min(1), ...base }),
  z.object({ type: z.literal('key_deactivated'), api_key_id: z.string(), ...base }),
  z.object({ type: z.literal('key_expired'), api_key_id: z.string(), ...base }),
  z.object({ type: z.literal('user_invited'), email: z.email(), role: role.optional(), ...base }),
  // `name`: what the person typed as their name on sign-up (default: made from the email's local part).
  z.object({ type: z.literal('user_joined'), invite_id: z.string(), name: z.string().min(1).optional(), ...base }),
  z.object({ type: z.literal('user_removed'), user_id: z.string(), ...base }),
  z.object({ type: z.literal('role_changed'), user_id: z.string(), role, ...base }),
  z.object({ type: z.literal('workspace_archived'), workspace_id: z.string(), ...base }),
  // The Admin API's own rule for a workspace name (1–40 characters); anything else in it is the member's choice.
  z.object({
    type: z.literal('workspace_renamed'),
    workspace_id: z.string(),
    name: z.string().min(1).max(40),
    ...base,
  }),
  z.object({
    type: z.literal('rate_limit_changed'),
    workspace_id: z.string(),
    rate_limit_id: z.string().optional(),
    limiter_type: z.string().optional(),
    value: z.number().int().positive().nullable(),
    ...base,
  }),
]);
export type OrgEvent = z.infer<typeof orgEventSchema>;

function consoleActor(state: SandboxState, userId: string | undefined): ActivityActor {
  const user = userId
    ? findUser(state.model, userId)
    : (activeUsers(state.model).find((u) => u.role === 'admin') ?? activeUsers(state.model)[0]);
  if (!user) throw badRequest('no user to act as');
  return userActor(user);
}

/** Applies one event at `atMs`; returns what changed (ids) for the caller. */
export function applyEvent(state: SandboxState, event: OrgEvent, atMs: number): Record<string, unknown> {
  const ctx: act.ActionCtx = { state, actor: consoleActor(state, event.actor_user_id), atMs };
  const m = state.model;
  switch (event.type) {
    case 'key_created': {
      const ws = event.workspace_id
        ? findWorkspace(m, event.workspace_id)
        : ([...m.workspaces.values()].find((w) => !w.isDefault && w.archivedAtMs === null) ??
          findWorkspace(m, m.defaultWorkspaceId));
      if (ws.archivedAtMs !== null) throw badRequest('cannot create a key in an archived workspace');
      const creator = event.created_by_user_id
        ? findUser(m, event.created_by_user_id)
        : findUser(m, (ctx.actor as { user_id: string }).user_id);
      return { api_key_id: act.createApiKey(ctx, ws, event.name ?? 'new-key', creator).id };
    }
    case 'key_renamed':
      act.updateApiKey(ctx, findApiKey(m, event.api_key_id), { name: event.name });
      return { api_key_id: event.api_key_id };
    case 'key_deactivated':
      act.updateApiKey(ctx, findApiKey(m, event.api_key_id), { status: 'inactive' });
      return { api_key_id: event.api_key_id };
    case 'key_expired':
      act.expireApiKey(ctx, findApiKey(m, event.api_key_id));
      return { api_key_id: event.api_key_id };
    case 'user_invited':
      return { invite_id: act.createInvite(ctx, event.email.toLowerCase(), (event.role ?? 'user') as OrgRole).id };
    case 'user_joined': {
      const invite = findInvite(m, event.invite_id);
      if (inviteStatus(invite, atMs) !== 'pending') throw badRequest(`invite ${invite.id} is not pending`);
      const user = act.acceptInvite(ctx, invite);
      if (event.name !== undefined) user.name = event.name;
      return { user_id: user.id, invite_id: invite.id };
    }
    case 'user_removed':
      act.removeUser(ctx, findUser(m, event.user_id));
      return { user_id: event.user_id };
    case 'role_changed':
      act.changeUserRole(ctx, findUser(m, event.user_id), event.role);
      return { user_id: event.user_id };
    case 'workspace_archived': {
      const ws = findWorkspace(m, event.workspace_id);
      if (ws.isDefault || ws.archivedAtMs !== null) throw badRequest('workspace cannot be archived');
      act.archiveWorkspace(ctx, ws);
      return { workspace_id: ws.id };
    }
    case 'workspace_renamed': {
      const ws = findWorkspace(m, event.workspace_id);
      if (ws.isDefault) throw badRequest('the default workspace cannot be renamed');
      act.updateWorkspace(ctx, ws, { name: { previous: ws.name, current: event.name } });
      ws.name = event.name;
      return { workspace_id: ws.id };
    }
    case 'rate_limit_changed': {
      const ws = findWorkspace(m, event.workspace_id);
      if (ws.isDefault) throw badRequest('the default workspace cannot carry rate limit overrides');
      const entry =
        rateLimitCatalog(m.org.id).find((e) => e.id === event.rate_limit_id) ??
        (event.rate_limit_id ? undefined : rateLimitCatalog(m.org.id)[0]);
      if (!entry) throw notFound(`rate limit ${event.rate_limit_id} not found`);
      act.setWorkspaceRateLimit(ctx, ws, entry, [
        { type: event.limiter_type ?? 'requests_per_minute', value: event.value },
      ]);
      return { workspace_id: ws.id, rate_limit_id: entry.id };
    }
  }
}

const WEIGHTS: Array<[OrgEvent['type'], number]> = [
  ['key_created', 20],
  ['key_renamed', 10],
  ['key_deactivated', 8],
  ['key_expired', 4],
  ['user_invited', 12],
  ['user_joined', 10],
  ['user_removed', 4],
  ['role_changed', 8],
  ['workspace_archived', 1],
  ['rate_limit_changed', 6],
];

function weightedType(rng: Rng): OrgEvent['type'] {
  let r = rng.next() * WEIGHTS.reduce((a, [, w]) => a + w, 0);
  for (const [type, w] of WEIGHTS) if ((r -= w) < 0) return type;
  return 'key_created';
}

/** A concrete random event against the current org, or null when none fits. */
function seededEvent(state: SandboxState, rng: Rng, atMs: number): OrgEvent | null {
  const m = state.model;
  const liveKeys = [...m.apiKeys.values()].filter((k) => keyStatus(k, atMs) === 'active');
  const liveWs = [...m.workspaces.values()].filter((w) => !w.isDefault && w.archivedAtMs === null);
  const members = activeUsers(m).filter((u) => !['admin', 'owner', 'primary_owner'].includes(u.role));
  const pending = [...m.invites.values()].filter((i) => inviteStatus(i, atMs) === 'pending');
  const type = weightedType(rng);
  switch (type) {
    case 'key_created': {
      const ws = liveWs.length ? rng.pick(liveWs) : undefined;
      const name = rng.chance(0.15)
        ? rng.pick(BAD_KEY_NAMES)
        : `${rng.pick(SERVICE_NAMES)}-${(ws?.name.split(' ').pop() ?? 'prod').toLowerCase()}`;
      return ws ? { type, workspace_id: ws.id, name } : null;
    }
    case 'key_renamed':
      return liveKeys.length
        ? { type, api_key_id: rng.pick(liveKeys).id, name: `${rng.pick(SERVICE_NAMES)}-v${rng.int(2, 5)}` }
        : null;
    case 'key_deactivated':
    case 'key_expired':
      return liveKeys.length > 3 ? { type, api_key_id: rng.pick(liveKeys).id } : null;
    case 'user_invited': {
      const first = rng.pick(FIRST_NAMES).toLowerCase();
      return {
        type,
        email: `${first}.${rng.pick(LAST_NAMES).toLowerCase()}${rng.int(1, 99)}@${m.org.domain}`,
        role: rng.pick(['user', 'developer', 'claude_code_user'] as const),
      };
    }
    case 'user_joined':
      return pending.length ? { type, invite_id: rng.pick(pending).id } : null;
    case 'user_removed':
      return members.length > 3 ? { type, user_id: rng.pick(members).id } : null;
    case 'role_changed': {
      if (!members.length) return null;
      const user = rng.pick(members);
      const roles = (['user', 'developer', 'claude_code_user'] as const).filter((r) => r !== user.role);
      return { type, user_id: user.id, role: rng.pick(roles) };
    }
    case 'workspace_archived':
      return liveWs.length > 3 ? { type, workspace_id: rng.pick(liveWs).id } : null;
    case 'workspace_renamed':
      return null; // scripted only: not in WEIGHTS, so the seeded history of every seed stays as it was
    case 'rate_limit_changed':
      return liveWs.length
        ? {
            type,
            workspace_id: rng.pick(liveWs).id,
            rate_limit_id: rng.pick(rateLimitCatalog(m.org.id).filter((e) => e.models)).id,
            value: rng.pick([50, 100, 200, 500, 1000]),
          }
        : null;
  }
}

/** Seeded events for every whole virtual hour that passed since the sandbox started (at most the last 30 days).
 *  Hours count from the start instant, so a short-lived sandbox (a test) never sees one unless its clock is
 *  advanced; the same seed and start give the same events. */
export function catchUpSeededEvents(state: SandboxState): void {
  const now = state.clock.nowMs();
  if (!state.seededEvents) {
    state.eventsThroughMs = now;
    return;
  }
  const perHour = { demo: 0.04, mid: 0.15, large: 0.5 }[state.model.size];
  const origin = state.eventsOriginMs;
  const first = Math.floor((Math.max(state.eventsThroughMs, now - 30 * DAY_MS) - origin) / HOUR_MS) + 1;
  for (let h = Math.max(1, first); origin + h * HOUR_MS <= now; h++) {
    const hourEnd = origin + h * HOUR_MS;
    const rng = rngFor(state.model.seed, 'events', hourEnd);
    const utcHour = new Date(hourEnd).getUTCHours();
    const businessHour = utcHour >= 8 && utcHour < 18;
    let count = rng.chance(perHour * (businessHour ? 2 : 0.3)) ? 1 : 0;
    if (count && rng.chance(perHour)) count++;
    for (let i = 0; i < count; i++) {
      const at = hourEnd - HOUR_MS + rng.int(0, HOUR_MS - 1);
      const event = seededEvent(state, rng, at);
      if (event) applyEvent(state, event, at);
    }
  }
  state.eventsThroughMs = now;
}
