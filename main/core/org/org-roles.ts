/**
 * The org roles and invite statuses the API documents (admin-api.md §3.1, §3.3): what `users --role` and
 * `invites --status` accept, what the tree's role filter offers, and which roles count as "admin" for
 * "who are the admins, and since when?".
 */
import { PROTECTED_ORG_ROLES } from '../actions/types';

/** Console roles first, then the Enterprise-only ones, as §3.1 lists them. */
export const ORG_ROLES = [
  'primary_owner',
  'owner',
  'admin',
  'developer',
  'billing',
  'user',
  'claude_code_user',
  'membership_admin',
  'managed',
] as const;
export type OrgRole = (typeof ORG_ROLES)[number];

/** Admin, owner and primary owner: the roles that administer the org (and reach every workspace as admin). */
export const ADMIN_ORG_ROLES: readonly string[] = PROTECTED_ORG_ROLES;

export function isAdminRole(role: string | null | undefined): boolean {
  return role !== null && role !== undefined && ADMIN_ORG_ROLES.includes(role);
}

/** Sort rank: owners and admins first, then the list order above; an unknown role last. */
export function orgRoleRank(role: string): number {
  const index = (ORG_ROLES as readonly string[]).indexOf(role);
  return index === -1 ? ORG_ROLES.length : index;
}

/** Invite statuses (§3.3); `deleted` only appears when the mirror still holds a deleted invite. */
export const INVITE_STATUSES = ['pending', 'expired', 'accepted', 'deleted'] as const;
export type InviteStatus = (typeof INVITE_STATUSES)[number];
