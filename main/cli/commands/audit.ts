import { existsSync } from 'node:fs';
import { Option, type Command } from 'commander';
import type Database from 'better-sqlite3';
import type { AuditEvent } from '../../core/audit/event';
import type { AuditSealState } from '../../core/audit/seal';
import { redactSecrets } from '../../core/redact';
import { escapeControls } from '../../core/text/escape-controls';
import type { CliContext } from '../context';
import { CliError, USAGE_EXIT } from '../errors';
import { note, printJson } from '../io';
import { parseChoice, parseIntInRange } from '../parse-args';
import { refuseUnknownProfile } from '../unknown-profile';
import { registerAuditVerify } from './audit-verify';
import { sealProfileMirror, type SealMode } from '../audit-seal';
import { noMirrorYet } from '../read-mirror';

/** How the audit commands reach the mirror and its seal; tests and the app may substitute their own. */
export interface AuditCommandDeps {
  openDb(file: string, opts: { readonly: boolean }): Promise<Database.Database>;
  /** The profile's audit seal (cli/audit-seal.ts): bound for writing ('open'), or only looked up ('find', verify). */
  seal?(ctx: CliContext, db: Database.Database, mode: SealMode): Promise<AuditSealState>;
}

const defaultDeps: AuditCommandDeps = {
  async openDb(file, opts) {
    const { openMirror } = await import('../../db/open');
    return openMirror(file, opts);
  },
};

