// Compliance settings (admin-api.md §3.11) and the Activity Feed (§5): reachable with an Admin key only while the
// Compliance API is enabled; other /v1/compliance/* routes refuse Admin keys with 401.
import { z } from 'zod';
import { parseBody } from '../body';
import { ApiError } from '../errors';
import { activityObject } from '../model/activities';
import { cursorResolver } from '../model/store';
import { paginatePage } from '../pagination';
import { parseTime } from '../reports/report-params';
import type { RouteDef } from '../router';

function settingsObject(enabled: boolean): unknown {
  return { type: 'compliance_settings', state: { type: enabled ? 'enabled' : 'disabled' } };
}

export const complianceRoutes: RouteDef[] = [
  {
    method: 'GET',
    path: '/v1/organizations/compliance_settings',
    handler: ({ state }) => settingsObject(state.activity.enabled),
  },
  {
    method: 'POST',
    path: '/v1/organizations/compliance_settings',
    handler: ({ state, body }) => {
      const req = parseBody(
        z.object({
          state: z.union([z.enum(['enabled', 'disabled']), z.object({ type: z.enum(['enabled', 'disabled']) })]),
        }),
        body,
      );
      const wanted = (typeof req.state === 'string' ? req.state : req.state.type) === 'enabled';
      if (wanted && !state.activity.enabled) {
        state.activity.enabled = true;
        // capture starts now; nothing before enablement is recorded (not retroactive)
        state.activity.enabledAtMs ??= state.clock.nowMs();
      }
      if (!wanted) state.activity.enabled = false;
      return settingsObject(state.activity.enabled);
    },
  },
  {
    method: 'GET',
    path: '/v1/compliance/activities',
    handler: ({ state, query }) => {
      if (!state.activity.enabled) {
        throw new ApiError(403, 'permission_error', 'The Compliance API is not enabled for this organization.');
      }
      const types = query.array('activity_types');
      const actors = query.array('actor_ids');
      const orgs = query.array('organization_ids');
      const gte = parseTime(query, 'created_at.gte', false);
      const gt = parseTime(query, 'created_at.gt', false);
      const lte = parseTime(query, 'created_at.lte', false);
      const lt = parseTime(query, 'created_at.lt', false);
      const org = state.model.org;
      if (orgs && !orgs.includes(org.complianceId) && !orgs.includes(org.id)) {
        return { data: [], has_more: false, first_id: null, last_id: null };
      }
      const items = state.activity.records.filter(
        (a) =>
          (!types || types.includes(a.type)) &&
          (!actors || (a.actor.type === 'user_actor' && actors.includes(a.actor.user_id))) &&
          (gte === undefined || a.createdAtMs >= gte) &&
          (gt === undefined || a.createdAtMs > gt) &&
          (lte === undefined || a.createdAtMs <= lte) &&
          (lt === undefined || a.createdAtMs < lt),
      );
      return paginatePage(query, {
        items,
        defaultLimit: 100,
        maxLimit: 5000,
        keyOf: (a) => ({ rank: -a.createdAtMs, id: a.id }),
        resolveCursor: cursorResolver(state.model, 'activities'),
        serialize: (a) => activityObject(state.model, a),
      });
    },
  },
];
