// Spend limits (admin-api.md §3.8). The list needs `anthropic-beta: spend-limit-reads-2026-09-26` (404 without, as
// if the route did not exist). This org is a Console org: it writes organization/workspace monthly limits;
// user-scoped limits and effective summaries are Claude Enterprise only; reading and writing are each an
// early-access preview (options spendLimitReads, default on, and spendLimitWrites, default off); without it the
// routes answer 403. All spend-limit routes share 60 req/min.
import { z } from 'zod';
import { parseBody } from '../body';
import { ApiError, badRequest, notFound } from '../errors';
import { makeId } from '../model/ids';
import { rngFor } from '../model/prng';
import { findWorkspace } from '../model/store';
import type { SpendLimitRec, SpendScope } from '../model/types';
import { paginateCursor } from '../page-cursor';
import { hasBeta } from '../reports/usage-report';
import type { RequestContext, RouteDef } from '../router';
import { iso } from './serialize';

export const SPEND_LIMIT_READS_BETA = 'spend-limit-reads-2026-09-26';
const SCOPE_TYPES = [
  'user',
  'seat_tier',
  'rbac_group',
  'organization_service',
  'organization',
  'workspace',
  'usage_tier',
] as const;
/** the scope types that apply to a Console organization; the others are a 400 in a filter */
const CONSOLE_SCOPE_TYPES: readonly string[] = ['organization', 'workspace', 'usage_tier'];
const WINDOW_MS = 60_000;
const MAX_PER_WINDOW = 60;
const recent = new WeakMap<object, number[]>();

/** 60 requests/minute per organization across all spend-limit endpoints (real time, not the virtual clock). */
function throttle(ctx: RequestContext): void {
  const now = Date.now();
  const times = (recent.get(ctx.state) ?? []).filter((t) => t > now - WINDOW_MS);
  if (times.length >= MAX_PER_WINDOW) {
    const err = new ApiError(429, 'rate_limit_error', 'Spend Limits API rate limit exceeded (60 requests per minute).');
    err.headers = { 'retry-after': String(Math.ceil((times[0]! + WINDOW_MS - now) / 1000)) };
    throw err;
  }
  times.push(now);
  recent.set(ctx.state, times);
}

export function spendLimitObject(s: SpendLimitRec): unknown {
  return {
    id: s.id,
    type: 'spend_limit',
    amount: s.amount,
    currency: 'USD',
    period: s.period,
    is_enabled: s.isEnabled,
    scope: { ...s.scope },
    created_at: iso(s.createdAtMs),
    updated_at: iso(s.updatedAtMs),
  };
}

function find(ctx: RequestContext): SpendLimitRec {
  const rec = ctx.state.model.spendLimits.get(ctx.params.spend_limit_id!);
  if (!rec) throw notFound(`Spend limit ${ctx.params.spend_limit_id} not found.`);
  return rec;
}

function assertWritesEnabled(ctx: RequestContext): void {
  if (!ctx.state.spendLimitWrites) {
    throw new ApiError(
      403,
      'permission_error',
      'Spend limit writes through the Admin API are not enabled for this organization.',
      'spend_limits_admin_api_writes_not_enabled',
    );
  }
}

/** Console orgs read spend limits only in the early-access preview (the same 403 otherwise). */
function assertReadsEnabled(ctx: RequestContext): void {
  if (!ctx.state.spendLimitReads) {
    throw new ApiError(
      403,
      'permission_error',
      'This organization cannot retrieve, set or delete spend limits with an Admin API credential.',
      'spend_limits_admin_api_writes_not_enabled',
    );
  }
}

const sameScope = (a: SpendScope, b: SpendScope) => JSON.stringify(a) === JSON.stringify(b);
const enterpriseOnly = (what: string) =>
  badRequest(`${what} are only available for Claude Enterprise organizations.`, 'organization_type_not_supported');

