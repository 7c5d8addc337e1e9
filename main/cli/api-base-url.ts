/**
 * The CLI's side of services/api-base-url.ts: where this run sends the profile's admin key, resolved only by the
 * commands that send it (the mirror is read lazily, so offline commands stay fast), with the one-line notice about
 * an ignored ANTHROPIC_BASE_URL said once per run however many times it is asked.
 */
import type { CliContext } from './context';
import type { CliIO } from './io';
import { note } from './io';

const noticed = new WeakSet<CliIO>();

export async function apiBaseUrl(ctx: CliContext): Promise<string> {
  const { ignoredEnvNotice, resolveApiBaseUrl } = await import('../services/api-base-url');
  const url = resolveApiBaseUrl(ctx.baseUrlFlag, ctx.mirrorFile);
  const notice = ignoredEnvNotice(ctx.io.env, url);
  if (notice !== null && !noticed.has(ctx.io)) {
    noticed.add(ctx.io);
    note(ctx.io, notice);
  }
  return url;
}
