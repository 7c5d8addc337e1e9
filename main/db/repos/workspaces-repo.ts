/** SQL specific to workspaces: which ones to fan out over, and which one is the default. */
import type Database from 'better-sqlite3';

export class WorkspacesRepo {
  constructor(private readonly db: Database.Database) {}

  activeIds(): string[] {
    return (
      this.db.prepare(`SELECT id FROM workspaces WHERE archived_at_ms IS NULL ORDER BY id`).all() as Array<{
        id: string;
      }>
    ).map((r) => r.id);
  }

  allIds(): string[] {
    return (this.db.prepare(`SELECT id FROM workspaces ORDER BY id`).all() as Array<{ id: string }>).map((r) => r.id);
  }

  setDefault(id: string | null): void {
    this.db.transaction(() => {
      this.db.prepare(`UPDATE workspaces SET is_default = 0 WHERE is_default = 1 AND id IS NOT ?`).run(id);
      if (id != null) this.db.prepare(`UPDATE workspaces SET is_default = 1 WHERE id = ?`).run(id);
    })();
  }
}
