import type { AuditRecord } from '../../core/audit/event';

/** The stored columns of `audit_events`, in the order the chain hashes them (generated columns excluded). */
export const RECORD_COLUMNS = `id, at_ms, recorded_at_ms, source, type, external_id, actor_json, workspace_id, key_id,
  targets_json, summary, before_json, after_json, raw_json, prev_hash, hash`;

export interface AuditEventRow {
  id: number;
  at_ms: number;
  recorded_at_ms: number;
  source: string;
  type: string;
  external_id: string | null;
  actor_json: string | null;
  workspace_id: string | null;
  key_id: string | null;
  targets_json: string;
  summary: string;
  before_json: string | null;
  after_json: string | null;
  raw_json: string | null;
  prev_hash: string;
  hash: string;
}

export function rowToRecord(row: AuditEventRow): AuditRecord {
  return {
    id: row.id,
    atMs: row.at_ms,
    recordedAtMs: row.recorded_at_ms,
    source: row.source,
    type: row.type,
    externalId: row.external_id,
    actorJson: row.actor_json,
    workspaceId: row.workspace_id,
    keyId: row.key_id,
    targetsJson: row.targets_json,
    summary: row.summary,
    beforeJson: row.before_json,
    afterJson: row.after_json,
    rawJson: row.raw_json,
    prevHash: row.prev_hash,
    hash: row.hash,
  };
}

export const INSERT_RECORD_SQL = `INSERT INTO audit_events (${RECORD_COLUMNS}) VALUES (
  @id, @atMs, @recordedAtMs, @source, @type, @externalId, @actorJson, @workspaceId, @keyId,
  @targetsJson, @summary, @beforeJson, @afterJson, @rawJson, @prevHash, @hash)`;

/** Maps a raw row (values in the statement's column order) to the named row, by the statement's own column names. */
export function rowFromValues(names: string[]): (values: unknown[]) => AuditEventRow {
  const at = (name: keyof AuditEventRow): number => {
    const index = names.indexOf(name);
    if (index < 0) throw new Error(`audit row has no ${name} column`);
    return index;
  };
  const i = {
    id: at('id'),
    atMs: at('at_ms'),
    recordedAtMs: at('recorded_at_ms'),
    source: at('source'),
    type: at('type'),
    externalId: at('external_id'),
    actorJson: at('actor_json'),
    workspaceId: at('workspace_id'),
    keyId: at('key_id'),
    targetsJson: at('targets_json'),
    summary: at('summary'),
    beforeJson: at('before_json'),
    afterJson: at('after_json'),
    rawJson: at('raw_json'),
    prevHash: at('prev_hash'),
    hash: at('hash'),
  };
  return (v) =>
    ({
      id: v[i.id],
      at_ms: v[i.atMs],
      recorded_at_ms: v[i.recordedAtMs],
      source: v[i.source],
      type: v[i.type],
      external_id: v[i.externalId],
      actor_json: v[i.actorJson],
      workspace_id: v[i.workspaceId],
      key_id: v[i.keyId],
      targets_json: v[i.targetsJson],
      summary: v[i.summary],
      before_json: v[i.beforeJson],
      after_json: v[i.afterJson],
      raw_json: v[i.rawJson],
      prev_hash: v[i.prevHash],
      hash: v[i.hash],
    }) as AuditEventRow;
}
