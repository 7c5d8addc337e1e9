/**
 * Two connections to one mirror (the CLI recording a setting while the app syncs): an append whose "confirm" step
 * runs after another connection has already appended and confirmed must not move the external head back.
 */
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  appendAuditEvents,
  appendInTransaction,
  confirmHead,
  resolveAuditOptions,
} from '../../../../main/db/audit/append';
import { readHeadFile } from '../../../../main/db/audit/head-file';
import { verifyAuditChain } from '../../../../main/db/audit/verify';
import { fixedNow, localDraft, openAuditDb } from './audit-db';

let env: ReturnType<typeof openAuditDb>;
let other: Database.Database;
beforeEach(() => {
  env = openAuditDb();
  other = new Database(env.file);
  appendAuditEvents(env.db, [localDraft(1)], { now: fixedNow });
});
afterEach(() => {
  other.close();
  env.cleanup();
});

describe('external head with two writers', () => {
  it('a late confirm of an older append leaves the head at the newer end, and verify passes', () => {
    const resolved = resolveAuditOptions(env.db, { now: fixedNow });
    const late = env.db.transaction(() => appendInTransaction(env.db, [localDraft(2)], resolved)).immediate();
    // Before the first writer confirms, the second appends and confirms.
    appendAuditEvents(other, [localDraft(3)], { now: fixedNow });
    expect(readHeadFile(env.headPath)?.confirmed.count).toBe(3);
    confirmHead(resolved, late);
    expect(readHeadFile(env.headPath)).toMatchObject({ confirmed: { count: 3 }, pending: [], mismatch: null });
    expect(verifyAuditChain(env.db)).toMatchObject({ ok: true, checked: 3 });
  });

  it('the usual order (commit, confirm, next append) still confirms each end', () => {
    appendAuditEvents(env.db, [localDraft(2)], { now: fixedNow });
    appendAuditEvents(other, [localDraft(3)], { now: fixedNow });
    expect(readHeadFile(env.headPath)).toMatchObject({ confirmed: { count: 3 }, pending: [] });
    expect(verifyAuditChain(other).ok).toBe(true);
  });
});
