/**
 * A new organization admin or owner within the last `recentChangeDays`: a member added with a privileged role
 * (by `added_at`), or promoted to one (journal `users.changed` on `role`). It stays a condition only while the user
 * still holds that role, so a mistaken promotion that is undone closes its episode.
 */
import type { AlertRules } from '../rules';
import type { AlertInputs, AlertUser, Condition } from '../types';
import { DAY_MS, formatLocalDateTime } from '../../time';

function memberCondition(user: AlertUser, how: string, atMs: number, timeZone: string): Condition {
  return {
    id: `privileged-member:${user.id}:${user.role}`,
    rule: 'new-privileged-member',
    severity: 'warning',
    targetKind: 'user',
    targetId: user.id,
    targetName: user.email,
    title: `New organization ${user.role.replace('_', ' ')}: ${user.email}`,
    body: `${user.name} (${user.email}) ${how} ${formatLocalDateTime(atMs, timeZone)} (${timeZone}). If you did not expect this, review it now.`,
    view: { view: 'people', id: user.id },
  };
}

export function evaluateNewPrivilegedMembers(inputs: AlertInputs, rules: AlertRules, nowMs: number): Condition[] {
  const since = nowMs - rules.people.recentChangeDays * DAY_MS;
  const privileged = new Set(rules.people.privilegedRoles);
  const timeZone = rules.quietHours.timeZone;
  const byId = new Map<string, Condition>();
  for (const user of inputs.users) {
    if (privileged.has(user.role) && user.addedAtMs >= since && user.addedAtMs <= nowMs) {
      byId.set(user.id, memberCondition(user, `joined as ${user.role}`, user.addedAtMs, timeZone));
    }
  }
  for (const event of inputs.journal) {
    if (event.kind !== 'users.changed' || event.atMs < since || event.atMs > nowMs) continue;
    const before = event.before?.['role'];
    const after = event.after?.['role'];
    if (typeof after !== 'string' || !privileged.has(after) || (typeof before === 'string' && privileged.has(before)))
      continue;
    const user = inputs.users.find((candidate) => candidate.id === event.targetId);
    if (!user || user.role !== after || byId.has(user.id)) continue;
    byId.set(
      user.id,
      memberCondition(
        user,
        `was made ${after}${typeof before === 'string' ? ` (was ${before})` : ''}`,
        event.atMs,
        timeZone,
      ),
    );
  }
  return [...byId.values()];
}
