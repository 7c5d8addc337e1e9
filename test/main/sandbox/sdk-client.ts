// Shared setup: a sandbox on a random loopback port and the real SDK pointed at it.
import Anthropic from '@anthropic-ai/sdk';
import { startSandbox, type RunningSandbox, type SandboxOptions } from '../../../main/sandbox';

export const FIXED_NOW = new Date('2026-11-20T15:30:00Z');

export async function startFrozen(opts: SandboxOptions = {}): Promise<RunningSandbox> {
  return startSandbox({ now: FIXED_NOW, freezeClock: true, ...opts });
}

export function sdkFor(sandbox: RunningSandbox, extra: { maxRetries?: number } = {}): Anthropic {
  return new Anthropic({ apiKey: sandbox.adminKey, baseURL: sandbox.url, maxRetries: extra.maxRetries ?? 0 });
}

/** Raw fetch with the admin key, for what the SDK cannot express (bad params, raw headers). */
export async function rawGet(sandbox: RunningSandbox, path: string, headers: Record<string, string> = {}) {
  const res = await fetch(sandbox.url + path, {
    headers: { 'x-api-key': sandbox.adminKey, 'anthropic-version': '2023-06-01', ...headers },
  });
  const text = await res.text();
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    body = text;
  }
  return { status: res.status, headers: res.headers, body };
}

/** Every item of an SDK auto-paginating list, in order. */
export async function all<T>(iter: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const x of iter) out.push(x);
  return out;
}
