/**
 * Which workspace role an org role gives in every workspace, without a membership. Admin API docs (../shared
 * admin-api.md §3.4): org `admin` members are implicitly `workspace_admin` everywhere, `billing` members implicitly
 * `workspace_billing`. The docs say nothing of `owner` and `primary_owner`; they rank above admin (they create admin
 * keys, and only they can make admins), so we take them to reach at least what an admin does, and say so (`assumed`).
 *
 * The default workspace is the org's own: every member of the org reaches it (its keys are the ones every member can
 * use, see alerts/key-judgement.ts). When the API lists its members they are explicit; a member it does not list is
 * taken to be a workspace_user there, marked assumed.
 */
export interface ImplicitRole {
  role: string;
  /** Why, in two words: "org admin", "org owner", "default workspace". */
  because: string;
  /** True when no documentation says so (see above). */
  assumed: boolean;
}

const BY_ORG_ROLE: Readonly<Record<string, ImplicitRole>> = {
  admin: { role: 'workspace_admin', because: 'org admin', assumed: false },
  owner: { role: 'workspace_admin', because: 'org owner', assumed: true },
  primary_owner: { role: 'workspace_admin', because: 'org primary owner', assumed: true },
  billing: { role: 'workspace_billing', because: 'org billing', assumed: false },
};

const IN_DEFAULT_WORKSPACE: ImplicitRole = { role: 'workspace_user', because: 'default workspace', assumed: true };

/** The role an org role gives in a workspace without a membership, or null when it gives none. */
export function implicitWorkspaceRole(orgRole: string | null, isDefaultWorkspace: boolean): ImplicitRole | null {
  const byRole = orgRole === null ? undefined : BY_ORG_ROLE[orgRole];
  if (byRole) return byRole;
  return isDefaultWorkspace && orgRole !== null ? IN_DEFAULT_WORKSPACE : null;
}

/** Org roles that reach every workspace as workspace_admin (the org's admins, in `access` and the People view). */
export const ORG_ADMIN_ROLES: readonly string[] = Object.keys(BY_ORG_ROLE).filter(
  (role) => BY_ORG_ROLE[role]!.role === 'workspace_admin',
);

/**
 * The role a person acts with: an implicit workspace_admin outranks any membership role; otherwise an explicit
 * membership says more than an implicit default (and workspace_billing adds billing to a membership, it does not
 * replace it).
 */
export function effectiveWorkspaceRole(memberRole: string | null, implicit: ImplicitRole | null): string {
  if (implicit?.role === 'workspace_admin') return 'workspace_admin';
  return memberRole ?? implicit?.role ?? 'workspace_user';
}
