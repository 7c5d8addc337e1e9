import type Database from 'better-sqlite3';
import type { Migration } from '../migrate';

/**
 * What the org tree's key badges read (ipc/queries/overview-key-spend.ts), so the badged tree of a 2,000-key
 * org stops grouping every `usage_daily` row of the history (~60k rows at 90 days, ~60 ms) on each call:
 *
 * - `usage_daily_key_last_used`: a partial index of the days each key had tokens. "Last day with tokens" becomes
 *   one index seek per key (MAX on the index's last column). The WHERE must stay the very expression the query
 *   writes, or the planner cannot prove the index holds every row it needs (test/main/db checks the plan).
 * - `usage_key_month_rollup`: tokens per (UTC month, key, model), kept by triggers on `usage_daily` the way
 *   `cost_day_rollup` (migration 310) is kept on `cost_daily`: the rollup moves in the statement that moves the
 *   row, whoever writes. The month's estimate reads ~2,500 rows instead of grouping ~20,000. Token sums are
 *   integers; a sum leaving the int64 range would become REAL and be refused by the STRICT column.
 *   `model_key` is the model, '' for a row without one (no price, never estimated), so it can be a key.
 *   `month_start_ms` is 00:00 UTC on the 1st of the bucket's month. The update trigger skips upserts that change
 *   nothing it sums (a re-sync rewrites the same rows). Frozen once released.
 */
const TOKENS = `(uncached_input_tokens + cache_creation_1h_input_tokens + cache_creation_5m_input_tokens + cache_read_input_tokens + output_tokens)`;

const MONTH_OF = (row: 'NEW' | 'OLD'): string =>
  `CAST(strftime('%s', ${row}.bucket_start_ms / 1000, 'unixepoch', 'start of month') AS INTEGER) * 1000`;

const ADD_NEW = `
  INSERT INTO usage_key_month_rollup (month_start_ms, api_key_id, model_key, uncached_input_tokens, cache_creation_5m_input_tokens,
                                      cache_creation_1h_input_tokens, cache_read_input_tokens, output_tokens, row_count)
  SELECT ${MONTH_OF('NEW')}, NEW.api_key_id, ifnull(NEW.model, ''), NEW.uncached_input_tokens, NEW.cache_creation_5m_input_tokens,
         NEW.cache_creation_1h_input_tokens, NEW.cache_read_input_tokens, NEW.output_tokens, 1
  WHERE NEW.api_key_id IS NOT NULL
  ON CONFLICT (month_start_ms, api_key_id, model_key) DO UPDATE SET
    uncached_input_tokens = uncached_input_tokens + excluded.uncached_input_tokens,
    cache_creation_5m_input_tokens = cache_creation_5m_input_tokens + excluded.cache_creation_5m_input_tokens,
    cache_creation_1h_input_tokens = cache_creation_1h_input_tokens + excluded.cache_creation_1h_input_tokens,
    cache_read_input_tokens = cache_read_input_tokens + excluded.cache_read_input_tokens,
    output_tokens = output_tokens + excluded.output_tokens,
    row_count = row_count + 1;`;

/** No match when OLD.api_key_id is NULL (= never matches), so rows without a key never touch the rollup. */
const OLD_GROUP = `month_start_ms = ${MONTH_OF('OLD')} AND api_key_id = OLD.api_key_id AND model_key = ifnull(OLD.model, '')`;
const REMOVE_OLD = `
  DELETE FROM usage_key_month_rollup WHERE ${OLD_GROUP} AND row_count = 1;
  UPDATE usage_key_month_rollup SET
    uncached_input_tokens = uncached_input_tokens - OLD.uncached_input_tokens,
    cache_creation_5m_input_tokens = cache_creation_5m_input_tokens - OLD.cache_creation_5m_input_tokens,
    cache_creation_1h_input_tokens = cache_creation_1h_input_tokens - OLD.cache_creation_1h_input_tokens,
    cache_read_input_tokens = cache_read_input_tokens - OLD.cache_read_input_tokens,
    output_tokens = output_tokens - OLD.output_tokens,
    row_count = row_count - 1
  WHERE ${OLD_GROUP};`;

const SUMMED = [
  'bucket_start_ms',
  'api_key_id',
  'model',
  'uncached_input_tokens',
  'cache_creation_5m_input_tokens',
  'cache_creation_1h_input_tokens',
  'cache_read_input_tokens',
  'output_tokens',
];

const DDL = `
CREATE INDEX usage_daily_key_last_used ON usage_daily (api_key_id, bucket_start_ms) WHERE ${TOKENS} > 0;

CREATE TABLE usage_key_month_rollup (
  month_start_ms INTEGER NOT NULL,
  api_key_id TEXT NOT NULL,
  model_key TEXT NOT NULL,
  uncached_input_tokens INTEGER NOT NULL,
  cache_creation_5m_input_tokens INTEGER NOT NULL,
  cache_creation_1h_input_tokens INTEGER NOT NULL,
  cache_read_input_tokens INTEGER NOT NULL,
  output_tokens INTEGER NOT NULL,
  row_count INTEGER NOT NULL CHECK (row_count > 0),
  PRIMARY KEY (month_start_ms, api_key_id, model_key)
) STRICT, WITHOUT ROWID;

CREATE TRIGGER usage_key_month_rollup_insert AFTER INSERT ON usage_daily BEGIN ${ADD_NEW}
END;

CREATE TRIGGER usage_key_month_rollup_delete AFTER DELETE ON usage_daily BEGIN ${REMOVE_OLD}
END;

CREATE TRIGGER usage_key_month_rollup_update AFTER UPDATE OF ${SUMMED.join(', ')} ON usage_daily
WHEN ${SUMMED.map((column) => `OLD.${column} IS NOT NEW.${column}`).join(' OR ')}
BEGIN ${REMOVE_OLD} ${ADD_NEW}
END;
`;

/** Rows already mirrored before this migration. */
const BACKFILL = `
INSERT INTO usage_key_month_rollup (month_start_ms, api_key_id, model_key, uncached_input_tokens, cache_creation_5m_input_tokens,
                                    cache_creation_1h_input_tokens, cache_read_input_tokens, output_tokens, row_count)
SELECT CAST(strftime('%s', bucket_start_ms / 1000, 'unixepoch', 'start of month') AS INTEGER) * 1000, api_key_id, ifnull(model, ''),
       sum(uncached_input_tokens), sum(cache_creation_5m_input_tokens), sum(cache_creation_1h_input_tokens),
       sum(cache_read_input_tokens), sum(output_tokens), count(*)
  FROM usage_daily WHERE api_key_id IS NOT NULL
 GROUP BY 1, 2, 3;
`;

export const migration: Migration = {
  id: 311,
  name: 'create-key-usage-indexes',
  up(db: Database.Database) {
    db.exec(DDL);
    db.exec(BACKFILL);
  },
};
