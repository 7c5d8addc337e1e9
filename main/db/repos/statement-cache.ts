import type Database from 'better-sqlite3';

/** Prepares each SQL text once per connection: repos build some statements per call (per table or column). */
export function statementCache(db: Database.Database): (sql: string) => Database.Statement {
  const cache = new Map<string, Database.Statement>();
  return (sql) => {
    let statement = cache.get(sql);
    if (!statement) {
      statement = db.prepare(sql);
      cache.set(sql, statement);
    }
    return statement;
  };
}

const perConnection = new WeakMap<Database.Database, (sql: string) => Database.Statement>();

/**
 * The connection's one shared cache, for read paths the window calls again and again (the org tree): preparing
 * costs more than running their small statements. The statement is shared with every caller of the same text,
 * so set the mode you need (`raw`, `safeIntegers`, `pluck`) on each use instead of relying on its last state.
 */
export function cachedStatement(db: Database.Database, sql: string): Database.Statement {
  let cache = perConnection.get(db);
  if (!cache) perConnection.set(db, (cache = statementCache(db)));
  return cache(sql);
}
