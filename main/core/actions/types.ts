/**
 * The admin actions the Admin API allows (admin-api.md §3.2–3.6), as data: one zod schema shared by the CLI, the
 * IPC contract and the adapter. Pure: no I/O. Role lists are the API's own rules, so a request the API would refuse
 * for its role is refused here first, with the same reason.
 */
import { z } from 'zod';

/** Roles a Console org may assign through the API: never admin, owner or primary_owner (§3.2, §3.3). */
export const ASSIGNABLE_ORG_ROLES = ['user', 'developer', 'billing', 'claude_code_user'] as const;
/** Roles the API never lets us change or remove (§3.2: "admins cannot be removed via API"). */
export const PROTECTED_ORG_ROLES = ['admin', 'owner', 'primary_owner'] as const;
export const WORKSPACE_ROLES = [
  'workspace_user',
  'workspace_developer',
  'workspace_restricted_developer',
  'workspace_admin',
  'workspace_billing',
] as const;
/** `workspace_billing` may be given by an update, never when adding a member (§3.5). */
export const ADDABLE_WORKSPACE_ROLES = WORKSPACE_ROLES.filter((r) => r !== 'workspace_billing');
export const SETTABLE_KEY_STATUSES = ['active', 'inactive', 'archived'] as const;

const id = (prefix: string) =>
  z
    .string()
    .trim()
    .min(1)
    .max(200)
    .regex(new RegExp(`^${prefix}[A-Za-z0-9_-]+$`), `expected an id starting with ${prefix}`);
const keyId = id('apikey_');
const userId = id('user_');
const workspaceId = id('wrkspc_');

export const AdminActionSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('apikey.set-status'), keyId, status: z.enum(SETTABLE_KEY_STATUSES) }),
  z.object({ kind: z.literal('apikey.rename'), keyId, name: z.string().trim().min(1, 'the name is empty').max(500) }),
  z.object({ kind: z.literal('invite.create'), email: z.string().trim().max(320), role: z.string().trim() }),
  z.object({ kind: z.literal('invite.delete'), inviteId: id('invite_') }),
  z.object({ kind: z.literal('user.set-role'), userId, role: z.string().trim() }),
  z.object({ kind: z.literal('user.remove'), userId }),
  z.object({ kind: z.literal('workspace-member.add'), workspaceId, userId, role: z.string().trim() }),
  z.object({ kind: z.literal('workspace-member.set-role'), workspaceId, userId, role: z.string().trim() }),
  z.object({ kind: z.literal('workspace-member.remove'), workspaceId, userId }),
]);
export type AdminAction = z.infer<typeof AdminActionSchema>;
export type AdminActionKind = AdminAction['kind'];

/**
 * What the mirror knows about the action's targets before it runs (names for the description, current state for
 * the rules and for the trail's "before"). Null fields: not in the mirror (not synced yet, or a bad id).
 */
export interface ActionContext {
  key?: { id: string; name: string; status: string; workspaceId: string | null } | null;
  user?: { id: string; email: string; name: string; role: string } | null;
  invite?: { id: string; email: string; role: string; status: string } | null;
  workspace?: { id: string; name: string; archived: boolean } | null;
  member?: { workspaceId: string; userId: string; role: string } | null;
}

/** Kinds that cannot be undone through the API: the confirmation says so and asks for the target's name. */
export function isIrreversible(action: AdminAction): boolean {
  return (action.kind === 'apikey.set-status' && action.status === 'archived') || action.kind === 'user.remove';
}
