// GET /v1/organizations/usage_report/claude_code (admin-api.md §4.3): one UTC day, one record per actor.
import { badRequest } from '../errors';
import { rngFor } from '../model/prng';
import { DAY_MS, HOUR_MS } from '../model/sizes';
import { activeUsers } from '../model/store';
import type { OrgModel } from '../model/types';
import { tokenCostNanocents } from '../pricing';
import type { RouteDef } from '../router';
import { decodeCursor, encodeCursor } from './report-params';

const TERMINALS = ['vscode', 'iTerm.app', 'tmux', 'cursor', 'Apple_Terminal', 'ghostty', 'WindowsTerminal'] as const;
const CODE_MODELS = [
  'claude-sonnet-4-5-20250929',
  'claude-opus-4-6',
  'claude-haiku-4-5-20251001',
  'claude-sonnet-5',
] as const;

interface Actor {
  seedId: string;
  actor: { type: 'user_actor'; email_address: string } | { type: 'api_actor'; api_key_name: string };
  activity: number;
}

function actors(model: OrgModel): Actor[] {
  const out: Actor[] = [];
  for (const u of activeUsers(model)) {
    if (!['claude_code_user', 'developer', 'admin'].includes(u.role)) continue;
    out.push({
      seedId: u.id,
      actor: { type: 'user_actor', email_address: u.email },
      activity: u.role === 'claude_code_user' ? 0.8 : 0.45,
    });
  }
  for (const k of model.apiKeys.values()) {
    if (k.scopeType === 'organization' && k.status === 'active') {
      out.push({ seedId: k.id, actor: { type: 'api_actor', api_key_name: k.name }, activity: 0.6 });
    }
  }
  return out;
}

function record(model: OrgModel, a: Actor, dayMs: number, fraction: number): unknown | null {
  const rng = rngFor(model.seed, 'claude-code', a.seedId, dayMs / DAY_MS);
  const weekend = [0, 6].includes(new Date(dayMs).getUTCDay());
  if (rng.next() >= a.activity * (weekend ? 0.2 : 1)) return null;
  const scale = (n: number) => Math.round(n * fraction);
  const sessions = scale(rng.int(1, 9));
  if (sessions === 0) return null;
  const tool = () => ({ accepted: scale(rng.int(0, 60)), rejected: scale(rng.int(0, 8)) });
  const models = rng.chance(0.6)
    ? [rng.pick(CODE_MODELS)]
    : [...new Set([rng.pick(CODE_MODELS), rng.pick(CODE_MODELS)])];
  return {
    date: new Date(dayMs).toISOString().replace('.000Z', 'Z'),
    actor: a.actor,
    organization_id: model.org.id,
    customer_type: 'api',
    subscription_type: null,
    terminal_type: rng.pick(TERMINALS),
    core_metrics: {
      num_sessions: sessions,
      lines_of_code: { added: scale(rng.int(20, 2_500)), removed: scale(rng.int(5, 900)) },
      commits_by_claude_code: scale(rng.int(0, 12)),
      pull_requests_by_claude_code: scale(rng.int(0, 3)),
    },
    tool_actions: { edit_tool: tool(), multi_edit_tool: tool(), notebook_edit_tool: tool(), write_tool: tool() },
    model_breakdown: models.map((m) => {
      const tokens = {
        input: scale(rng.int(5_000, 400_000)),
        output: scale(rng.int(2_000, 120_000)),
        cache_read: scale(rng.int(50_000, 4_000_000)),
        cache_creation: scale(rng.int(5_000, 300_000)),
      };
      const ctx = { model: m, atMs: dayMs, serviceTier: 'standard', contextWindow: '0-200k', inferenceGeo: 'global' };
      const nanocents =
        tokenCostNanocents(BigInt(tokens.input), 'uncached_input_tokens', ctx) +
        tokenCostNanocents(BigInt(tokens.output), 'output_tokens', ctx) +
        tokenCostNanocents(BigInt(tokens.cache_read), 'cache_read_input_tokens', ctx) +
        tokenCostNanocents(BigInt(tokens.cache_creation), 'cache_creation.ephemeral_5m_input_tokens', ctx);
      // documented as a NUMBER of cents (unlike cost_report's strings)
      return {
        model: m,
        tokens,
        estimated_cost: { amount: Math.round(Number(nanocents) / 1e5) / 1e4, currency: 'USD' },
      };
    }),
  };
}

export const claudeCodeReportRoutes: RouteDef[] = [
  {
    method: 'GET',
    path: '/v1/organizations/usage_report/claude_code',
    handler: ({ state, query }) => {
      const day = query.string('starting_at');
      if (day === undefined) throw badRequest('starting_at: Field required');
      if (!/^\d{4}-\d{2}-\d{2}$/.test(day) || Number.isNaN(Date.parse(`${day}T00:00:00Z`))) {
        throw badRequest(`starting_at: expected a UTC day as YYYY-MM-DD, got '${day}'`);
      }
      const limit = query.int('limit', 20, 1, 1000);
      const offset = decodeCursor(query) ?? 0;
      const dayMs = Date.parse(`${day}T00:00:00Z`);
      // only data older than one hour is reported (admin-api.md §4.3)
      const visibleUntil = state.clock.nowMs() - HOUR_MS;
      const fraction = Math.max(0, Math.min(1, (visibleUntil - dayMs) / DAY_MS));
      const all =
        fraction === 0
          ? []
          : actors(state.model)
              .map((a) => record(state.model, a, dayMs, fraction))
              .filter((r) => r !== null);
      const data = all.slice(offset, offset + limit);
      const next = offset + limit < all.length ? offset + limit : null;
      return { data, has_more: next !== null, next_page: next === null ? null : encodeCursor(query, next) };
    },
  },
];
