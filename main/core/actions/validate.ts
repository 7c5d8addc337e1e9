/**
 * Checks an action before anything is sent: its shape, the API's role rules, and what the mirror says about the
 * target (an archived key cannot change; an admin cannot be removed). Returns every reason, in words an admin
 * understands; an empty list means "send it". The API stays the judge: this only spares a doomed request.
 */
import {
  ADDABLE_WORKSPACE_ROLES,
  ASSIGNABLE_ORG_ROLES,
  PROTECTED_ORG_ROLES,
  WORKSPACE_ROLES,
  type ActionContext,
  type AdminAction,
} from './types';

// Deliberately simple: one @, no spaces, a dot in the domain. The API normalises and decides the rest.
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

const list = (roles: readonly string[]) => roles.join(', ');

export function validateAction(action: AdminAction, context: ActionContext = {}): string[] {
  const problems: string[] = [];
  switch (action.kind) {
    case 'apikey.set-status':
    case 'apikey.rename':
      if (context.key?.status === 'archived') problems.push('This key is archived; archived keys cannot be changed.');
      if (action.kind === 'apikey.set-status') {
        if (context.key?.status === action.status) problems.push(`This key is already ${action.status}.`);
        if (context.key?.status === 'expired' && action.status === 'active')
          problems.push('An expired key cannot be re-activated.');
      } else if (context.key?.name === action.name) {
        problems.push('The key already has this name.');
      }
      break;
    case 'invite.create':
      if (!EMAIL.test(action.email)) problems.push(`"${action.email}" is not an email address.`);
      problems.push(...orgRoleProblems(action.role, 'invited'));
      break;
    case 'invite.delete':
      if (context.invite && context.invite.status !== 'pending')
        problems.push(`Only pending invites can be deleted; this one is ${context.invite.status}.`);
      break;
    case 'user.set-role':
      problems.push(...orgRoleProblems(action.role, 'given'));
      problems.push(...protectedUserProblems(context, 'change the role of'));
      if (context.user && context.user.role === action.role)
        problems.push(`This member already has the ${action.role} role.`);
      break;
    case 'user.remove':
      problems.push(...protectedUserProblems(context, 'remove'));
      break;
    case 'workspace-member.add':
      if (!(ADDABLE_WORKSPACE_ROLES as readonly string[]).includes(action.role)) {
        problems.push(
          `A member cannot be added as ${action.role}; choose one of: ${list(ADDABLE_WORKSPACE_ROLES)} (workspace_billing only by a role change).`,
        );
      }
      if (context.member) problems.push('This user is already a member of this workspace.');
      problems.push(
        ...workspaceProblems(context),
        ...protectedUserProblems(context, 'change the workspace membership of'),
      );
      break;
    case 'workspace-member.set-role':
      if (!(WORKSPACE_ROLES as readonly string[]).includes(action.role))
        problems.push(`Unknown workspace role ${action.role}; choose one of: ${list(WORKSPACE_ROLES)}.`);
      if (context.member && context.member.role === action.role)
        problems.push(`This member already has the ${action.role} role here.`);
      problems.push(
        ...workspaceProblems(context),
        ...protectedUserProblems(context, 'change the workspace membership of'),
      );
      break;
    case 'workspace-member.remove':
      problems.push(
        ...workspaceProblems(context),
        ...protectedUserProblems(context, 'change the workspace membership of'),
      );
      break;
  }
  return problems;
}

function orgRoleProblems(role: string, verb: 'invited' | 'given'): string[] {
  if ((ASSIGNABLE_ORG_ROLES as readonly string[]).includes(role)) return [];
  if ((PROTECTED_ORG_ROLES as readonly string[]).includes(role)) {
    return [
      `The ${role} role cannot be ${verb} through the Admin API (use the Console); choose one of: ${list(ASSIGNABLE_ORG_ROLES)}.`,
    ];
  }
  return [`Unknown role ${role}; choose one of: ${list(ASSIGNABLE_ORG_ROLES)}.`];
}

function protectedUserProblems(context: ActionContext, what: string): string[] {
  const role = context.user?.role;
  if (role && (PROTECTED_ORG_ROLES as readonly string[]).includes(role)) {
    return [`The Admin API cannot ${what} a member with the ${role} role; use the Console.`];
  }
  return [];
}

function workspaceProblems(context: ActionContext): string[] {
  return context.workspace?.archived ? ['This workspace is archived; its members cannot be changed.'] : [];
}
