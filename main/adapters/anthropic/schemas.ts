/**
 * zod schemas of the Admin API responses, written from admin-api.md (§2 pagination, §3 resources, §4 reports).
 * Every response is parsed with them before the sync engine sees it; unknown fields are dropped, missing or
 * mistyped required fields reject the page. Each schema is typed against the core's own reading of the API.
 */
import { z } from 'zod';
import type {
  ApiClaudeCodeRecord,
  ApiCostResult,
  ApiEffectiveSpend,
  ApiInvite,
  ApiKey,
  ApiOrganization,
  ApiRateLimit,
  ApiReportBucket,
  ApiSpendLimit,
  ApiUsageResult,
  ApiUser,
  ApiWorkspace,
  ApiWorkspaceMember,
  ApiWorkspaceRateLimit,
} from '../../core/api-types';

/** An RFC 3339 timestamp the sync can turn into epoch ms. */
const apiTime = z.string().refine((s) => !Number.isNaN(Date.parse(s)), { message: 'not an RFC 3339 time' });
/** A decimal amount of cents as a string ("123.78912"). */
const decimalString = z.string().regex(/^-?(\d+(\.\d*)?|\.\d+)$/, 'not a decimal amount');
const count = z.number().int().nonnegative();

export const OrganizationSchema: z.ZodType<ApiOrganization> = z.object({ id: z.string().min(1), name: z.string() });

export const UserSchema: z.ZodType<ApiUser> = z.object({
  id: z.string().min(1),
  email: z.string(),
  name: z.string(),
  role: z.string(),
  added_at: apiTime,
});

export const InviteSchema: z.ZodType<ApiInvite> = z.object({
  id: z.string().min(1),
  email: z.string(),
  role: z.string(),
  status: z.string(),
  invited_at: apiTime,
  expires_at: apiTime,
  accepted_at: apiTime.nullable().optional(),
  rbac_group_ids: z.array(z.string()).optional(),
});

export const WorkspaceSchema: z.ZodType<ApiWorkspace> = z.object({
  id: z.string().min(1),
  name: z.string(),
  created_at: apiTime,
  archived_at: apiTime.nullable(),
  display_color: z.string().nullable().optional(),
  tags: z.record(z.string(), z.string()).nullable().optional(),
});

export const WorkspaceMemberSchema: z.ZodType<ApiWorkspaceMember> = z.object({
  user_id: z.string().min(1),
  workspace_id: z.string().min(1),
  workspace_role: z.string(),
});

export const ApiKeySchema: z.ZodType<ApiKey> = z.object({
  id: z.string().min(1),
  name: z.string(),
  status: z.string(),
  created_at: apiTime,
  expires_at: apiTime.nullable().optional(),
  partial_key_hint: z.string().nullable().optional(),
  created_by: z.object({ id: z.string(), type: z.string() }).nullable().optional(),
  principal: z
    .discriminatedUnion('type', [
      z.object({ type: z.literal('user_actor'), user_id: z.string() }),
      z.object({ type: z.literal('service_account_actor'), service_account_id: z.string() }),
    ])
    .nullable()
    .optional(),
  scope: z
    .discriminatedUnion('type', [
      z.object({ type: z.literal('workspace'), workspace_id: z.string() }),
      z.object({ type: z.literal('organization') }),
    ])
    .nullable()
    .optional(),
  workspace_id: z.string().nullable().optional(),
});

const rateLimitGroup = z.object({ id: z.string(), type: z.string(), display_name: z.string().nullable().optional() });

export const RateLimitSchema: z.ZodType<ApiRateLimit> = z
  .object({
    id: z.string().optional(),
    group: rateLimitGroup.nullable().optional(),
    group_type: z.string().optional(),
    limits: z.array(z.object({ type: z.string(), value: z.number().nullable() })),
    models: z.array(z.string()).nullable().optional(),
  })
  .refine((r) => r.id != null || r.group != null || r.group_type != null, {
    message: 'rate limit without id or group',
  });

export const WorkspaceRateLimitSchema: z.ZodType<ApiWorkspaceRateLimit> = z.object({
  workspace_id: z.string().min(1),
  rate_limit_id: z.string().min(1),
  group: rateLimitGroup.nullable().optional(),
  models: z.array(z.string()).nullable().optional(),
  limits: z.array(
    z.object({
      type: z.string(),
      value: z.number().nullable(),
      org_limit: z.number().nullable().optional(),
      source: z.object({ type: z.string() }).nullable().optional(),
    }),
  ),
});

