/** How the People view words its facts; the facts themselves come from the read model (main/db/queries/people.ts). */
import type { Person } from '../../../preload/contract';
import { formatDate } from '../../lib/format';

const ORG_ROLE_LABELS: Record<string, string> = {
  primary_owner: 'Primary owner',
  owner: 'Owner',
  admin: 'Admin',
  developer: 'Developer',
  billing: 'Billing',
  user: 'User',
  claude_code_user: 'Claude Code user',
  membership_admin: 'Membership admin',
  managed: 'Managed',
};

/** `claude_code_user` → "Claude Code user"; an unknown role as the API spells it, de-underscored. */
export function formatOrgRole(role: string): string {
  return ORG_ROLE_LABELS[role] ?? role.replace(/_/g, ' ');
}

/** A date; "before <first sync>" when no role change was seen; "—" for members who are not admins. */
export function formatAdminSince(person: Person): string {
  if (!person.adminSince) return '—';
  const day = formatDate(person.adminSince.atMs);
  return person.adminSince.source === 'before-first-sync' ? `before ${day}` : day;
}

export function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
