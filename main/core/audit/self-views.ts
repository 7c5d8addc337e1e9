/**
 * Our own reads in the Compliance feed. Every sync reads the cost and usage reports, and the API records each read
 * as an activity of the admin key that made it (`platform_cost_report_viewed` by an `admin_api_key_actor`): left
 * alone they are most of the feed (35 of 50 events in one trail) and bury what people did. This module is the one
 * judgement of what counts as our own read and how a day of them reads; search (db/audit/search.ts) applies it for
 * the CLI and the window alike, at query time only. Stored events are never changed (the trail is a hash chain), and
 * exports keep every event: see db/audit/export.ts.
 *
 * Which admin key is ours: no Admin API endpoint names the key a request came with, so it is learnt from the feed
 * itself (db/audit/own-admin-keys.ts): an admin key whose report views fall inside this profile's own sync runs.
 */
import type { AuditActor, AuditEventDraft } from './event';

/** The activity types our sync causes by reading the reports (admin-api.md §5). */
export const OWN_READ_TYPES: readonly string[] = [
  'platform_cost_report_viewed',
  'platform_usage_report_messages_viewed',
];

/** The actor kind of an admin key in the trail (`admin_api_key_actor` without its suffix, normalise-compliance.ts). */
export const ADMIN_KEY_ACTOR_KIND = 'admin_api_key';

/** The qualifier that lists our own reads one by one instead of folded (`self:show`). */
export const SELF_SHOW = 'show';

/** A day of our own reads, folded into the newest of them: what the search answers in its place. */
export interface OwnReadsFold {
  /** The UTC day, YYYY-MM-DD (search days are UTC days). */
  day: string;
  /** How many reads the line stands for (itself included). */
  count: number;
  /** Reads per activity type. */
  byType: Record<string, number>;
}

export const DAY_MS = 86_400_000;

/** True for a report read by one of our admin keys: an event the search folds unless `self:show`. */
export function isOwnRead(
  event: { source: string; type: string; actor: AuditActor | null },
  ownKeyIds: readonly string[],
): boolean {
  return (
    event.source === 'compliance' &&
    OWN_READ_TYPES.includes(event.type) &&
    event.actor?.id !== undefined &&
    ownKeyIds.includes(event.actor.id)
  );
}

/** Report reads by any admin key in a page of feed drafts: the evidence own-admin-keys.ts weighs. */
export function adminKeyReports(drafts: readonly AuditEventDraft[]): Array<{ keyId: string; atMs: number }> {
  return drafts
    .filter((d) => d.source === 'compliance' && OWN_READ_TYPES.includes(d.type))
    .filter((d) => d.actor?.kind === ADMIN_KEY_ACTOR_KIND && typeof d.actor.id === 'string')
    .map((d) => ({ keyId: d.actor!.id!, atMs: d.atMs }));
}

const READ_WORDS: Record<string, string> = {
  platform_cost_report_viewed: 'the cost report',
  platform_usage_report_messages_viewed: 'the usage report',
};

/** "This app's syncs read the cost report 20 times and the usage report 15 times (admin key apikey_…); …" */
export function foldedSummary(fold: OwnReadsFold, keyId: string | null): string {
  const parts = Object.entries(fold.byType)
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([type, n]) => `${READ_WORDS[type] ?? type.replace(/_/g, ' ')} ${n === 1 ? 'once' : `${n} times`}`);
  const key = keyId ? ` (admin key ${keyId})` : '';
  return (
    `This app’s syncs read ${parts.join(' and ')} on ${fold.day}${key}; ` +
    `folded into one line, search with self:show to list each`
  );
}

export function utcDay(atMs: number): string {
  return new Date(Math.floor(atMs / DAY_MS) * DAY_MS).toISOString().slice(0, 10);
}
