/**
 * A mirror holding N audit events, as the product would store them: every record goes through the product's own
 * redaction, canonical JSON and hash chain (`draftToUnchainedRecord`, `chainRecord`, SHA-256), so the file verifies
 * with `verifyAuditChain`, and search and export read real rows and a real FTS index.
 *
 * Only the way the rows get into the file is bulk, because a million events through `appendAuditEvents` (one
 * trigger-checked, index-maintaining insert at a time) took 9–11 minutes on our 2-core machines:
 * - the audit_events indexes and triggers are taken out while rows go in (their SQL is read from the schema and put
 *   back verbatim), so the chain check and the FTS insert do not run per row;
 * - rows go in with one prepared statement, 50,000 per transaction, with the journal and fsync off (this file is
 *   thrown away if the build fails, and the build runs in its own child process);
 * - the FTS index is then filled in one statement from the same expressions as the insert trigger, and the indexes
 *   are recreated.
 * The result has the same schema, rows, chain and index contents as the slow path (the smoke test checks the chain).
 *
 * The events look like a busy org's compliance feed: varied actors, types, workspaces and keys, spread over the last
 * year, so a search has realistic selectivity.
 */
import type Database from 'better-sqlite3';
import { chainRecord, draftToUnchainedRecord } from '../../../main/core/audit/chain';
import type { AuditChainTip, AuditEventDraft } from '../../../main/core/audit/event';
import { redactSecrets } from '../../../main/core/redact';
import { readAuditTip } from '../../../main/db/audit/append';
import { RECORD_COLUMNS } from '../../../main/db/audit/audit-rows';
import { sha256Hex } from '../../../main/db/audit/sha256';
import { openMirror } from '../../../main/db/open';

const TYPES = [
  'api_key_created',
  'api_key_updated',
  'workspace_member_added',
  'workspace_member_removed',
  'user_invited',
  'user_role_changed',
  'workspace_created',
  'workspace_archived',
  'spend_limit_changed',
  'rate_limit_changed',
  'login_succeeded',
  'login_failed',
  'file_uploaded',
  'project_created',
  'conversation_exported',
];
const WORDS = [
  'alpha',
  'billing',
  'prod',
  'staging',
  'research',
  'support',
  'ml',
  'infra',
  'analytics',
  'mobile',
  'web',
  'ops',
];
const DAY_MS = 86_400_000;
const ROWS_PER_TRANSACTION = 50_000;

/** Deterministic PRNG (mulberry32): the same fixture every run. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const AUDIT_FIXTURE_USERS = 500;

function* drafts(count: number, endMs: number): Generator<AuditEventDraft> {
  const rand = prng(42);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
  const startMs = endMs - 365 * DAY_MS;
  const step = (endMs - startMs) / count;
  for (let i = 0; i < count; i++) {
    const user = Math.floor(rand() * AUDIT_FIXTURE_USERS);
    const ws = Math.floor(rand() * 100);
    const key = Math.floor(rand() * 2000);
    const type = pick(TYPES);
    const word = pick(WORDS);
    yield {
      atMs: Math.round(startMs + i * step),
      source: 'compliance',
      type,
      externalId: `activity_bench_${i}`,
      actor: { kind: 'user', id: `user_bench_${user}`, email: `person${user}@example.com`, name: `Person ${user}` },
      workspaceId: `wrkspc_bench_${ws}`,
      keyId: type.startsWith('api_key') ? `apikey_bench_${key}` : null,
      targets: [{ type: 'workspace', id: `wrkspc_bench_${ws}`, name: `${word}-${ws}` }],
      summary: `${type.replace(/_/g, ' ')} in ${word}-${ws} by person${user}@example.com`,
      before: null,
      after: null,
      raw: null,
    };
  }
}

interface SchemaObject {
  type: 'index' | 'trigger';
  name: string;
  sql: string;
}

/** The explicit indexes and the insert triggers of audit_events: what makes a per-row insert slow. */
function bulkSensitiveObjects(db: Database.Database): SchemaObject[] {
  return db
    .prepare(
      `SELECT type, name, sql FROM sqlite_master WHERE tbl_name = 'audit_events' AND sql IS NOT NULL
         AND (type = 'index' OR (type = 'trigger' AND (sql LIKE '%BEFORE INSERT%' OR sql LIKE '%AFTER INSERT%')))`,
    )
    .all() as SchemaObject[];
}

