/**
 * The Admin API's objects as the sync engine reads them (admin-api.md §3–4). These are the core's own reading
 * of the API: the SDK adapter validates every response against zod schemas that must produce exactly these shapes.
 * Optional fields are ones that older or newer API versions omit.
 */

export interface ApiOrganization {
  id: string;
  name: string;
}

export interface ApiUser {
  id: string;
  email: string;
  name: string;
  role: string;
  added_at: string;
}

export interface ApiInvite {
  id: string;
  email: string;
  role: string;
  status: string;
  invited_at: string;
  expires_at: string;
  accepted_at?: string | null;
  rbac_group_ids?: string[];
}

export interface ApiWorkspace {
  id: string;
  name: string;
  created_at: string;
  archived_at: string | null;
  display_color?: string | null;
  /** Free-form labels (§3.5); an org may use them to mark production. */
  tags?: Record<string, string> | null;
}

export interface ApiWorkspaceMember {
  user_id: string;
  workspace_id: string;
  workspace_role: string;
}

export type ApiKeyScope = { type: 'workspace'; workspace_id: string } | { type: 'organization' };
export type ApiKeyPrincipal =
  { type: 'user_actor'; user_id: string } | { type: 'service_account_actor'; service_account_id: string };

/** Both key shapes: the current one (scope/principal/created_by) and the legacy top-level `workspace_id`. */
export interface ApiKey {
  id: string;
  name: string;
  status: string;
  created_at: string;
  expires_at?: string | null;
  partial_key_hint?: string | null;
  created_by?: { id: string; type: string } | null;
  principal?: ApiKeyPrincipal | null;
  scope?: ApiKeyScope | null;
  /** Legacy shape: null means the default workspace. Absent in the current shape. */
  workspace_id?: string | null;
}

export interface ApiRateLimitValue {
  type: string;
  value: number | null;
}

export interface ApiRateLimit {
  id?: string;
  group?: { id: string; type: string; display_name?: string | null } | null;
  group_type?: string;
  limits: ApiRateLimitValue[];
  models?: string[] | null;
}

export interface ApiWorkspaceRateLimit {
  workspace_id: string;
  rate_limit_id: string;
  group?: { id: string; type: string; display_name?: string | null } | null;
  models?: string[] | null;
  limits: Array<{ type: string; value: number | null; org_limit?: number | null; source?: { type: string } | null }>;
}

export interface ApiSpendLimit {
  id: string;
  amount: string | null;
  currency: string;
  period: string;
  is_enabled: boolean;
  scope: { type: string } & Record<string, unknown>;
  created_at: string;
  updated_at: string;
}

/** One member's effective limit and spend so far (Claude Enterprise; admin-api.md §3.8). */
export interface ApiEffectiveSpend {
  actor:
    | { type: 'user_actor'; user_id: string; name?: string | null; email_address?: string | null; deleted?: boolean }
    | { type: 'scoped_api_key_actor'; scoped_api_key_id: string };
  amount: string | null;
  currency: string;
  period: string;
  period_to_date_spend: string;
  scope?: ({ type: string } & Record<string, unknown>) | null;
  source?: ({ type: string } & Record<string, unknown>) | null;
  spend_limit_id?: string | null;
}

export interface ApiUsageResult {
  uncached_input_tokens: number;
  cache_creation: { ephemeral_1h_input_tokens: number; ephemeral_5m_input_tokens: number };
  cache_read_input_tokens: number;
  output_tokens: number;
  server_tool_use?: { web_search_requests: number } | null;
  api_key_id?: string | null;
  workspace_id?: string | null;
  model?: string | null;
  service_tier?: string | null;
  context_window?: string | null;
  inference_geo?: string | null;
}

export interface ApiCostResult {
  amount: string;
  currency: string;
  cost_type?: string | null;
  description?: string | null;
  model?: string | null;
  service_tier?: string | null;
  token_type?: string | null;
  context_window?: string | null;
  inference_geo?: string | null;
  workspace_id?: string | null;
}

export interface ApiReportBucket<R> {
  starting_at: string;
  ending_at: string;
  results: R[];
}

export interface ApiClaudeCodeRecord {
  date: string;
  actor: { type: 'user_actor'; email_address: string } | { type: 'api_actor'; api_key_name: string };
  organization_id?: string;
  customer_type: string;
  subscription_type?: string | null;
  terminal_type?: string | null;
  core_metrics: {
    num_sessions: number;
    lines_of_code: { added: number; removed: number };
    commits_by_claude_code: number;
    pull_requests_by_claude_code: number;
  };
  tool_actions: Record<string, { accepted: number; rejected: number }>;
  model_breakdown: Array<{
    model: string;
    tokens: { input: number; output: number; cache_read: number; cache_creation: number };
    estimated_cost: { amount: number; currency: string };
  }>;
}
