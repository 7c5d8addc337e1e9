/**
 * Writing the access review to a file, for the CLI (`review`) and the window (Export review) alike: read the report
 * from the mirror, render it (HTML, CSV; the app's PDF is its HTML printed by Electron, passed in as bytes), write
 * `<file>.partial` (0600: the report names every member and key) and rename it when complete, so a failed export
 * never leaves a file that looks whole; then record the export, with its period and format, in the audit trail.
 */
import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import type Database from 'better-sqlite3';
import type { AccessReview, ReviewPeriod, ReviewPosture } from '../core/review/access-review';
import { renderAccessReviewHtml } from '../core/review/render-html';
import { renderAccessReviewCsv } from '../core/review/render-csv';
import { reviewExportAction } from '../core/audit/normalise-local';
import { recordLocalAuditAction, type AuditStoreOptions } from '../db/audit/append';
import { readAccessReview } from '../db/queries/access-review';

export type ReviewFormat = 'html' | 'csv' | 'pdf';
export const REVIEW_FORMATS: readonly ReviewFormat[] = ['html', 'csv', 'pdf'];

export function buildAccessReview(
  db: Database.Database,
  input: { period: ReviewPeriod; nowMs: number; posture: ReviewPosture | null },
): AccessReview {
  return readAccessReview(db, input);
}

export function renderAccessReview(review: AccessReview, format: 'html' | 'csv'): string {
  return format === 'html' ? renderAccessReviewHtml(review) : renderAccessReviewCsv(review);
}

/** Writes the rendered report atomically (0600) and records the export in the trail of `db`. */
export function saveReviewExport(
  db: Database.Database,
  input: { period: ReviewPeriod; format: ReviewFormat; file: string; content: string | Uint8Array },
  options: AuditStoreOptions = {},
): { file: string; bytes: number } {
  const partial = `${input.file}.partial`;
  try {
    writeFileSync(partial, input.content, { mode: 0o600 });
    renameSync(partial, input.file);
  } catch (error) {
    rmSync(partial, { force: true });
    throw error;
  }
  recordLocalAuditAction(
    db,
    reviewExportAction({
      atMs: (options.now ?? Date.now)(),
      from: input.period.from,
      to: input.period.to,
      format: input.format,
      file: basename(input.file),
    }),
    options,
  );
  const bytes = typeof input.content === 'string' ? Buffer.byteLength(input.content) : input.content.byteLength;
  return { file: input.file, bytes };
}

/** `access-review-2026-07-01-to-2026-09-30.html`, `-2`, `-3`… when taken; in `dir` (created 0700). */
export function reviewExportFile(
  dir: string,
  period: ReviewPeriod,
  format: ReviewFormat,
  exists: (path: string) => boolean,
): string {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const stem = `access-review-${period.from}-to-${period.to}`;
  let candidate = join(dir, `${stem}.${format}`);
  for (let n = 2; exists(candidate) || exists(`${candidate}.partial`); n += 1)
    candidate = join(dir, `${stem}-${n}.${format}`);
  return candidate;
}
