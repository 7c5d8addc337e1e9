// Organization rate limits (admin-api.md §3.7). Group ids (rlg_…) are the same in every org, so they are derived
// from the group name only; entry ids are stable within an org and differ between orgs (SDK doc comment).
import { createRng, hashSeed } from './prng';

export const LIMITER_TYPES = [
  'requests_per_minute',
  'input_tokens_per_minute',
  'input_tokens_per_minute_cache_aware',
  'output_tokens_per_minute',
  'tokens_per_minute',
  'tokens_per_day',
  'tool_uses_per_second',
  'fast_itpmca',
  'fast_otpm',
  'enqueued_batch_requests',
] as const;

export type GroupType = 'model_group' | 'batch' | 'token_count' | 'files' | 'skills' | 'web_search';
export const GROUP_TYPES: readonly GroupType[] = [
  'model_group',
  'batch',
  'token_count',
  'files',
  'skills',
  'web_search',
];

export interface RateLimitEntry {
  id: string;
  group: { id: string; type: GroupType; display_name?: string };
  limits: Array<{ type: string; value: number }>;
  models: string[] | null;
}

function fixedId(prefix: string, name: string): string {
  return `${prefix}_01${createRng(hashSeed('rate-limit-catalog', name)).base62(22)}`;
}

/** model names including aliases (a dated id's alias is the id without its date), as the SDK documents */
function withAliases(models: string[]): string[] {
  return models.flatMap((m) => (/-\d{8}$/.test(m) ? [m, m.replace(/-\d{8}$/, '')] : [m]));
}

function modelGroup(name: string, models: string[], rpm: number, itpm: number, otpm: number): RateLimitEntry {
  models = withAliases(models);
  return {
    id: name,
    group: { id: fixedId('rlg', name), type: 'model_group', display_name: name },
    limits: [
      { type: 'requests_per_minute', value: rpm },
      // on current models the org input limit is cache-aware (SDK doc comment)
      { type: 'input_tokens_per_minute_cache_aware', value: itpm },
      { type: 'output_tokens_per_minute', value: otpm },
    ],
    models,
  };
}

function otherGroup(type: GroupType, limits: Array<{ type: string; value: number }>): RateLimitEntry {
  return { id: type, group: { id: fixedId('rlg', type), type }, limits, models: null };
}

/** A tier-4-like org; `id` here is a placeholder replaced per org by rateLimitCatalog(). */
const TEMPLATE: readonly RateLimitEntry[] = [
  modelGroup('Claude Opus 5.x', ['claude-opus-5', 'claude-opus-5-5'], 4000, 2_000_000, 400_000),
  modelGroup('Claude Opus 4.x', ['claude-opus-4-6'], 4000, 2_000_000, 400_000),
  modelGroup('Claude Sonnet 5.x', ['claude-sonnet-5', 'claude-sonnet-5-5'], 4000, 2_000_000, 400_000),
  modelGroup('Claude Sonnet 4.x', ['claude-sonnet-4-5-20250929', 'claude-sonnet-4-6'], 4000, 2_000_000, 400_000),
  modelGroup('Claude Haiku 4.x', ['claude-haiku-4-5-20251001'], 4000, 4_000_000, 800_000),
  otherGroup('batch', [{ type: 'enqueued_batch_requests', value: 500_000 }]),
  otherGroup('token_count', [{ type: 'requests_per_minute', value: 8000 }]),
  otherGroup('files', [{ type: 'requests_per_minute', value: 1000 }]),
  otherGroup('skills', [{ type: 'requests_per_minute', value: 1000 }]),
  otherGroup('web_search', [{ type: 'requests_per_minute', value: 2000 }]),
];

const byOrg = new Map<string, readonly RateLimitEntry[]>();

export function rateLimitCatalog(orgId: string): readonly RateLimitEntry[] {
  let entries = byOrg.get(orgId);
  if (!entries) {
    entries = TEMPLATE.map((e) => ({
      ...e,
      id: `ratelimit_01${createRng(hashSeed(orgId, 'rate-limit', e.id)).base62(22)}`,
    }));
    byOrg.set(orgId, entries);
  }
  return entries;
}

export function findRateLimitEntry(orgId: string, id: string): RateLimitEntry | undefined {
  return rateLimitCatalog(orgId).find((e) => e.id === id);
}

/** full model id or its alias (id without the date suffix) */
export function entryForModel(orgId: string, model: string): RateLimitEntry | undefined {
  return rateLimitCatalog(orgId).find((e) => e.models?.some((m) => m === model || m.replace(/-\d{8}$/, '') === model));
}
