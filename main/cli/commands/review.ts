/**
 * `clade-admin review [--from D] [--to D] --format html|csv --out FILE`: the access review for a period (default:
 * the last whole calendar quarter, UTC), from the local mirror only, written as printable HTML or a CSV, and the
 * export recorded in the profile's audit trail (services/review-export.ts). The posture section comes from
 * services/review-posture.ts ("not evaluated" until the posture checklist is wired in there).
 */
import { existsSync } from 'node:fs';
import type { Command } from 'commander';
import type { CliContext } from '../context';
import { CliError, USAGE_EXIT } from '../errors';
import { printJson } from '../io';
import { parseChoice } from '../parse-args';
import { refuseUnknownProfile } from '../unknown-profile';
import { NO_MIRROR_EXIT, noMirrorYet } from '../read-mirror';
import { openProfileMirror, parseInstant } from './alerts';

export function registerReviewCommand(program: Command, context: () => CliContext): void {
  program
    .command('review')
    .description('write the access review for a period (members, admins since, keys, dormant, spend) as HTML or CSV')
    .option('--from <YYYY-MM-DD>', 'first UTC day (default: the start of the last whole quarter)')
    .option('--to <YYYY-MM-DD>', 'last UTC day, inclusive (default: the end of the last whole quarter)')
    .requiredOption('--format <format>', 'html | csv', parseChoice(['html', 'csv'] as const))
    .requiredOption('--out <file>', 'file to write (written as <file>.partial, renamed when complete)')
    .option('--now <iso-time>', 'judge ages and dormancy at this instant instead of now (e.g. 2026-11-23T10:00:00Z)')
    .action(async (options: { from?: string; to?: string; format: 'html' | 'csv'; out: string; now?: string }) => {
      const ctx = context();
      const nowMs = options.now === undefined ? Date.now() : parseInstant(options.now);
      const { lastQuarter } = await import('../../core/review/access-review');
      const { resolveReviewPeriod, ReviewPeriodError } = await import('../../db/queries/access-review');
      const fallback = lastQuarter(nowMs);
      const period = { from: options.from ?? fallback.from, to: options.to ?? fallback.to };
      try {
        resolveReviewPeriod(period);
      } catch (error) {
        if (error instanceof ReviewPeriodError) throw new CliError(error.message, USAGE_EXIT);
        throw error;
      }
      if (!existsSync(ctx.mirrorFile)) {
        refuseUnknownProfile(ctx);
        throw new CliError(noMirrorYet(ctx.profileId), NO_MIRROR_EXIT);
      }
      const { buildAccessReview, renderAccessReview, saveReviewExport } = await import('../../services/review-export');
      const { reviewPostureOf } = await import('../../services/review-posture');
      const db = await openProfileMirror(ctx);
      try {
        const review = buildAccessReview(db, { period, nowMs, posture: reviewPostureOf(db, nowMs) });
        const content = renderAccessReview(review, options.format);
        const saved = saveReviewExport(db, { period, format: options.format, file: options.out, content });
        if (ctx.json)
          printJson(ctx.io, {
            profile: ctx.profileId,
            from: period.from,
            to: period.to,
            format: options.format,
            file: saved.file,
            bytes: saved.bytes,
            admins: review.admins.length,
            keys: review.keys.length,
          });
        else
          ctx.io.stdout.write(
            `Wrote the access review for ${period.from} to ${period.to} (${review.members.length} members, ${review.admins.length} admins, ${review.keys.length} keys) to ${saved.file}\n`,
          );
      } finally {
        db.close();
      }
    });
}
