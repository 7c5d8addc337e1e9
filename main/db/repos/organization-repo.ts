/** SQL for the organization row: one organization per mirror (a profile is bound to one org). */
import type Database from 'better-sqlite3';

export interface StoredOrganization {
  id: string;
  name: string;
  firstSeenAtMs: number;
  lastSeenAtMs: number;
}

export class OrganizationRepo {
  constructor(private readonly db: Database.Database) {}

  get(): StoredOrganization | null {
    const row = this.db
      .prepare(`SELECT id, name, first_seen_at_ms, last_seen_at_ms FROM organization LIMIT 1`)
      .get() as { id: string; name: string; first_seen_at_ms: number; last_seen_at_ms: number } | undefined;
    return row
      ? { id: row.id, name: row.name, firstSeenAtMs: row.first_seen_at_ms, lastSeenAtMs: row.last_seen_at_ms }
      : null;
  }

  upsert(id: string, name: string, atMs: number): void {
    this.db
      .prepare(
        `INSERT INTO organization (id, name, first_seen_at_ms, last_seen_at_ms) VALUES (?, ?, ?, ?)
         ON CONFLICT (id) DO UPDATE SET name = excluded.name, last_seen_at_ms = excluded.last_seen_at_ms`,
      )
      .run(id, name, atMs, atMs);
  }
}
