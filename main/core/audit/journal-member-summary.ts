import type { AuditTarget } from './event';

/**
 * A workspace membership in the journal reads as people say it: "Ada Lovelace added to workspace Production as
 * workspace_developer", not "Workspace member wrkspc_…/user_… appeared". The ids stay in the event's targets (and
 * its before/after rows), so the detail pane shows them and searching for an id still finds the event.
 */
export interface MemberNames {
  userId: string | null;
  workspaceId: string | null;
  /** From the mirror; null when it no longer knows the user or workspace (then the id stands in). */
  userName: string | null;
  workspaceName: string | null;
}

export function memberSummary(
  change: 'created' | 'removed' | 'changed',
  names: MemberNames,
  before: Record<string, unknown> | null,
  after: Record<string, unknown> | null,
  otherChanges: string,
): string {
  const who = names.userName ?? names.userId ?? 'A user';
  const where = `workspace ${names.workspaceName ?? names.workspaceId ?? '(unknown)'}`;
  const roleBefore = roleOf(before);
  const roleAfter = roleOf(after);
  if (change === 'created') return `${who} added to ${where}${roleAfter ? ` as ${roleAfter}` : ''}`;
  if (change === 'removed') return `${who} removed from ${where}${roleBefore ? ` (was ${roleBefore})` : ''}`;
  if (roleBefore !== roleAfter && (roleBefore || roleAfter))
    return `${who}’s role in ${where} changed: ${roleBefore ?? '∅'} → ${roleAfter ?? '∅'}`;
  return `${who}’s membership of ${where} changed${otherChanges ? `: ${otherChanges}` : ''}`;
}

/** The member's own target and the workspace and user it joins, each with its name when the mirror knows it. */
export function memberTargets(id: string, names: MemberNames): AuditTarget[] {
  const named = (target: AuditTarget, name: string | null): AuditTarget => (name ? { ...target, name } : target);
  const label = names.userName && names.workspaceName ? `${names.userName} in ${names.workspaceName}` : null;
  const targets: AuditTarget[] = [named({ type: 'workspace_member', id }, label)];
  if (names.workspaceId) targets.push(named({ type: 'workspace', id: names.workspaceId }, names.workspaceName));
  if (names.userId) targets.push(named({ type: 'user', id: names.userId }, names.userName));
  return targets;
}

function roleOf(state: Record<string, unknown> | null): string | null {
  const role = state?.workspace_role;
  return typeof role === 'string' && role !== '' ? role : null;
}
