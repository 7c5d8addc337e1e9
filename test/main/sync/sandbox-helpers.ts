/** Shared helpers for the sync integration tests: a sandbox, a temp mirror, and raw reads of the sandbox's lists. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export function tempMirrorFile(): { file: string; cleanup(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'clade-mirror-'));
  return { file: join(dir, 'mirror.sqlite'), cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Every item of a Page-paginated sandbox list, read with plain fetch (independent of our adapter). */
export async function listAll<T = Record<string, unknown>>(
  sandbox: { url: string; adminKey: string },
  path: string,
  query: Record<string, string> = {},
): Promise<T[]> {
  const items: T[] = [];
  let after: string | null = null;
  for (;;) {
    const params = new URLSearchParams({ limit: '1000', ...query, ...(after ? { after_id: after } : {}) });
    const res = await fetch(`${sandbox.url}${path}?${params}`, {
      headers: { 'x-api-key': sandbox.adminKey, 'anthropic-version': '2023-06-01' },
    });
    if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
    const body = (await res.json()) as { data: T[]; has_more: boolean; last_id: string | null };
    items.push(...body.data);
    if (!body.has_more) return items;
    after = body.last_id;
  }
}

export async function getJson<T>(sandbox: { url: string; adminKey: string }, path: string): Promise<T> {
  const res = await fetch(`${sandbox.url}${path}`, {
    headers: { 'x-api-key': sandbox.adminKey, 'anthropic-version': '2023-06-01' },
  });
  if (!res.ok) throw new Error(`${path}: ${res.status}`);
  return (await res.json()) as T;
}