export const SpendLimitSchema: z.ZodType<ApiSpendLimit> = z.object({
  id: z.string().min(1),
  amount: decimalString.nullable(),
  currency: z.string(),
  period: z.string(),
  is_enabled: z.boolean(),
  scope: z.looseObject({ type: z.string() }),
  created_at: apiTime,
  updated_at: apiTime,
});

const looseScope = z.looseObject({ type: z.string() });
export const EffectiveSpendSchema: z.ZodType<ApiEffectiveSpend> = z.object({
  actor: z.discriminatedUnion('type', [
    z.object({
      type: z.literal('user_actor'),
      user_id: z.string(),
      name: z.string().nullable().optional(),
      email_address: z.string().nullable().optional(),
      deleted: z.boolean().optional(),
    }),
    z.object({ type: z.literal('scoped_api_key_actor'), scoped_api_key_id: z.string() }),
  ]),
  amount: decimalString.nullable(),
  currency: z.string(),
  period: z.string(),
  period_to_date_spend: decimalString,
  scope: looseScope.nullable().optional(),
  source: looseScope.nullable().optional(),
  spend_limit_id: z.string().nullable().optional(),
});

const nullableString = z.string().nullable().optional();

export const UsageResultSchema: z.ZodType<ApiUsageResult> = z.object({
  uncached_input_tokens: count,
  cache_creation: z.object({ ephemeral_1h_input_tokens: count, ephemeral_5m_input_tokens: count }),
  cache_read_input_tokens: count,
  output_tokens: count,
  server_tool_use: z.object({ web_search_requests: count }).nullable().optional(),
  api_key_id: nullableString,
  workspace_id: nullableString,
  model: nullableString,
  service_tier: nullableString,
  context_window: nullableString,
  inference_geo: nullableString,
});

export const CostResultSchema: z.ZodType<ApiCostResult> = z.object({
  amount: decimalString,
  currency: z.string(),
  cost_type: nullableString,
  description: nullableString,
  model: nullableString,
  service_tier: nullableString,
  token_type: nullableString,
  context_window: nullableString,
  inference_geo: nullableString,
  workspace_id: nullableString,
});

function bucket<R>(result: z.ZodType<R>): z.ZodType<ApiReportBucket<R>> {
  return z.object({ starting_at: apiTime, ending_at: apiTime, results: z.array(result) });
}
export const UsageBucketSchema = bucket(UsageResultSchema);
export const CostBucketSchema = bucket(CostResultSchema);

const toolAction = z.object({ accepted: count, rejected: count });
export const ClaudeCodeRecordSchema: z.ZodType<ApiClaudeCodeRecord> = z.object({
  date: z.string().min(10),
  actor: z.discriminatedUnion('type', [
    z.object({ type: z.literal('user_actor'), email_address: z.string() }),
    z.object({ type: z.literal('api_actor'), api_key_name: z.string() }),
  ]),
  organization_id: z.string().optional(),
  customer_type: z.string(),
  subscription_type: z.string().nullable().optional(),
  terminal_type: z.string().nullable().optional(),
  core_metrics: z.object({
    num_sessions: count,
    lines_of_code: z.object({ added: count, removed: count }),
    commits_by_claude_code: count,
    pull_requests_by_claude_code: count,
  }),
  tool_actions: z.record(z.string(), toolAction),
  model_breakdown: z.array(
    z.object({
      model: z.string(),
      tokens: z.object({ input: count, output: count, cache_read: count, cache_creation: count }),
      estimated_cost: z.object({ amount: z.number().finite(), currency: z.string() }),
    }),
  ),
});

/** `Page` lists (admin-api.md §2): the next page starts after `last_id` while `has_more`. */
export function pageSchema<T>(item: z.ZodType<T>) {
  return z
    .object({
      data: z.array(item),
      has_more: z.boolean(),
      first_id: z.string().nullable().optional(),
      last_id: z.string().nullable(),
    })
    .refine((p) => !p.has_more || p.last_id != null, { message: 'has_more without last_id' });
}

/** `PageCursor` lists: continue while `next_page` is non-null. */
export function pageCursorSchema<T>(item: z.ZodType<T>) {
  return z.object({ data: z.array(item), next_page: z.string().nullable() });
}

/** Classic reports: `{data, has_more, next_page}`. */
export function reportPageSchema<T>(item: z.ZodType<T>) {
  return z
    .object({ data: z.array(item), has_more: z.boolean(), next_page: z.string().nullable() })
    .refine((p) => !p.has_more || p.next_page != null, { message: 'has_more without next_page' });
}
