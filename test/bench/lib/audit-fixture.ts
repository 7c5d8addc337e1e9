/**
 * A mirror holding N audit events, written through the product's own append path (hash chain, FTS index), in
 * batches of one transaction each. The events look like a busy org's compliance feed: varied actors, types,
 * workspaces and keys, spread over the last year, so a search has realistic selectivity.
 */
import { appendAuditEvents } from '../../../main/db/audit/append';
import { openMirror } from '../../../main/db/open';
import type { AuditEventDraft } from '../../../main/core/audit/event';

const TYPES = ['api_key_created', 'api_key_updated', 'workspace_member_added', 'workspace_member_removed', 'user_invited',
  'user_role_changed', 'workspace_created', 'workspace_archived', 'spend_limit_changed', 'rate_limit_changed',
  'login_succeeded', 'login_failed', 'file_uploaded', 'project_created', 'conversation_exported'];
const WORDS = ['alpha', 'billing', 'prod', 'staging', 'research', 'support', 'ml', 'infra', 'analytics', 'mobile', 'web', 'ops'];
const DAY_MS = 86_400_000;

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

/** Writes `count` events into a new mirror at `file`; returns how long it took (ms). */
export function buildAuditFixture(file: string, count: number, endMs: number, batch = 20_000): number {
  const started = performance.now();
  const db = openMirror(file);
  try {
    const source = drafts(count, endMs);
    for (let written = 0; written < count; ) {
      const chunk: AuditEventDraft[] = [];
      for (let i = 0; i < batch && written + i < count; i++) {
        const next = source.next();
        if (next.done) break;
        chunk.push(next.value);
      }
      if (!chunk.length) break;
      appendAuditEvents(db, chunk, { headPath: null });
      written += chunk.length;
    }
  } finally {
    db.close();
  }
  return performance.now() - started;
}
