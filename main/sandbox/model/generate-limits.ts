// Workspace rate-limit overrides and spend limits of the generated org.
import { makeId } from './ids';
import { rngFor } from './prng';
import { rateLimitCatalog } from './rate-limit-catalog';
import { DAY_MS } from './sizes';
import type { OrgModel, SpendLimitRec, WorkspaceRec } from './types';

export function generateRateLimitOverrides(model: OrgModel, workspaces: WorkspaceRec[]): void {
  for (const ws of workspaces) {
    if (ws.isDefault) continue; // the default workspace cannot carry overrides
    const rng = rngFor(model.seed, 'rate-limit-overrides', ws.id);
    const tight = /Staging|Development|Sandbox|Experiments/.test(ws.name);
    if (!tight && !rng.chance(0.15)) continue;
    const entry = rng.pick(rateLimitCatalog(model.org.id).filter((e) => e.group.type === 'model_group'));
    const limits = new Map<string, number>([['requests_per_minute', rng.pick([50, 100, 250, 500])]]);
    if (rng.chance(0.5))
      limits.set(
        rng.chance(0.7) ? 'input_tokens_per_minute_cache_aware' : 'input_tokens_per_minute',
        rng.pick([40_000, 100_000, 400_000]),
      );
    model.rateLimitOverrides.set(ws.id, new Map([[entry.id, limits]]));
  }
}

export function generateSpendLimits(model: OrgModel, workspaces: WorkspaceRec[], nowMs: number): void {
  const add = (label: string, rec: Omit<SpendLimitRec, 'id'>) => {
    const id = makeId('spl', rngFor(model.seed, 'spend-limit', label));
    model.spendLimits.set(id, { id, ...rec });
  };
  const since = model.historyStartMs;
  add('usage_tier', {
    amount: '20000000',
    period: 'monthly',
    isEnabled: true,
    scope: { type: 'usage_tier' },
    createdAtMs: since,
    updatedAtMs: since,
  });
  add('organization', {
    amount: '1500000',
    period: 'monthly',
    isEnabled: true,
    scope: { type: 'organization' },
    createdAtMs: since + 5 * DAY_MS,
    updatedAtMs: nowMs - 12 * DAY_MS,
  });
  for (const ws of workspaces) {
    if (ws.isDefault || ws.archivedAtMs !== null) continue;
    const rng = rngFor(model.seed, 'spend-limit', ws.id);
    if (!/Production|Research/.test(ws.name) && !rng.chance(0.1)) continue;
    add(ws.id, {
      amount: String(rng.pick([50_000, 200_000, 500_000, 1_000_000])),
      period: 'monthly',
      isEnabled: true,
      scope: { type: 'workspace', workspace_id: ws.id },
      createdAtMs: ws.createdAtMs + DAY_MS,
      updatedAtMs: ws.createdAtMs + DAY_MS,
    });
  }
}