/** Opens the mirror for a command that writes to its trail (export, purge, reset-head), with its seal bound. */
export async function openSealedDb(ctx: CliContext, deps: AuditCommandDeps): Promise<Database.Database> {
  const db = await deps.openDb(ctx.mirrorFile, { readonly: false });
  try {
    await (deps.seal ?? sealProfileMirror)(ctx, db, 'open');
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

/**
 * `clade-admin audit search|export|verify|purge`: the audit trail, from the local mirror only (never the network).
 * Queries use the trail's search language: free text plus actor: type: workspace: key: source: after: before: self:.
 * Search and the window fold this app's own report reads alike (db/audit/search.ts); exports never fold.
 */
export function registerAuditCommands(
  program: Command,
  context: () => CliContext,
  deps: AuditCommandDeps = defaultDeps,
): void {
  const audit = program
    .command('audit')
    .description('the audit trail: compliance feed, change journal and your own actions');

  audit
    .command('search')
    .description(
      'search the trail, newest first (free text plus actor: type: workspace: key: source: after:YYYY-MM-DD before:YYYY-MM-DD; ' +
        "this app's own report reads show as one line a day, self:show lists each)",
    )
    .argument('[query...]', 'the query; empty lists everything')
    .option('--limit <n>', 'events per page (1–1000)', parseIntInRange(1, 1000), 50)
    .option('--cursor <cursor>', 'continue after the page that printed this cursor')
    .action(async (words: string[], options: { limit: number; cursor?: string }) => {
      const ctx = context();
      const query = words.join(' ');
      const { searchAuditEvents } = await import('../../db/audit/search');
      const page = await withMirror(
        ctx,
        deps,
        true,
        (db) => searchAuditEvents(db, query, { limit: options.limit, cursor: options.cursor ?? null }),
        { events: [], nextCursor: null },
      );
      if (ctx.json) {
        // The query is echoed redacted: an admin may paste a key into it, and this output ends up in cron logs.
        printJson(ctx.io, { query: redactSecrets(query), events: page.events, nextCursor: page.nextCursor });
        return;
      }
      if (page.events.length === 0) ctx.io.stdout.write('No audit events match.\n');
      for (const event of page.events) ctx.io.stdout.write(`${formatEventLine(event)}\n`);
      if (page.nextCursor)
        note(
          ctx.io,
          `more: clade-admin audit search ${query ? `${JSON.stringify(redactSecrets(query))} ` : ''}--cursor ${page.nextCursor}`,
        );
    });

  audit
    .command('export')
    .description(
      'export the events a query finds (newest first) as CSV or JSON Lines; the export is recorded in the trail',
    )
    .argument('[query...]', 'the query; empty exports everything')
    .requiredOption('--format <format>', 'csv | jsonl', parseChoice(['csv', 'jsonl'] as const))
    .requiredOption('--out <file>', 'file to write (written as <file>.partial, renamed when complete)')
    .option('--raw', "CSV: write every cell exactly; by default a cell a spreadsheet would run as a formula gets a '")
    .addOption(
      // Kept so scripts written when defusing was opt-in still run: it is what the default does now.
      new Option('--spreadsheet-safe', 'no-op: formulas are defused by default').hideHelp().conflicts('raw'),
    )
    .action(async (words: string[], options: { format: 'csv' | 'jsonl'; out: string; raw?: boolean }) => {
      const ctx = context();
      const query = words.join(' ');
      const { exportAuditToFile } = await import('../../services/export-audit');
      const db = await openSealedDb(ctx, deps);
      try {
        const result = await exportAuditToFile(db, {
          query,
          format: options.format,
          file: options.out,
          raw: options.raw ?? false,
        });
        if (ctx.json)
          printJson(ctx.io, {
            query: redactSecrets(query),
            format: options.format,
            file: result.file,
            count: result.count,
          });
        else ctx.io.stdout.write(`Exported ${result.count} audit events to ${result.file}\n`);
      } catch (error) {
        throw asUsageError(error);
      } finally {
        db.close();
      }
    });

  registerAuditVerify(audit, context, deps);
  registerResetHead(audit, context, deps);

  audit
    .command('purge')
    .description('retention: remove events older than N days, leaving an anchor so the chain still verifies')
    .requiredOption('--keep-days <n>', 'days of events to keep', parseIntInRange(1, 100_000))
    .action(async (options: { keepDays: number }) => {
      const ctx = context();
      const { applyAuditRetention } = await import('../../db/audit/purge');
      const db = await openSealedDb(ctx, deps);
      try {
        const result = applyAuditRetention(db, options.keepDays);
        const removed = result?.removed ?? 0;
        if (ctx.json) printJson(ctx.io, { removed, anchor: result?.anchor ?? null });
        else ctx.io.stdout.write(`Removed ${removed} audit events older than ${options.keepDays} days.\n`);
      } finally {
        db.close();
      }
    });
}

function registerResetHead(audit: Command, context: () => CliContext, deps: AuditCommandDeps): void {
  audit
    .command('reset-head')
    .description(
      're-establish the external chain head for a trail that verifies on its own (e.g. restored from a backup); recorded in the trail',
    )
    .requiredOption('--reason <text>', 'why; stored in the trail with the previous head')
    .action(async (options: { reason: string }) => {
      const ctx = context();
      const { resetAuditHead } = await import('../../db/audit/head-reset');
      const db = await openSealedDb(ctx, deps);
      try {
        const head = resetAuditHead(db, options.reason);
        if (ctx.json) printJson(ctx.io, head);
        else
          ctx.io.stdout.write(
            `External head re-established at ${head.count} events; the reset is recorded in the trail.\n`,
          );
      } catch (error) {
        if (error instanceof Error && error.name === 'AuditChainBrokenError') throw new CliError(error.message, 1);
        throw error;
      } finally {
        db.close();
      }
    });
}

/** Runs `read` on the mirror, or answers `whenMissing` when the profile has no mirror yet. */
async function withMirror<T>(
  ctx: CliContext,
  deps: AuditCommandDeps,
  readonly: boolean,
  read: (db: Database.Database) => T,
  whenMissing: T,
): Promise<T> {
  if (!existsSync(ctx.mirrorFile)) {
    refuseUnknownProfile(ctx);
    note(ctx.io, noMirrorYet(ctx.profileId, { so: 'no audit trail' }));
    return whenMissing;
  }
  const db = await deps.openDb(ctx.mirrorFile, { readonly });
  try {
    return read(db);
  } catch (error) {
    throw asUsageError(error);
  } finally {
    db.close();
  }
}

/** A bad query or cursor is the user's to fix: exit 2 with the message, no stack. */
function asUsageError(error: unknown): unknown {
  return error instanceof Error && error.name === 'AuditQueryError'
    ? new CliError(redactSecrets(error.message), USAGE_EXIT)
    : error;
}

/**
 * One event, one line. The type (from the compliance feed) and the summary (names, emails) are org text: escaped
 * whole, so neither a control character nor a line feed in them can forge or hide a line.
 */
function formatEventLine(event: AuditEvent): string {
  const at = new Date(event.atMs)
    .toISOString()
    .replace('T', ' ')
    .replace(/\.\d{3}Z$/, 'Z');
  return `${at}  #${event.id}  ${event.source.padEnd(10)}  ${escapeControls(event.type).padEnd(32)}  ${escapeControls(event.summary)}`;
}
