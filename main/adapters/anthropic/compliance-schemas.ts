/**
 * zod schemas of the Compliance API activity feed (admin-api.md §5), which the SDK does not cover. Unlike the Admin
 * API schemas, an activity keeps its unknown fields: they are the type-specific metadata (`api_key_id`, `updates`,
 * …) the trail normalises and shows raw. Only the envelope is required.
 */
import { z } from 'zod';
import type { ComplianceActivity } from '../../core/audit/normalise-compliance';

const apiTime = z.string().refine((s) => !Number.isNaN(Date.parse(s)), { message: 'not an RFC 3339 time' });

/** `user_actor`, `api_actor`, `admin_api_key_actor`, … each with its own fields; `type` is what tells them apart. */
export const ComplianceActorSchema = z.looseObject({ type: z.string().min(1) });

export const ComplianceActivitySchema: z.ZodType<ComplianceActivity> = z.looseObject({
  id: z.string().min(1),
  created_at: apiTime,
  type: z.string().min(1),
  actor: ComplianceActorSchema.nullable().optional(),
  organization_id: z.string().nullable().optional(),
  organization_uuid: z.string().nullable().optional(),
});

/** `{data, has_more, first_id, last_id}`, newest first; the ids are the (opaque) cursors. */
export const ComplianceActivityPageSchema = z
  .object({
    data: z.array(ComplianceActivitySchema),
    has_more: z.boolean(),
    first_id: z.string().nullable(),
    last_id: z.string().nullable(),
  })
  .refine((p) => !p.has_more || p.last_id != null, { message: 'has_more without last_id' });

export type ComplianceActivityPageBody = z.output<typeof ComplianceActivityPageSchema>;