export const spendLimitRoutes: RouteDef[] = [
  {
    method: 'GET',
    path: '/v1/organizations/spend_limits',
    handler: (ctx) => {
      if (!hasBeta(ctx, SPEND_LIMIT_READS_BETA)) throw notFound(`Not found: GET /v1/organizations/spend_limits`);
      throttle(ctx);
      assertReadsEnabled(ctx);
      const types = ctx.query.arrayOf('scope_type', SCOPE_TYPES);
      const foreign = types?.find((t) => !CONSOLE_SCOPE_TYPES.includes(t));
      if (foreign) throw badRequest(`scope_type: '${foreign}' does not apply to a Claude Console organization`);
      const wsId = ctx.query.string('workspace_id');
      if (wsId !== undefined) findWorkspace(ctx.state.model, wsId);
      // a Console organization's limits come newest first (SDK doc comment)
      const items = [...ctx.state.model.spendLimits.values()]
        .filter(
          (s) =>
            (!types || types.includes(s.scope.type)) &&
            (wsId === undefined || (s.scope.type === 'workspace' && s.scope.workspace_id === wsId)),
        )
        .sort((a, b) => b.createdAtMs - a.createdAtMs || (a.id < b.id ? -1 : 1));
      return paginateCursor(ctx.query, items, spendLimitObject, 20);
    },
  },
  {
    method: 'GET',
    path: '/v1/organizations/spend_limits/effective',
    handler: (ctx) => {
      throttle(ctx);
      throw enterpriseOnly('Effective spend limits');
    },
  },
  {
    method: 'GET',
    path: '/v1/organizations/spend_limits/:spend_limit_id',
    handler: (ctx) => {
      throttle(ctx);
      assertReadsEnabled(ctx);
      return spendLimitObject(find(ctx));
    },
  },
  {
    method: 'POST',
    path: '/v1/organizations/spend_limits',
    handler: (ctx) => {
      throttle(ctx);
      assertReadsEnabled(ctx);
      assertWritesEnabled(ctx);
      const req = parseBody(
        z.object({
          scope: z.union([
            z.object({ type: z.literal('organization') }),
            z.object({ type: z.literal('workspace'), workspace_id: z.string() }),
            z
              .object({ type: z.enum(['user', 'seat_tier', 'rbac_group', 'organization_service', 'usage_tier']) })
              .passthrough(),
          ]),
          amount: z.string().regex(/^\d+$/, 'amount must be a string of minor units, e.g. "50000"').nullable(),
          period: z.enum(['daily', 'weekly', 'monthly']).optional(),
        }),
        ctx.body,
      );
      if (req.scope.type === 'usage_tier') throw badRequest('usage_tier spend limits are read-only.');
      if (req.scope.type !== 'organization' && req.scope.type !== 'workspace')
        throw enterpriseOnly(`${req.scope.type} spend limits`);
      if ((req.period ?? 'monthly') !== 'monthly') throw badRequest('period: only monthly spend limits are supported.');
      // Console organization and workspace limits always carry an amount
      if (req.amount === null) throw badRequest('amount: organization and workspace spend limits need an amount');
      if (req.scope.type === 'workspace') findWorkspace(ctx.state.model, req.scope.workspace_id);
      const scope = req.scope as SpendScope;
      const now = ctx.state.clock.nowMs();
      const existing = [...ctx.state.model.spendLimits.values()].find(
        (s) => sameScope(s.scope, scope) && s.period === 'monthly',
      );
      if (existing) {
        existing.amount = req.amount;
        existing.updatedAtMs = now;
        return spendLimitObject(existing);
      }
      const id = makeId('spl', rngFor(ctx.state.model.seed, 'spend-limit', now, ctx.state.model.spendLimits.size));
      const rec: SpendLimitRec = {
        id,
        amount: req.amount,
        period: 'monthly',
        isEnabled: true,
        scope,
        createdAtMs: now,
        updatedAtMs: now,
      };
      ctx.state.model.spendLimits.set(id, rec);
      return spendLimitObject(rec);
    },
  },
  {
    method: 'DELETE',
    path: '/v1/organizations/spend_limits/:spend_limit_id',
    handler: (ctx) => {
      throttle(ctx);
      assertReadsEnabled(ctx);
      assertWritesEnabled(ctx);
      const rec = find(ctx);
      if (rec.scope.type === 'usage_tier') throw badRequest('usage_tier spend limits are read-only.');
      ctx.state.model.spendLimits.delete(rec.id);
      return { id: rec.id, type: 'spend_limit_deleted' };
    },
  },
];
