// Users: role update and removal with the documented rules (admin-api.md §3.2).
import { z } from 'zod';
import { parseBody } from '../body';
import { badRequest } from '../errors';
import { changeUserRole, removeUser } from '../model/actions';
import { activeUsers, findUser } from '../model/store';
import type { OrgRole, UserRec } from '../model/types';
import type { RouteDef } from '../router';
import { apiActor } from '../state';
import { userObject } from './serialize';

/** Roles a Console org may assign through the API (never admin). */
export const ASSIGNABLE_ROLES = ['user', 'developer', 'billing', 'claude_code_user'] as const;
const PRIVILEGED: readonly OrgRole[] = ['admin', 'owner', 'primary_owner'];

export function assertNotPrivileged(user: UserRec, what: string): void {
  if (PRIVILEGED.includes(user.role)) {
    throw badRequest(`Cannot ${what} a user with the ${user.role} role through the Admin API; use the Console.`);
  }
}

export const userWriteRoutes: RouteDef[] = [
  {
    method: 'POST',
    path: '/v1/organizations/users/:user_id',
    handler: ({ state, params, body, headers }) => {
      const { role } = parseBody(z.object({ role: z.string() }), body);
      if (!(ASSIGNABLE_ROLES as readonly string[]).includes(role)) {
        throw badRequest(`role: Input should be ${ASSIGNABLE_ROLES.map((r) => `'${r}'`).join(', ')}`);
      }
      const user = findUser(state.model, params.user_id!);
      assertNotPrivileged(user, 'change the role of');
      changeUserRole(
        { state, actor: apiActor(state, headers['user-agent']), atMs: state.clock.nowMs() },
        user,
        role as OrgRole,
      );
      return userObject(user);
    },
  },
  {
    method: 'DELETE',
    path: '/v1/organizations/users/:user_id',
    handler: ({ state, params, headers }) => {
      const user = findUser(state.model, params.user_id!);
      assertNotPrivileged(user, 'remove');
      if (activeUsers(state.model).length <= 1)
        throw badRequest('Cannot remove the last member of the organization.', 'cannot_remove_last_member');
      removeUser({ state, actor: apiActor(state, headers['user-agent']), atMs: state.clock.nowMs() }, user);
      return { id: user.id, type: 'user_deleted' };
    },
  },
];
