import type Database from 'better-sqlite3';
import type { Migration } from '../migrate';

/**
 * Usage, cost and Claude Code report buckets and the ranges each report covers.
 * Rows are keyed on bucket start + `group_key`, the JSON array of every grouping field (NULLs included, which a
 * plain composite key could not make unique). Money is exact integers of 1e-9 cents. Frozen once released.
 */
const USAGE_COLUMNS = `
  uncached_input_tokens INTEGER NOT NULL,
  cache_creation_1h_input_tokens INTEGER NOT NULL,
  cache_creation_5m_input_tokens INTEGER NOT NULL,
  cache_read_input_tokens INTEGER NOT NULL,
  output_tokens INTEGER NOT NULL,
  web_search_requests INTEGER NOT NULL,
  fetched_at_ms INTEGER NOT NULL,
  PRIMARY KEY (bucket_start_ms, group_key)`;

const DDL = `
-- Hourly buckets grouped by workspace × model × service tier × context window × inference geo.
CREATE TABLE usage_hourly (
  bucket_start_ms INTEGER NOT NULL,
  group_key TEXT NOT NULL,
  workspace_id TEXT,
  model TEXT,
  service_tier TEXT,
  context_window TEXT,
  inference_geo TEXT,
  ${USAGE_COLUMNS}
) STRICT;

-- Daily buckets grouped by workspace × api key × model.
CREATE TABLE usage_daily (
  bucket_start_ms INTEGER NOT NULL,
  group_key TEXT NOT NULL,
  workspace_id TEXT,
  api_key_id TEXT,
  model TEXT,
  ${USAGE_COLUMNS}
) STRICT;

-- Daily cost grouped by workspace and description (which brings model, token type, tier, … with it).
CREATE TABLE cost_daily (
  bucket_start_ms INTEGER NOT NULL,
  group_key TEXT NOT NULL,
  workspace_id TEXT,
  description TEXT,
  cost_type TEXT,
  model TEXT,
  service_tier TEXT,
  token_type TEXT,
  context_window TEXT,
  inference_geo TEXT,
  currency TEXT NOT NULL,
  amount_nanocents INTEGER NOT NULL,
  fetched_at_ms INTEGER NOT NULL,
  PRIMARY KEY (bucket_start_ms, group_key)
) STRICT;

-- One record per actor (and terminal) per UTC day.
CREATE TABLE claude_code_daily (
  bucket_start_ms INTEGER NOT NULL,
  group_key TEXT NOT NULL,
  actor_type TEXT NOT NULL,
  actor_id TEXT NOT NULL,
  customer_type TEXT NOT NULL,
  subscription_type TEXT,
  terminal_type TEXT,
  num_sessions INTEGER NOT NULL,
  lines_added INTEGER NOT NULL,
  lines_removed INTEGER NOT NULL,
  commits INTEGER NOT NULL,
  pull_requests INTEGER NOT NULL,
  tool_actions_json TEXT NOT NULL CHECK (json_valid(tool_actions_json)),
  model_breakdown_json TEXT NOT NULL CHECK (json_valid(model_breakdown_json)),
  estimated_cost_nanocents INTEGER NOT NULL,
  fetched_at_ms INTEGER NOT NULL,
  PRIMARY KEY (bucket_start_ms, group_key)
) STRICT;

-- The contiguous range [from_ms, to_ms) each report holds completely (as of its last fetch).
CREATE TABLE report_coverage (
  resource TEXT PRIMARY KEY,
  from_ms INTEGER NOT NULL,
  to_ms INTEGER NOT NULL,
  CHECK (from_ms <= to_ms)
) STRICT;
`;

export const migration: Migration = {
  id: 3,
  name: 'create-report-tables',
  up(db: Database.Database) {
    db.exec(DDL);
  },
};
