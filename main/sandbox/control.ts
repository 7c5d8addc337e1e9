// The loopback control API under /_control, guarded by a bearer token: clock, events, faults, compliance,
// admin-key revocation, key shape and the request log. Scripts and tests drive the sandbox through it.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import { generateAdminKey } from './auth';
import { parseBody } from './body';
import { ApiError, badRequest, notFound, unauthorized } from './errors';
import { applyEvent, catchUpSeededEvents, orgEventSchema } from './events';
import { faultRuleSchema, type FaultInjector } from './faults';
import { sendError, sendJson } from './server';
import type { SandboxState } from './state';

export interface ControlDeps {
  state: SandboxState;
  faults: FaultInjector;
  token: string;
  /** called when the admin key is rotated so the handle can expose the new one */
  onAdminKey: (key: string) => void;
}

function authorized(req: IncomingMessage, token: string): boolean {
  const m = /^Bearer\s+(.+)$/i.exec(req.headers.authorization ?? '');
  if (!m) return false;
  const given = Buffer.from(m[1]!.trim());
  const want = Buffer.from(token);
  return given.length === want.length && timingSafeEqual(given, want);
}

function isLoopback(req: IncomingMessage): boolean {
  const addr = req.socket.remoteAddress ?? '';
  return addr === '127.0.0.1' || addr === '::1' || addr === '::ffff:127.0.0.1';
}

function stateSummary(state: SandboxState): unknown {
  const m = state.model;
  return {
    now: state.clock.now().toISOString(),
    frozen: state.clock.isFrozen(),
    seed: m.seed,
    size: m.size,
    org: { id: m.org.id, name: m.org.name },
    keyShape: state.keyShape,
    compliance: { enabled: state.activity.enabled, activities: state.activity.records.length },
    counts: {
      users: [...m.users.values()].filter((u) => u.removedAtMs === null).length,
      workspaces: m.workspaces.size,
      apiKeys: m.apiKeys.size,
      invites: m.invites.size,
    },
    seededEvents: state.seededEvents,
  };
}

function route(deps: ControlDeps, method: string, path: string, body: unknown): unknown {
  const { state, faults } = deps;
  const key = `${method} ${path.replace(/^\/_control/, '') || '/'}`;
  switch (key) {
    case 'GET /':
    case 'GET /state':
      return stateSummary(state);
    case 'POST /clock': {
      const req = parseBody(
        z.object({
          set: z.union([z.string(), z.number()]).optional(),
          advanceMs: z.number().nonnegative().optional(),
          freeze: z.boolean().optional(),
        }),
        body,
      );
      if (req.set !== undefined) {
        const at = typeof req.set === 'number' ? req.set : Date.parse(req.set);
        if (Number.isNaN(at)) throw badRequest('set: not a date');
        state.clock.set(at);
      }
      if (req.advanceMs !== undefined) state.clock.advance(req.advanceMs);
      if (req.freeze) state.clock.freeze();
      catchUpSeededEvents(state);
      return { now: state.clock.now().toISOString() };
    }
    case 'POST /events': {
      const req = parseBody(z.object({ events: z.array(orgEventSchema).min(1) }), body);
      catchUpSeededEvents(state);
      return { applied: req.events.map((e) => ({ type: e.type, ...applyEvent(state, e, state.clock.nowMs()) })) };
    }
    case 'POST /seeded-events':
      state.seededEvents = parseBody(z.object({ enabled: z.boolean() }), body).enabled;
      state.eventsThroughMs = state.clock.nowMs();
      return { seededEvents: state.seededEvents };
    case 'GET /faults':
      return { rules: faults.list() };
    case 'POST /faults': {
      const req = parseBody(
        z.object({ rules: z.array(faultRuleSchema), mode: z.enum(['replace', 'append']).default('replace') }),
        body,
      );
      if (req.mode === 'replace') faults.set(req.rules);
      else faults.add(req.rules);
      return { rules: faults.list() };
    }
    case 'DELETE /faults':
      faults.set([]);
      return { rules: [] };
    case 'POST /compliance': {
      const enabled = parseBody(z.object({ enabled: z.boolean() }), body).enabled;
      state.activity.enabled = enabled;
      if (enabled) state.activity.enabledAtMs ??= state.clock.nowMs();
      return { enabled };
    }
    case 'POST /spend-limit-writes':
      state.spendLimitWrites = parseBody(z.object({ enabled: z.boolean() }), body).enabled;
      return { spendLimitWrites: state.spendLimitWrites };
    case 'POST /spend-limit-reads':
      state.spendLimitReads = parseBody(z.object({ enabled: z.boolean() }), body).enabled;
      return { spendLimitReads: state.spendLimitReads };
    case 'POST /report-limits': {
      const req = parseBody(
        z
          .object({
            maxPageResults: z.number().int().positive().nullable().optional(),
            tooManyGroupsDays: z.array(z.string().regex(/^\d{4}-\d{2}-\d{2}$/)).optional(),
          })
          .strict(),
        body,
      );
      if (req.maxPageResults !== undefined) state.reportSize.maxPageResults = req.maxPageResults;
      if (req.tooManyGroupsDays !== undefined) state.reportSize.tooManyGroupsDays = new Set(req.tooManyGroupsDays);
      return {
        maxPageResults: state.reportSize.maxPageResults,
        tooManyGroupsDays: [...state.reportSize.tooManyGroupsDays],
      };
    }
    case 'POST /key-shape':
      state.keyShape = parseBody(z.object({ keyShape: z.enum(['new', 'legacy', 'both']) }), body).keyShape;
      return { keyShape: state.keyShape };
    case 'POST /admin-key/revoke': {
      for (const k of state.auth.adminKeys) state.auth.revokedKeys.add(k);
      state.auth.adminKeys.clear();
      return { revoked: true };
    }
    case 'POST /admin-key/rotate': {
      const fresh = generateAdminKey();
      for (const k of state.auth.adminKeys) state.auth.revokedKeys.add(k);
      state.auth.adminKeys = new Set([fresh]);
      deps.onAdminKey(fresh);
      return { adminKey: fresh };
    }
    case 'GET /requests':
      return { requests: state.requestLog };
    case 'DELETE /requests':
      state.requestLog.length = 0;
      return { requests: [] };
    default:
      throw notFound(`Unknown control endpoint: ${key}`);
  }
}

export function createControlHandler(deps: ControlDeps) {
  return async (req: IncomingMessage, res: ServerResponse, path: string, raw: Buffer): Promise<void> => {
    const requestId = res.getHeader('request-id') as string;
    try {
      if (!isLoopback(req))
        throw new ApiError(403, 'permission_error', 'The control API answers loopback clients only.');
      if (!authorized(req, deps.token)) throw unauthorized('control API: missing or wrong bearer token');
      let body: unknown;
      if (raw.length > 0) {
        try {
          body = JSON.parse(raw.toString('utf8'));
        } catch {
          throw badRequest('body is not valid JSON');
        }
      }
      sendJson(res, 200, route(deps, req.method ?? 'GET', path, body));
    } catch (err) {
      sendError(res, err instanceof ApiError ? err : new ApiError(500, 'api_error', String(err)), requestId);
    }
  };
}
