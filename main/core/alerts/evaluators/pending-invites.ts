/**
 * Pending invites that are old (nobody accepted after `pendingInviteDays`) or about to expire (invites expire
 * 21 days after creation and cannot be re-sent, admin-api.md §3.3). About-to-expire wins: it needs action.
 */
import type { AlertRules } from '../rules';
import type { AlertInputs, AlertInvite, Condition } from '../types';
import { DAY_MS } from '../../time';
import { inDuration, plural, wholeDaysBetween } from './shared';

function inviteCondition(invite: AlertInvite, kind: 'expiring' | 'pending', title: string, body: string): Condition {
  return {
    id: `invite-${kind}:${invite.id}`,
    rule: 'pending-invite',
    severity: 'info',
    targetKind: 'invite',
    targetId: invite.id,
    targetName: invite.email,
    title,
    body,
    view: { view: 'people', id: invite.id },
  };
}

export function evaluatePendingInvites(inputs: AlertInputs, rules: AlertRules, nowMs: number): Condition[] {
  const conditions: Condition[] = [];
  for (const invite of inputs.invites) {
    if (invite.status !== 'pending' || invite.expiresAtMs <= nowMs) continue;
    const left = invite.expiresAtMs - nowMs;
    const age = nowMs - invite.invitedAtMs;
    if (left <= rules.people.inviteExpiringDays * DAY_MS) {
      conditions.push(
        inviteCondition(
          invite,
          'expiring',
          `Invite for ${invite.email} expires ${inDuration(left)}`,
          `The ${invite.role} invite has not been accepted. Invites cannot be re-sent: delete it and invite again if still wanted.`,
        ),
      );
    } else if (age >= rules.people.pendingInviteDays * DAY_MS) {
      conditions.push(
        inviteCondition(
          invite,
          'pending',
          `Invite for ${invite.email} pending for ${plural(wholeDaysBetween(invite.invitedAtMs, nowMs), 'day')}`,
          `The ${invite.role} invite has not been accepted yet. A forgotten invite still holds a seat.`,
        ),
      );
    }
  }
  return conditions;
}
