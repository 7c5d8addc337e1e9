// Id shapes of the real API: prefix + base62 body (user_01…, wrkspc_01…, apikey_01…, invite_01…).
import type { Rng } from './prng';

export function makeId(prefix: string, rng: Rng): string {
  return `${prefix}_01${rng.base62(22)}`;
}

export function makeUuid(rng: Rng): string {
  const hex = () => Math.floor(rng.next() * 16).toString(16);
  const part = (n: number) => Array.from({ length: n }, hex).join('');
  return `${part(8)}-${part(4)}-4${part(3)}-${'89ab'[Math.floor(rng.next() * 4)]}${part(3)}-${part(12)}`;
}

/** e.g. "sk-ant-api03-R2D...igAA": the real hint shape; never a usable key. */
export function makeKeyHint(rng: Rng): string {
  return `sk-ant-api03-${rng.base62(3)}...${rng.base62(2)}AA`;
}
