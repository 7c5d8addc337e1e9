// Traffic profiles: realistically sparse — on a given day about a third of keys carry traffic, most little, a few a lot.
import type { Rng } from './prng';
import type { TrafficProfile } from './types';

export const TRAFFIC_MODELS = [
  'claude-sonnet-4-5-20250929',
  'claude-sonnet-4-6',
  'claude-haiku-4-5-20251001',
  'claude-opus-4-6',
  'claude-opus-5',
  'claude-sonnet-5',
  'claude-sonnet-5-5',
  'claude-opus-5-5',
] as const;

export type TrafficLevel = 'none' | 'low' | 'mid' | 'high';

export function presetTraffic(rng: Rng, level: TrafficLevel, lastTrafficMs: number | null = null): TrafficProfile {
  const [dailyActivity, scale] = {
    none: [0, 0],
    low: [0.2 + rng.next() * 0.2, 3_000 + rng.int(0, 20_000)],
    mid: [0.55 + rng.next() * 0.2, 60_000 + rng.int(0, 200_000)],
    high: [0.9 + rng.next() * 0.1, 800_000 + rng.int(0, 2_000_000)],
  }[level] as [number, number];
  return buildProfile(rng, dailyActivity, scale, lastTrafficMs);
}

/** Procedural profile for mid/large orgs: activity and scale drawn from skewed distributions. */
export function randomTraffic(rng: Rng, lastTrafficMs: number | null): TrafficProfile {
  const bucket = rng.next();
  const dailyActivity =
    bucket < 0.35
      ? 0.03 + rng.next() * 0.15
      : bucket < 0.75
        ? 0.2 + rng.next() * 0.3
        : bucket < 0.95
          ? 0.5 + rng.next() * 0.4
          : 0.95;
  // log-normal-ish scale: median ~15k tokens per active hour, long tail to millions
  const gaussian = (rng.next() + rng.next() + rng.next() + rng.next() - 2) * 1.7;
  const scale = Math.round(Math.exp(9.6 + 1.5 * gaussian));
  return buildProfile(rng, dailyActivity, Math.min(scale, 5_000_000), lastTrafficMs);
}

function buildProfile(rng: Rng, dailyActivity: number, scale: number, lastTrafficMs: number | null): TrafficProfile {
  const count = rng.chance(0.5) ? 1 : rng.chance(0.7) ? 2 : 3;
  const models = new Set<string>();
  while (models.size < count) models.add(rng.pick(TRAFFIC_MODELS));
  const serviceTiers: TrafficProfile['serviceTiers'] = ['standard'];
  if (rng.chance(0.2)) serviceTiers.push('batch');
  if (rng.chance(0.08)) serviceTiers.push('priority');
  return {
    dailyActivity,
    scale,
    models: [...models],
    lastTrafficMs,
    serviceTiers,
    usGeoShare: rng.chance(0.2) ? 0.3 + rng.next() * 0.7 : 0,
  };
}
