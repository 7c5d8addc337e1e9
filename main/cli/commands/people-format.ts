/**
 * Human output of `users` and `invites`: aligned tables over the people read model (main/db/queries/people.ts),
 * with the totals that add up. Full user and invite ids are shown: the admin actions (`member role`, `invite
 * delete`) take them, and nothing else names them.
 */
import type { Invite, Person } from '../../../preload/contract-people';
import { isAdminRole } from '../../core/org/org-roles';
import { textTable, utcDate } from '../text-table';

export function formatUsers(members: readonly Person[]): string {
  if (members.length === 0) return 'No members.\n';
  const rows = members.map((person) => [
    person.email,
    person.name,
    person.role,
    utcDate(person.addedAtMs),
    adminSinceText(person),
    String(person.keysCreated.length),
    person.lastClaudeCodeDayMs === null ? '—' : utcDate(person.lastClaudeCodeDayMs),
    person.id,
    person.workspaces.map((w) => `${w.name} (${w.role.replace(/^workspace_/, '')})`).join(', ') || '—',
  ]);
  const admins = members.filter((person) => isAdminRole(person.role)).length;
  const keys = members.reduce((sum, person) => sum + person.keysCreated.length, 0);
  return (
    textTable(
      [
        'EMAIL',
        'NAME',
        'ORG ROLE',
        'MEMBER SINCE',
        'ADMIN SINCE',
        'ACTIVE KEYS',
        'LAST CLAUDE CODE',
        'ID',
        'WORKSPACES',
      ],
      rows,
    ) +
    `${plural(members.length, 'member')} · ${plural(admins, 'admin')} (admin, owner or primary owner) · ` +
    `${plural(keys, 'active key')} created by them\n`
  );
}

/** "2026-11-24", "before 2026-11-24" (admin when the mirror first synced), or "—" for non-admins. */
export function adminSinceText(person: Person): string {
  if (!person.adminSince) return '—';
  const day = utcDate(person.adminSince.atMs);
  return person.adminSince.source === 'before-first-sync' ? `before ${day}` : day;
}

export function formatInvites(invites: readonly Invite[]): string {
  if (invites.length === 0) return 'No invites.\n';
  const rows = invites.map((invite) => [
    invite.email,
    invite.role,
    utcDate(invite.invitedAtMs),
    String(invite.ageDays),
    utcDate(invite.expiresAtMs),
    invite.status,
    invite.id,
  ]);
  const pending = invites.filter((invite) => invite.status === 'pending').length;
  return (
    textTable(['EMAIL', 'ROLE', 'INVITED', 'AGE (DAYS)', 'EXPIRES', 'STATUS', 'ID'], rows) +
    `${plural(invites.length, 'invite')} · ${pending} pending\n`
  );
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
