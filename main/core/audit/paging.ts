/**
 * Keyset paging for the trail, newest first: the order is (atMs DESC, id DESC), and a cursor is the last row's
 * (atMs, id). Appends never shift a page, and events with equal times are neither skipped nor repeated.
 */
export interface AuditPageCursor {
  atMs: number;
  id: number;
}

export const DEFAULT_AUDIT_PAGE_SIZE = 50;
export const MAX_AUDIT_PAGE_SIZE = 1000;

export function encodeAuditCursor(cursor: AuditPageCursor): string {
  return `${cursor.atMs}.${cursor.id}`;
}

/** Null for anything that is not a cursor this module wrote. */
export function decodeAuditCursor(text: string): AuditPageCursor | null {
  const match = /^(-?\d{1,16})\.(\d{1,16})$/.exec(text.trim());
  if (!match) return null;
  const atMs = Number(match[1]);
  const id = Number(match[2]);
  return Number.isSafeInteger(atMs) && Number.isSafeInteger(id) ? { atMs, id } : null;
}

export function clampPageSize(limit: number | undefined): number {
  if (limit === undefined || !Number.isFinite(limit)) return DEFAULT_AUDIT_PAGE_SIZE;
  return Math.min(MAX_AUDIT_PAGE_SIZE, Math.max(1, Math.floor(limit)));
}
