import type { CliContext } from './context';
import type { MirrorDb } from '../db/open';
import type { SyncProgress, SyncSummary } from '../db/run-sync';

export interface SyncTarget {
  apiKey: string;
  baseURL: string;
}

export interface SyncRunOptions {
  full?: boolean;
  historyDays?: number;
  /** null turns the local request budget off (the sandbox needs no politeness). */
  requestsPerMinute?: number | null;
}

/**
 * Runs one sync of `db` against `target`, showing progress on stderr when it is a terminal (one line, rewritten),
 * and stops with a clear error when the credential was rejected.
 */
export async function syncWithProgress(
  ctx: CliContext,
  db: MirrorDb,
  target: SyncTarget,
  options: SyncRunOptions = {},
): Promise<SyncSummary> {
  const { createAdminApi } = await import('../adapters/admin-api-sdk');
  const { syncMirror } = await import('../db/run-sync');
  const api = createAdminApi({ apiKey: target.apiKey, baseURL: target.baseURL });
  const tty = Boolean(ctx.io.stderr.isTTY);
  const onProgress = tty
    ? (p: SyncProgress) => ctx.io.stderr.write(`\r\x1b[2K${progressLine(p)}`)
    : undefined;
  // The Compliance API activity feed joins the audit trail where the org's key can read it (issue 8).
  const { createComplianceFeed } = await import('../adapters/compliance-feed');
  const compliance = createComplianceFeed({ apiKey: target.apiKey, baseURL: target.baseURL });
  const summary = await syncMirror(db, api, { ...options, compliance, ...(onProgress ? { onProgress } : {}) });
  if (tty) ctx.io.stderr.write('\r\x1b[2K');
  return summary;
}

/** Exit code of a finished sync: 0 ok (or partial: optional routes unavailable), 3 credential rejected, 1 failed. */
export function syncExitCode(summary: SyncSummary): number {
  if (summary.status === 'credential_invalid') return 3;
  if (summary.status === 'failed') return 1;
  return 0;
}

/** A short human summary for stderr/stdout when not in --json mode. */
export function describeSummary(summary: SyncSummary, profileId: string): string {
  const seconds = (summary.durationMs / 1000).toFixed(1);
  const lines = [
    `Sync ${summary.status}: ${summary.requests} requests, ${summary.rows} rows, ${summary.events} changes in ${seconds} s`,
  ];
  if (summary.status === 'credential_invalid') {
    lines.push(`The Admin API rejected the key of profile "${profileId}" (401). Local data is kept; replace the key with \`clade-admin key set\`.`);
  }
  for (const problem of summary.problems) {
    const request = problem.requestId ? ` (request ${problem.requestId})` : '';
    lines.push(`  ${problem.resource}: ${problem.message}${request}`);
  }
  return `${lines.join('\n')}\n`;
}

function progressLine(p: SyncProgress): string {
  const eta = p.etaMs !== undefined ? ` · ~${Math.ceil(p.etaMs / 1000)} s left` : '';
  return `syncing ${p.resource}: page ${p.page}, ${p.rows} rows${eta}`;
}
