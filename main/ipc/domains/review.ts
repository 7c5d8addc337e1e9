/**
 * `clade:review/export`: the access review for a period, written by MAIN into the profile's `exports` folder (next
 * to its mirror, as the audit export does) and recorded in the trail (services/review-export.ts). PDF is the same
 * HTML printed by Electron (main/app/review-pdf.ts); where no printer is wired (the web harness), PDF is
 * `unavailable` and HTML prints from any browser. The posture section: services/review-posture.ts (or `reviewPosture`).
 */
import { existsSync } from 'node:fs';
import type Database from 'better-sqlite3';
import type { ReviewPosture } from '../../core/review/access-review';
import { lastQuarter } from '../../core/review/access-review';
import { ReviewPeriodError, resolveReviewPeriod } from '../../db/queries/access-review';
import { defaultAuditExportDir } from '../../services/export-audit';
import {
  buildAccessReview,
  renderAccessReview,
  reviewExportFile,
  saveReviewExport,
} from '../../services/review-export';
import { reviewPostureOf } from '../../services/review-posture';
import { HandlerError } from '../handler-error';
import type { Handler } from '../handler-types';

export interface ReviewDeps {
  mirror: () => Database.Database | null;
  now: () => number;
  /** Where review exports go. Default: the audit exports' folder next to the mirror; null: none (in memory). */
  reviewExportDir?: (db: Database.Database) => string | null;
  /** Prints the report's HTML to PDF bytes (Electron's printToPDF in the app); absent: no PDF here. */
  reviewPdf?: (html: string) => Promise<Uint8Array>;
  /** The posture checklist's score and failing items for the report. Default: services/review-posture.ts. */
  reviewPosture?: (db: Database.Database, nowMs: number) => ReviewPosture | null;
}

export function reviewHandlers(deps: ReviewDeps): { 'clade:review/export': Handler<'clade:review/export'> } {
  return {
    'clade:review/export': async (request) => {
      const db = deps.mirror();
      const dir = db ? (deps.reviewExportDir ?? defaultAuditExportDir)(db) : null;
      if (!db || dir === null)
        throw new HandlerError('unavailable', 'There is no local mirror to report from yet. Wait for the first sync.');
      if (request.format === 'pdf' && !deps.reviewPdf)
        throw new HandlerError('unavailable', 'PDF is only made in the desktop app. Export HTML and print it instead.');
      const nowMs = deps.now();
      const fallback = lastQuarter(nowMs);
      const period = { from: request.from ?? fallback.from, to: request.to ?? fallback.to };
      try {
        resolveReviewPeriod(period);
      } catch (error) {
        if (error instanceof ReviewPeriodError) throw new HandlerError('bad-request', error.message);
        throw error;
      }
      const review = buildAccessReview(db, {
        period,
        nowMs,
        posture: (deps.reviewPosture ?? reviewPostureOf)(db, nowMs),
      });
      const content =
        request.format === 'pdf'
          ? await deps.reviewPdf!(renderAccessReview(review, 'html'))
          : renderAccessReview(review, request.format);
      const file = reviewExportFile(dir, period, request.format, existsSync);
      const saved = saveReviewExport(db, { period, format: request.format, file, content });
      return { file: saved.file, bytes: saved.bytes, from: period.from, to: period.to, format: request.format };
    },
  };
}
