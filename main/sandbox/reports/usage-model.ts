// On-demand usage generation. For each traffic source (an API key, or Console Workbench usage with no key) and UTC
// day, a seeded generator yields that day's rows (model × tier × geo × context window → token counts) and an hourly
// and per-minute rhythm. Any sub-range of a day is cut from the day totals with telescoping integer splits, so
// minute, hour and day buckets always sum to exactly the same totals. Nothing is materialised beyond a small memo.
import { rngFor } from '../model/prng';
import { DAY_MS } from '../model/sizes';
import { presetTraffic } from '../model/traffic';
import type { OrgModel, TrafficProfile } from '../model/types';

/** token counters in a fixed order */
export const COUNTERS = ['uncached', 'cache1h', 'cache5m', 'cacheRead', 'output', 'webSearch'] as const;
export type Counters = [number, number, number, number, number, number];

export interface UsageSource {
  id: string; // seed label
  apiKeyId: string | null;
  /** null = default workspace (classic report convention) */
  workspaceId: string | null;
  accountId: string | null;
  serviceAccountId: string | null;
  traffic: TrafficProfile;
  activeFromMs: number;
}

export interface UsageRow {
  /** memo of the last grouping key computed for this row (rows are shared through the day cache) */
  keyMemo?: { sig: string; key: string; dims: unknown };
  model: string;
  serviceTier: string;
  contextWindow: string;
  inferenceGeo: string;
  speed: string;
  tokens: Counters;
}

export interface DayUsage {
  rows: UsageRow[];
  /** cumulative hour weights, length 25 */
  hourCum: number[];
  /** cumulative minute weights inside an hour, length 61 */
  minuteCum: number[];
}

const EMPTY_DAY: DayUsage = { rows: [], hourCum: [], minuteCum: [] };

/** Usage appears in the report a few minutes after it happens (admin-api.md §4.6). */
export const REPORT_LAG_MS = 5 * 60_000;

const PRE_GEO_MODELS = new Set(['claude-sonnet-4-5-20250929', 'claude-haiku-4-5-20251001']);
const LONG_CONTEXT_MODELS = new Set([
  'claude-sonnet-4-5-20250929',
  'claude-sonnet-4-6',
  'claude-sonnet-5',
  'claude-sonnet-5-5',
]);

export function usageSources(model: OrgModel): UsageSource[] {
  const sources: UsageSource[] = [];
  for (const key of model.apiKeys.values()) {
    sources.push({
      id: key.id,
      apiKeyId: key.id,
      workspaceId:
        key.scopeType === 'organization' || key.workspaceId === model.defaultWorkspaceId ? null : key.workspaceId,
      accountId: key.principal?.type === 'user_actor' ? key.principal.user_id : null,
      serviceAccountId: key.principal?.type === 'service_account_actor' ? key.principal.service_account_id : null,
      traffic: key.traffic,
      activeFromMs: key.createdAtMs,
    });
  }
  // Console Workbench / playground usage carries no api_key_id (admin-api.md §4.1)
  sources.push({
    id: 'workbench',
    apiKeyId: null,
    workspaceId: null,
    accountId: null,
    serviceAccountId: null,
    traffic: presetTraffic(rngFor(model.seed, 'workbench'), 'low'),
    activeFromMs: model.historyStartMs,
  });
  return sources;
}

/** Minute-aligned window in which a source can have reportable usage. */
export function activeWindow(source: UsageSource, historyStartMs: number, nowMs: number): [number, number] {
  const from = Math.ceil(Math.max(source.activeFromMs, historyStartMs) / 60_000) * 60_000;
  const stop = Math.min(source.traffic.lastTrafficMs ?? Infinity, nowMs - REPORT_LAG_MS);
  return [from, Math.floor(stop / 60_000) * 60_000];
}

/** Memo of generated days: source id → day index → usage (numeric inner keys keep lookups cheap). */
export class DayUsageCache {
  private readonly memo = new Map<string, Map<number, DayUsage>>();
  private size = 0;
  // bounded: about a third of entries are active days holding a few rows each (tens of MB at most)
  constructor(
    private readonly seed: number,
    private readonly max = 150_000,
  ) {}

  get(source: UsageSource, dayStartMs: number): DayUsage {
    let perSource = this.memo.get(source.id);
    if (!perSource) {
      perSource = new Map();
      this.memo.set(source.id, perSource);
    }
    const dayIndex = dayStartMs / DAY_MS;
    let day = perSource.get(dayIndex);
    if (!day) {
      day = generateDay(this.seed, source, dayStartMs);
      if (this.size >= this.max) {
        this.memo.clear();
        this.size = 0;
      }
      perSource.set(dayIndex, day);
      this.size++;
    }
    return day;
  }
}

function cumulative(weights: number[]): number[] {
  const out = [0];
  for (const w of weights) out.push((out[out.length - 1] as number) + w);
  return out;
}

/** A small fixed set of daily and hourly rhythms (business hours busiest), shared by all generated days. */
const PROFILE_COUNT = 32;
let hourProfiles: number[][] | undefined;
let minuteProfiles: number[][] | undefined;

function hourWeights(i: number): number[] {
  const rng = rngFor('hour-profile', i);
  return Array.from({ length: 24 }, (_, h) => (h >= 8 && h < 18 ? 10 : h >= 6 && h < 22 ? 4 : 1) + rng.int(0, 3));
}

