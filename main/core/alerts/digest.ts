/**
 * The optional morning digest: one summary of what is open, due once per local day from `rules.digest.at`
 * (in the admin's zone, quietHours.timeZone), never during quiet hours. The caller persists the local day
 * of the last digest it showed and passes it back.
 */
import type { AlertRules } from './rules';
import type { Severity } from './types';
import { parseClockTime, zonedParts } from '../time';
import { isOpen, type Episode } from './episodes';
import { isWithinQuietHours } from './quiet-hours';
import { severityRank } from './evaluate';

export interface Digest {
  /** The admin's local day (`YYYY-MM-DD`) this digest is for: persist it as the last digest day. */
  localDay: string;
  title: string;
  /** One line per open episode, most severe first. */
  lines: string[];
  body: string;
  episodeIds: string[];
  counts: Record<Severity, number>;
}

/** The admin's local day of `nowMs`. */
export function digestLocalDay(nowMs: number, rules: AlertRules): string {
  return zonedParts(nowMs, rules.quietHours.timeZone).day;
}

/** Enabled, at or past today's digest time, not in quiet hours, and not yet shown today. */
export function isDigestDue(nowMs: number, rules: AlertRules, lastDigestLocalDay: string | null): boolean {
  const at = parseClockTime(rules.digest.at);
  if (!rules.digest.enabled || at === null) return false;
  const local = zonedParts(nowMs, rules.quietHours.timeZone);
  if (local.day === lastDigestLocalDay || local.minuteOfDay < at) return false;
  return !isWithinQuietHours(nowMs, rules.quietHours);
}

/** The digest of the open episodes; null when nothing is open (a quiet morning sends nothing). */
export function buildDigest(episodes: readonly Episode[], nowMs: number, rules: AlertRules): Digest | null {
  const open = episodes
    .filter(isOpen)
    .sort((a, b) => severityRank[b.severity] - severityRank[a.severity] || a.openedAtMs - b.openedAtMs);
  if (open.length === 0) return null;
  const counts: Record<Severity, number> = { critical: 0, warning: 0, info: 0 };
  for (const episode of open) counts[episode.severity] += 1;
  const parts = (['critical', 'warning', 'info'] as const)
    .filter((severity) => counts[severity] > 0)
    .map((severity) => `${counts[severity]} ${severity}`);
  const lines = open.map((episode) => `${episode.severity === 'info' ? '' : `[${episode.severity}] `}${episode.title}`);
  return {
    localDay: digestLocalDay(nowMs, rules),
    title: `${open.length} open alert${open.length === 1 ? '' : 's'} (${parts.join(', ')})`,
    lines,
    body: lines.join('\n'),
    episodeIds: open.map((episode) => episode.id),
    counts,
  };
}

/**
 * Both steps at once: null when no digest is due; else the local day to persist and the digest to show
 * (null digest: due, but nothing open; still persist the day so a later opening does not trigger one).
 */
export function planDigest(
  episodes: readonly Episode[],
  nowMs: number,
  rules: AlertRules,
  lastDigestLocalDay: string | null,
): { localDay: string; digest: Digest | null } | null {
  if (!isDigestDue(nowMs, rules, lastDigestLocalDay)) return null;
  return { localDay: digestLocalDay(nowMs, rules), digest: buildDigest(episodes, nowMs, rules) };
}
