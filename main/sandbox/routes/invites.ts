// Invites (admin-api.md §3.3): create, list (email, roles[], statuses[] — deleted never listed), get,
// delete (pending only). Expiry is fixed at 21 days.
import { z } from 'zod';
import { parseBody } from '../body';
import { badRequest } from '../errors';
import { createInvite, deleteInvite } from '../model/actions';
import { paginatePage } from '../pagination';
import { activeUsers, cursorResolver, findInvite, inviteStatus } from '../model/store';
import { ORG_ROLES, type InviteStatus, type OrgRole } from '../model/types';
import type { RouteDef } from '../router';
import { apiActor } from '../state';
import { inviteObject } from './serialize';
import { ASSIGNABLE_ROLES } from './users-write';

/** `deleted` is not a filter value: deleted invites never appear in the list (admin-api.md §3.3). */
const STATUSES: readonly InviteStatus[] = ['accepted', 'expired', 'pending'];

export const inviteRoutes: RouteDef[] = [
  {
    method: 'POST',
    path: '/v1/organizations/invites',
    handler: ({ state, body, headers }) => {
      const req = parseBody(
        z.object({
          email: z.email(),
          role: z.string(),
          rbac_group_ids: z.array(z.string()).optional(),
        }),
        body,
      );
      if (!(ASSIGNABLE_ROLES as readonly string[]).includes(req.role)) {
        throw badRequest(`role: Input should be ${ASSIGNABLE_ROLES.map((r) => `'${r}'`).join(', ')}`);
      }
      const email = req.email.trim().toLowerCase();
      const now = state.clock.nowMs();
      if (activeUsers(state.model).some((u) => u.email.toLowerCase() === email)) {
        throw badRequest(`${email} is already a member of this organization.`, 'already_member');
      }
      if (
        [...state.model.invites.values()].some(
          (i) => i.email.toLowerCase() === email && inviteStatus(i, now) === 'pending',
        )
      ) {
        throw badRequest(`A pending invite for ${email} already exists.`, 'invite_already_exists');
      }
      const invite = createInvite(
        { state, actor: apiActor(state, headers['user-agent']), atMs: now },
        email,
        req.role as OrgRole,
        req.rbac_group_ids ?? [],
      );
      return inviteObject(invite, now);
    },
  },
  {
    method: 'GET',
    path: '/v1/organizations/invites',
    handler: ({ state, query }) => {
      const email = query.string('email')?.trim().toLowerCase();
      const roles = query.arrayOf('roles', ORG_ROLES);
      const statuses = query.arrayOf('statuses', STATUSES) ?? ['accepted', 'expired', 'pending'];
      const now = state.clock.nowMs();
      const items = [...state.model.invites.values()].filter(
        (i) =>
          (email === undefined || i.email.toLowerCase() === email) &&
          (!roles || roles.includes(i.role)) &&
          statuses.includes(inviteStatus(i, now)),
      );
      return paginatePage(query, {
        items,
        keyOf: (i) => ({ rank: -i.invitedAtMs, id: i.id }),
        resolveCursor: cursorResolver(state.model, 'invites'),
        serialize: (i) => inviteObject(i, now),
      });
    },
  },
  {
    method: 'GET',
    path: '/v1/organizations/invites/:invite_id',
    handler: ({ state, params }) => inviteObject(findInvite(state.model, params.invite_id!), state.clock.nowMs()),
  },
  {
    method: 'DELETE',
    path: '/v1/organizations/invites/:invite_id',
    handler: ({ state, params, headers }) => {
      const invite = findInvite(state.model, params.invite_id!);
      const now = state.clock.nowMs();
      const status = inviteStatus(invite, now);
      if (status !== 'pending') throw badRequest(`Only pending invites can be deleted; this invite is ${status}.`);
      deleteInvite({ state, actor: apiActor(state, headers['user-agent']), atMs: now }, invite);
      return { id: invite.id, type: 'invite_deleted' };
    },
  },
];
