/**
 * `clade-admin audit verify`: recomputes the chain (db/audit/verify judges it) and, when it fails, says what is
 * missing or changed, where, and what to do. It never answers "OK" for a trail it could not see: a mirror that is
 * gone while its head file stays, fail like a broken chain (exit 1); a data folder that is a file is a storage
 * problem (exit 3, db/storage-errors.ts).
 */
import { existsSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Command } from 'commander';
import { AUDIT_HEAD_SUFFIX } from '../../core/audit/head';
import { AUDIT_SEAL_FILE_SUFFIX } from '../../core/audit/seal';
import type { AuditVerifyProblem, AuditVerifyResult } from '../../core/audit/verify';
import type { CliContext } from '../context';
import { CliError } from '../errors';
import { note, printJson } from '../io';
import { refuseUnknownProfile } from '../unknown-profile';
import { fileInTheWay, notAFolder } from '../../db/storage-errors';
import type { AuditCommandDeps } from './audit';
import { sealProfileMirror } from '../audit-seal';
import { noMirrorYet } from '../read-mirror';

const FAILED_EXIT = 1;

export function registerAuditVerify(audit: Command, context: () => CliContext, deps: AuditCommandDeps): void {
  audit
    .command('verify')
    .description(
      'recompute the hash chain and check it against the external head; exits 1 naming the first broken event, or what is missing',
    )
    .action(async () => {
      const ctx = context();
      const result = await verifyProfileTrail(ctx, deps);
      if (ctx.json) printJson(ctx.io, result);
      else if (result.ok)
        ctx.io.stdout.write(
          `Audit trail OK: ${result.checked} events verified, chain of ${result.tip.count} events${describeSeal(result, ctx)}.\n`,
        );
      if (!result.ok && result.problem) {
        const where = result.problem.eventId !== null ? ` (event ${result.problem.eventId})` : '';
        throw new CliError(
          `audit trail verification FAILED${where}: ${result.problem.message}. ${remedy(result.problem, ctx)}`,
          FAILED_EXIT,
        );
      }
    });
}

async function verifyProfileTrail(ctx: CliContext, deps: AuditCommandDeps): Promise<AuditVerifyResult> {
  if (!existsSync(ctx.mirrorFile)) {
    refuseUnseeableMirror(ctx);
    refuseUnknownProfile(ctx);
    note(ctx.io, noMirrorYet(ctx.profileId, { so: 'no audit trail' }));
    return { ok: true, checked: 0, tip: { lastId: 0, hash: '', count: 0 }, problem: null, seal: null };
  }
  const { verifyAuditChain } = await import('../../db/audit/verify');
  const db = await deps.openDb(ctx.mirrorFile, { readonly: true });
  try {
    // Looked up, never created: a keyed trail whose secret cannot be read here fails as "could not be checked".
    const seal = await (deps.seal ?? sealProfileMirror)(ctx, db, 'find');
    return verifyAuditChain(db, { seal });
  } finally {
    db.close();
  }
}

/**
 * No mirror is "nothing to verify" only when nothing says there should be one: a folder on the way that is not a
 * folder hides it, and a head file left behind means it had a trail.
 */
function refuseUnseeableMirror(ctx: CliContext): void {
  // The data folder itself was checked with the context; a profile folder that is a file is said the same way.
  const blocking = fileInTheWay(dirname(ctx.mirrorFile));
  if (blocking) throw notAFolder(blocking, ctx.mirrorFile);
  const headPath = `${ctx.mirrorFile}${AUDIT_HEAD_SUFFIX}`;
  if (existsSync(headPath))
    throw new CliError(
      `audit trail verification FAILED: the mirror ${ctx.mirrorFile} is missing, but its audit head ${headPath} is there: this profile had an audit trail and it was deleted or moved. Restore the mirror from a backup; to start this profile over on purpose, run \`${command(ctx, 'key remove --delete-mirror')}\`, which removes the head with the mirror.`,
      FAILED_EXIT,
    );
}

/** Says how far the chain is keyed and where its secret is, so a seal moved out of the keychain is seen. */
function describeSeal(result: AuditVerifyResult, ctx: CliContext): string {
  if (result.seal === null)
    return result.tip.count === 0 ? '' : '; not keyed yet (plain SHA-256: the next write seals it)';
  const where =
    result.seal.store === 'file'
      ? `the file-protected seal ${ctx.mirrorFile}${AUDIT_SEAL_FILE_SUFFIX}`
      : 'the audit seal in the OS keychain';
  return `; keyed from event ${result.seal.keyedFromId} with ${where}`;
}

/** What to do about a failed verify, naming the files and commands concerned. */
function remedy(problem: AuditVerifyProblem, ctx: CliContext): string {
  const headPath = `${ctx.mirrorFile}${AUDIT_HEAD_SUFFIX}`;
  const restore = `Restore the mirror ${ctx.mirrorFile} and its head ${headPath} together from a backup`;
  const resetHead = command(ctx, 'audit reset-head --reason "<why>"');
  switch (problem.kind) {
    case 'trail-missing':
    case 'trail-restarted':
      return `${restore}. Old events are removed with \`${command(ctx, 'audit purge --keep-days N')}\`, which records the removal and keeps verifying; to start this profile over on purpose, \`${command(ctx, 'key remove --delete-mirror')}\` deletes the mirror and its head.`;
    case 'head-missing':
    case 'head-mismatch':
    case 'head-flagged':
      return `${restore}. If the mirror was restored from a backup on its own and its events are as you expect, \`${resetHead}\` re-establishes the head at ${headPath} and records that in the trail.`;
    case 'seal-unavailable':
      return `Run \`${command(ctx, 'audit verify')}\` where the seal can be read: with the OS keychain unlocked (in your desktop session, without ANTHROPIC_ADMIN_KEY), or with the seal file ${ctx.mirrorFile}${AUDIT_SEAL_FILE_SUFFIX} in place. A trail sealed in the keychain cannot be written to until it can.`;
    case 'seal-conflict':
      return `${restore}, with its seal file ${ctx.mirrorFile}${AUDIT_SEAL_FILE_SUFFIX} if it has one; to start this profile over on purpose, \`${command(ctx, 'key remove --delete-mirror')}\` deletes the mirror, and its next trail gets a new seal.`;
    default:
      return `${restore}; the event named shows where the trail in ${ctx.mirrorFile} was changed.`;
  }
}

function command(ctx: CliContext, rest: string): string {
  return `clade-admin${ctx.profileNamed ? ` --profile ${ctx.profileId}` : ''} ${rest}`;
}
