import type Database from 'better-sqlite3';

/** Feeds read into the trail, each with a high-water mark (a purge must never make them replay old items). */
export type AuditFeed = 'journal' | 'compliance';

export function readIngestMark(db: Database.Database, feed: AuditFeed): string | null {
  return (
    (db.prepare('SELECT mark FROM audit_ingest_marks WHERE feed = ?').pluck().get(feed) as string | undefined) ?? null
  );
}

export function writeIngestMark(db: Database.Database, feed: AuditFeed, mark: string, nowMs: number): void {
  db.prepare(
    `INSERT INTO audit_ingest_marks (feed, mark, updated_at_ms) VALUES (?, ?, ?)
     ON CONFLICT (feed) DO UPDATE SET mark = excluded.mark, updated_at_ms = excluded.updated_at_ms`,
  ).run(feed, mark, nowMs);
}
