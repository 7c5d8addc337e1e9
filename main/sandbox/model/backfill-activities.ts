// When an org starts with compliance enabled, the feed already holds what happened since enablement: derive those
// activities from the generated history (keys created, invites, removals, archived workspaces, deactivations).
import { recordActivity, userActor, type ActivityLog } from './activities';
import { DAY_MS } from './sizes';
import type { OrgModel } from './types';

export function backfillActivities(model: OrgModel, log: ActivityLog, nowMs: number): void {
  if (log.enabledAtMs === null) return;
  const events: Array<{ at: number; run: () => void }> = [];
  const push = (at: number, run: () => void) => {
    if (at >= log.enabledAtMs! && at <= nowMs) events.push({ at, run });
  };
  const admin = [...model.users.values()].find((u) => u.role === 'admin' && u.removedAtMs === null);
  for (const key of model.apiKeys.values()) {
    const creator = key.createdBy?.type === 'user' ? model.users.get(key.createdBy.id) : undefined;
    if (creator)
      push(key.createdAtMs, () =>
        recordActivity(model, log, key.createdAtMs, 'platform_api_key_created', userActor(creator), {
          api_key_id: key.id,
          workspace_id: key.workspaceId,
        }),
      );
    const stopped = key.traffic.lastTrafficMs;
    if (key.status === 'inactive' && stopped !== null && admin) {
      push(stopped, () =>
        recordActivity(model, log, stopped, 'platform_api_key_updated', userActor(admin), {
          api_key_id: key.id,
          updates: { status: { previous: 'active', current: 'inactive' } },
        }),
      );
    }
  }
  for (const inv of model.invites.values()) {
    if (!admin) break;
    push(inv.invitedAtMs, () =>
      recordActivity(model, log, inv.invitedAtMs, 'org_user_invite_sent', userActor(admin), {
        invite_id: inv.id,
        invited_email: inv.email,
        invited_role: inv.role,
      }),
    );
    if (inv.status === 'accepted' && inv.acceptedAtMs !== null) {
      const at = inv.acceptedAtMs;
      push(at, () =>
        recordActivity(model, log, at, 'org_user_invite_accepted', userActor({ id: inv.id, email: inv.email }), {
          invite_id: inv.id,
        }),
      );
    }
    if (inv.status === 'deleted') {
      const at = inv.invitedAtMs + DAY_MS;
      push(at, () =>
        recordActivity(model, log, at, 'org_user_invite_deleted', userActor(admin), { invite_id: inv.id }),
      );
    }
  }
  for (const user of model.users.values()) {
    const at = user.removedAtMs;
    if (at !== null && admin)
      push(at, () =>
        recordActivity(model, log, at, 'org_user_deleted', userActor(admin), {
          deleted_user_id: user.id,
          deleted_user_email: user.email,
        }),
      );
  }
  for (const ws of model.workspaces.values()) {
    const at = ws.archivedAtMs;
    if (at !== null && admin)
      push(at, () =>
        recordActivity(model, log, at, 'platform_workspace_archived', userActor(admin), { workspace_id: ws.id }),
      );
  }
  events.sort((a, b) => a.at - b.at).forEach((e) => e.run());
}
