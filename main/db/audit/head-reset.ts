import type Database from 'better-sqlite3';
import type { JsonValue } from '../../core/audit/event';
import { confirmedHead } from '../../core/audit/head';
import { headResetAction, normaliseLocalAction } from '../../core/audit/normalise-local';
import type { AuditVerifyResult } from '../../core/audit/verify';
import type { AuditStoreOptions } from './append';
import { appendInTransaction, resolveAuditOptions } from './append';
import { readHeadFile, writeHeadFile } from './head-file';
import { verifyAuditChain } from './verify';

export class AuditChainBrokenError extends Error {
  override name = 'AuditChainBrokenError';
  constructor(readonly result: AuditVerifyResult) {
    super(
      `the chain itself is broken, so its head cannot be re-established: ${result.problem?.message ?? 'unknown problem'}`,
    );
  }
}

/**
 * Writes a fresh external head for a chain that verifies on its own but whose head file is missing, flagged or
 * does not match (a mirror restored from a backup without its head). Refused when the chain itself is broken. The
 * reset is recorded in the trail with the previous head, so an auditor sees that the head was re-established, when
 * and why.
 */
export function resetAuditHead(
  db: Database.Database,
  reason: string,
  options: AuditStoreOptions = {},
): { count: number; hash: string } {
  const resolved = resolveAuditOptions(db, options);
  if (resolved.headPath === null) throw new Error('this audit trail keeps no external head');
  const headPath = resolved.headPath;
  const chain = verifyAuditChain(db, { ...options, headPath: null });
  if (!chain.ok) throw new AuditChainBrokenError(chain);
  const previous = readHeadFile(headPath);
  const action = headResetAction({
    atMs: resolved.now(),
    reason,
    previous: (previous as unknown as JsonValue) ?? null,
    count: chain.tip.count,
    hash: chain.tip.hash,
  });
  // The head is written after the commit, from scratch: the old mismatch flag is deliberately not carried over.
  const outcome = db
    .transaction(() => appendInTransaction(db, [normaliseLocalAction(action)], { ...resolved, headPath: null }))
    .immediate();
  writeHeadFile(headPath, confirmedHead(null, outcome.result.tip));
  return { count: outcome.result.tip.count, hash: outcome.result.tip.hash };
}
