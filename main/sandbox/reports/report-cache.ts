// One day-usage memo per sandbox state (kept off the state type so the model stays plain data).
import type { SandboxState } from '../state';
import { DayUsageCache } from './usage-model';

const caches = new WeakMap<SandboxState, DayUsageCache>();

export function reportCache(state: SandboxState): DayUsageCache {
  let cache = caches.get(state);
  if (!cache) {
    cache = new DayUsageCache(state.model.seed);
    caches.set(state, cache);
  }
  return cache;
}