function profiles(): { hours: number[][]; minutes: number[][] } {
  hourProfiles ??= Array.from({ length: PROFILE_COUNT }, (_, i) => cumulative(hourWeights(i)));
  minuteProfiles ??= Array.from({ length: PROFILE_COUNT }, (_, i) => {
    const rng = rngFor('minute-profile', i);
    return cumulative(Array.from({ length: 60 }, () => 1 + rng.int(0, 4)));
  });
  return { hours: hourProfiles, minutes: minuteProfiles };
}

export function generateDay(seed: number, source: UsageSource, dayStartMs: number): DayUsage {
  const t = source.traffic;
  if (t.dailyActivity <= 0 || t.scale <= 0) return EMPTY_DAY;
  const dayIndex = Math.floor(dayStartMs / DAY_MS);
  const rng = rngFor(seed, 'usage', source.id, dayIndex);
  const weekday = (dayIndex + 4) % 7; // 1970-01-01 was a Thursday; 0 = Sunday
  const weekend = weekday === 0 || weekday === 6;
  if (rng.next() >= t.dailyActivity * (weekend ? 0.35 : 1)) return EMPTY_DAY;
  const spike = rng.chance(0.04) ? rng.int(4, 15) : 1;
  const { hours, minutes } = profiles();
  const profile = rng.int(0, PROFILE_COUNT - 1);
  let hourCum = hours[profile] as number[];
  if (spike > 1) {
    // one hour of the day takes a burst
    const weights = hourWeights(profile);
    weights[rng.int(0, 23)]! += 30 * spike;
    hourCum = cumulative(weights);
  }
  const minuteCum = minutes[rng.int(0, PROFILE_COUNT - 1)] as number[];
  const dayUncached = t.scale * 12 * (0.5 + rng.next()) * spike * (weekend ? 0.5 : 1);
  const cacheRatio = rngFor(seed, 'cache-ratio', source.id).next() * 4;

  const rows: UsageRow[] = [];
  const modelShares = t.models.map(() => 0.2 + rng.next());
  const modelTotal = modelShares.reduce((a, b) => a + b, 0);
  t.models.forEach((model, mi) => {
    for (const tier of t.serviceTiers) {
      const tierShare = tier === 'standard' ? 1 : tier === 'batch' ? 0.35 : 0.15;
      const base = ((dayUncached * (modelShares[mi] as number)) / modelTotal) * tierShare;
      for (const [geo, ctx, share] of splits(model, tier, t.usGeoShare)) {
        const uncached = Math.round(base * share);
        if (uncached <= 0) continue;
        const cache1h = rng.chance(0.1) ? Math.round(uncached * 0.05 * rng.next()) : 0;
        const cache5m = Math.round(uncached * 0.1 * rng.next());
        const cacheRead = Math.round(uncached * cacheRatio * (0.5 + rng.next()));
        const output = Math.round(uncached * (0.15 + 0.35 * rng.next()));
        const webSearch = rng.chance(0.08) ? rng.int(1, 12) * spike : 0;
        rows.push({
          model,
          serviceTier: tier,
          contextWindow: ctx,
          inferenceGeo: geo,
          speed: 'standard',
          tokens: [uncached, cache1h, cache5m, cacheRead, output, webSearch],
        });
      }
    }
  });
  return { rows, hourCum, minuteCum };
}

/** (inference_geo, context_window, share). Batch never runs in the US-only geo nor with long context, and no
 *  model carries both the US and the long-context premium, so every cost stays a whole number of nanocents. */
function splits(model: string, tier: string, usShare: number): Array<[string, string, number]> {
  const out: Array<[string, string, number]> = [];
  const long = tier === 'standard' && LONG_CONTEXT_MODELS.has(model) ? 0.06 : 0;
  const geoAware = !PRE_GEO_MODELS.has(model);
  const us = geoAware && tier !== 'batch' ? usShare : 0;
  const geos: Array<[string, number]> = geoAware
    ? [
        ['global', 1 - us],
        ['us', us],
      ]
    : [['not_available', 1]];
  for (const [geo, geoShare] of geos) {
    if (geoShare <= 0) continue;
    out.push([geo, '0-200k', geoShare * (1 - long)]);
    if (long > 0) out.push([geo, '200k-1M', geoShare * long]);
  }
  return out;
}

/** Tokens of total `total` falling in the first `minute` minutes of the day (0…1440). Telescoping, exact. */
export function cumulativeAt(day: DayUsage, total: number, minute: number): number {
  const hourTotal = day.hourCum[24] as number;
  const h = Math.floor(minute / 60);
  const r = minute % 60;
  const before = Math.floor((total * (day.hourCum[h] as number)) / hourTotal);
  if (r === 0) return before;
  const inHour = Math.floor((total * (day.hourCum[h + 1] as number)) / hourTotal) - before;
  return before + Math.floor((inHour * (day.minuteCum[r] as number)) / (day.minuteCum[60] as number));
}

/** Tokens of one row in [fromMinute, toMinute) of its day. */
export function portion(day: DayUsage, row: UsageRow, fromMinute: number, toMinute: number, out: Counters): void {
  if (fromMinute === 0 && toMinute === 1440) {
    for (let i = 0; i < 6; i++) out[i] = (out[i] as number) + (row.tokens[i] as number);
    return;
  }
  for (let i = 0; i < 6; i++) {
    const total = row.tokens[i] as number;
    if (total === 0) continue;
    out[i] = (out[i] as number) + cumulativeAt(day, total, toMinute) - cumulativeAt(day, total, fromMinute);
  }
}
