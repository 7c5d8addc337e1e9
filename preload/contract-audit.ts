/**
 * The audit trail's channels: search (the trail's query language, a page at a time) and export (main writes the file).
 * Spread into the one channel table in contract.ts; same rules (zod both ways, no Electron or Node imports).
 */
import { z } from 'zod';
import type { ChannelSpec } from './channel-spec';

/** The audit trail: one event as the window shows it; secrets were redacted before storage. */
export const AuditEventDto = z.object({
  id: z.number().int(),
  atMs: z.number(),
  recordedAtMs: z.number(),
  source: z.enum(['compliance', 'journal', 'local']),
  type: z.string(),
  actor: z
    .object({ kind: z.string(), id: z.string().optional(), email: z.string().optional(), name: z.string().optional() })
    .nullable(),
  workspaceId: z.string().nullable(),
  keyId: z.string().nullable(),
  targets: z.array(z.object({ type: z.string(), id: z.string().optional(), name: z.string().optional() })),
  summary: z.string(),
  before: z.json().nullable(),
  after: z.json().nullable(),
  /** The feed's raw activity (compliance events only). */
  raw: z.json().nullable(),
  hash: z.string(),
  /**
   * Set when this line stands for a UTC day of the app's own report reads (the newest of them; its summary counts
   * the day). Search folds them unless the query says `self:show` (main/core/audit/self-views.ts).
   */
  folded: z
    .object({ day: z.string(), count: z.number().int().positive(), byType: z.record(z.string(), z.number().int()) })
    .optional(),
});
export type AuditEventView = z.infer<typeof AuditEventDto>;

/** The trail's query language: free text plus actor: type: workspace: key: source: after:YYYY-MM-DD before:YYYY-MM-DD self:show. */
const AuditQueryText = z.string().max(2000);
export const AuditSearchRequest = z.object({
  query: AuditQueryText,
  /** The previous page's `nextCursor`; absent for the first (newest) page. */
  cursor: z.string().max(64).nullable().optional(),
  limit: z.number().int().min(1).max(500).optional(),
});
export const AuditSearchPageDto = z.object({ events: z.array(AuditEventDto), nextCursor: z.string().nullable() });
export type AuditSearchPageView = z.infer<typeof AuditSearchPageDto>;

/** Main writes the file (the window never touches the file system) and records the export in the trail. */
export const AuditExportRequest = z.object({ query: AuditQueryText, format: z.enum(['csv', 'jsonl']) });
export const AuditExportResultDto = z.object({ count: z.number().int().nonnegative(), file: z.string() });
export type AuditExportResult = z.infer<typeof AuditExportResultDto>;

export const auditChannels = {
  'clade:audit/search': { kind: 'invoke', request: AuditSearchRequest, response: AuditSearchPageDto },
  'clade:audit/export': { kind: 'invoke', request: AuditExportRequest, response: AuditExportResultDto },
} as const satisfies Record<string, ChannelSpec>;
