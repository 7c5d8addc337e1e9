// Users (admin-api.md §3.2): list (email, roles[]), get. Mutations live in users-write.ts.
import { paginatePage } from '../pagination';
import { activeUsers, cursorResolver, findUser } from '../model/store';
import { ORG_ROLES } from '../model/types';
import type { RouteDef } from '../router';
import { userObject } from './serialize';

export const userReadRoutes: RouteDef[] = [
  {
    method: 'GET',
    path: '/v1/organizations/users',
    handler: ({ state, query }) => {
      const email = query.string('email')?.trim().toLowerCase();
      const roles = query.arrayOf('roles', ORG_ROLES);
      const items = activeUsers(state.model).filter(
        (u) => (email === undefined || u.email.toLowerCase() === email) && (!roles || roles.includes(u.role)),
      );
      return paginatePage(query, {
        items,
        keyOf: (u) => ({ rank: -u.addedAtMs, id: u.id }),
        resolveCursor: cursorResolver(state.model, 'users'),
        serialize: userObject,
      });
    },
  },
  {
    method: 'GET',
    path: '/v1/organizations/users/:user_id',
    handler: ({ state, params }) => userObject(findUser(state.model, params.user_id!)),
  },
];
