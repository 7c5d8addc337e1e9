/** SQL for journal events: the differences between syncs that the audit trail builds on. */
import type Database from 'better-sqlite3';
import type { JournalEvent } from '../../core/sync/diff';

export interface StoredJournalEvent extends JournalEvent {
  id: number;
  runId: number;
  atMs: number;
}

export class JournalRepo {
  constructor(private readonly db: Database.Database) {}

  insert(runId: number, atMs: number, event: JournalEvent): void {
    this.db
      .prepare(
        `INSERT INTO journal_events (run_id, at_ms, resource, entity_key, kind, detail_json) VALUES (?, ?, ?, ?, ?, ?)`,
      )
      .run(runId, atMs, event.resource, event.entityKey, event.kind, JSON.stringify(event.detail));
  }

  /** Events after `afterId` in order (the audit trail's feed). */
  listAfter(afterId = 0, limit = 10_000): StoredJournalEvent[] {
    const rows = this.db
      .prepare(`SELECT * FROM journal_events WHERE id > ? ORDER BY id LIMIT ?`)
      .all(afterId, limit) as Array<{
      id: number;
      run_id: number;
      at_ms: number;
      resource: string;
      entity_key: string;
      kind: JournalEvent['kind'];
      detail_json: string;
    }>;
    return rows.map((r) => ({
      id: r.id,
      runId: r.run_id,
      atMs: r.at_ms,
      resource: r.resource,
      entityKey: r.entity_key,
      kind: r.kind,
      detail: JSON.parse(r.detail_json) as JournalEvent['detail'],
    }));
  }

  count(): number {
    return Number((this.db.prepare(`SELECT count(*) AS n FROM journal_events`).get() as { n: number }).n);
  }
}