/**
 * The FTS fill as one statement, taken from the insert trigger's own body: `INSERT INTO audit_fts (…) VALUES (NEW.…)`
 * becomes `INSERT INTO audit_fts (…) SELECT … FROM audit_events AS NEW ORDER BY id`, so the index holds exactly what
 * the trigger would have put in it.
 */
export function ftsFillSql(triggerSql: string): string {
  const body = /BEGIN\s+(INSERT INTO audit_fts\s*\([^)]*\))\s*VALUES\s*\(([\s\S]*)\);\s*END\s*$/i.exec(
    triggerSql.trim(),
  );
  if (!body) throw new Error(`unexpected audit FTS trigger shape: ${triggerSql}`);
  return `${body[1]} SELECT ${body[2]} FROM audit_events AS NEW ORDER BY NEW.id`;
}

/** Writes `count` events into a new mirror at `file`; returns how long each phase took (ms). */
export function buildAuditFixture(
  file: string,
  count: number,
  endMs: number,
): { ms: number; phases: Record<string, number> } {
  const started = performance.now();
  const phases: Record<string, number> = {};
  let mark = started;
  const phase = (name: string): void => {
    const now = performance.now();
    phases[name] = Math.round(now - mark);
    mark = now;
  };
  const db = openMirror(file);
  try {
    db.pragma('journal_mode = OFF');
    db.pragma('synchronous = OFF');
    db.pragma('cache_size = -131072'); // 128 MiB: the FTS fill and index builds sort in it
    const objects = bulkSensitiveObjects(db);
    const ftsTrigger = objects.find((o) => o.type === 'trigger' && /INSERT INTO audit_fts/i.test(o.sql));
    if (!ftsTrigger) throw new Error('audit FTS insert trigger not found');
    for (const o of objects) db.exec(`DROP ${o.type.toUpperCase()} ${o.name}`);
    insertChained(db, drafts(count, endMs), count, endMs);
    phase('rows');
    db.exec(ftsFillSql(ftsTrigger.sql));
    phase('fts');
    for (const o of objects) db.exec(o.sql);
    phase('indexes');
    db.pragma('journal_mode = WAL'); // the mode the product opens it in
  } finally {
    db.close();
  }
  return { ms: performance.now() - started, phases };
}

/** Chains and inserts the drafts in large transactions with one prepared statement. */
function insertChained(db: Database.Database, source: Iterator<AuditEventDraft>, count: number, endMs: number): void {
  const columns = RECORD_COLUMNS.split(',').map((c) => c.trim());
  const insert = db.prepare(
    `INSERT INTO audit_events (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`,
  );
  const recordedAtMs = endMs; // deterministic: the same file every build
  let tip: AuditChainTip = readAuditTip(db);
  const insertBatch = db.transaction((n: number) => {
    for (let i = 0; i < n; i++) {
      const next = source.next();
      if (next.done) return;
      const chained = chainRecord(tip, draftToUnchainedRecord(next.value, redactSecrets), recordedAtMs, sha256Hex);
      const r = chained.record;
      insert.run(
        r.id,
        r.atMs,
        r.recordedAtMs,
        r.source,
        r.type,
        r.externalId,
        r.actorJson,
        r.workspaceId,
        r.keyId,
        r.targetsJson,
        r.summary,
        r.beforeJson,
        r.afterJson,
        r.rawJson,
        r.prevHash,
        r.hash,
      );
      tip = chained.tip;
    }
  });
  for (let written = 0; written < count; written += ROWS_PER_TRANSACTION)
    insertBatch(Math.min(ROWS_PER_TRANSACTION, count - written));
}
