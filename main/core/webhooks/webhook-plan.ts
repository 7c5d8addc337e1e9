/**
 * What a team webhook is due to receive now, under the same rules as the desktop notifications: each open episode
 * once (its own "delivered" mark, kept apart from the desktop's `notifiedAtMs` so neither surface hides the other),
 * nothing while quiet hours or a snooze hold it (it goes when they end, if still open), and the digest once per
 * local day. Pure: the delivery service keeps the marks (db/alerts/webhook-deliveries-repo.ts).
 */
import type { AlertRules, Episode, Snooze } from '../alerts/index';
import {
  activeSnoozeFor,
  isDigestDue,
  digestLocalDay,
  isOpen,
  isWithinQuietHours,
  severityRank,
} from '../alerts/index';

/** The delivery mark of a digest: one per local day. Episode marks are the episode's id. */
export function digestMarkKey(localDay: string): string {
  return `digest@${localDay}`;
}

/** The local day of the latest digest mark among `keys`, or null. */
export function lastDigestDay(keys: Iterable<string>): string | null {
  let last: string | null = null;
  for (const key of keys) {
    const day = key.startsWith('digest@') ? key.slice('digest@'.length) : null;
    if (day !== null && (last === null || day > last)) last = day;
  }
  return last;
}

export interface WebhookPlan {
  /** Open, not yet delivered to this channel, not held now: most severe first, then oldest. */
  episodes: Episode[];
  /** Open and undelivered, but held by quiet hours or a snooze. */
  held: Episode[];
  /** The local day whose digest is due now, or null. */
  digestDay: string | null;
}

export function planWebhookDeliveries(
  episodes: readonly Episode[],
  delivered: ReadonlySet<string>,
  rules: AlertRules,
  snoozes: readonly Snooze[],
  nowMs: number,
): WebhookPlan {
  const quiet = isWithinQuietHours(nowMs, rules.quietHours);
  const due: Episode[] = [];
  const held: Episode[] = [];
  for (const episode of episodes) {
    if (!isOpen(episode) || delivered.has(episode.id)) continue;
    if (quiet || activeSnoozeFor(snoozes, episode, nowMs)) held.push(episode);
    else due.push(episode);
  }
  due.sort((a, b) => severityRank[b.severity] - severityRank[a.severity] || a.openedAtMs - b.openedAtMs);
  const digestDay = isDigestDue(nowMs, rules, lastDigestDay(delivered)) ? digestLocalDay(nowMs, rules) : null;
  return { episodes: due, held, digestDay };
}
