/**
 * The access review export (issue #23): the window asks main to write the report for a period (default: the last
 * whole calendar quarter, UTC) as printable HTML, CSV, or PDF (the same HTML printed by Electron's printToPDF);
 * main chooses the file (an `exports` folder next to the profile's mirror, as the audit export does), writes it and
 * records the export in the audit trail. The window never touches the file system.
 * Spread into the one channel table in contract.ts; same rules (zod both ways, no Electron or Node imports).
 */
import { z } from 'zod';
import type { ChannelSpec } from './channel-spec';

const UtcDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date as YYYY-MM-DD');

export const ReviewExportRequest = z.object({
  /** First and last UTC day (inclusive); both absent: the last whole quarter. */
  from: UtcDay.optional(),
  to: UtcDay.optional(),
  format: z.enum(['html', 'csv', 'pdf']),
});
export type ReviewExportInput = z.infer<typeof ReviewExportRequest>;

export const ReviewExportResultDto = z.object({
  file: z.string(),
  bytes: z.number().int().nonnegative(),
  from: z.string(),
  to: z.string(),
  format: z.enum(['html', 'csv', 'pdf']),
});
export type ReviewExportResult = z.infer<typeof ReviewExportResultDto>;

export const reviewChannels = {
  'clade:review/export': { kind: 'invoke', request: ReviewExportRequest, response: ReviewExportResultDto },
} as const satisfies Record<string, ChannelSpec>;
