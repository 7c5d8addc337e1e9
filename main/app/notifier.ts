/**
 * Native notifications for alert episodes and the morning digest, over Electron's `Notification`.
 * Clicking one opens the window on the episode's view. Texts come from the alert core, which names workspaces
 * and keys by name; every title and body still passes through redactSecrets, so no key can reach the desktop, and
 * through the output sanitiser (core/text/escape-controls.ts), so a name's control or bidi characters are shown
 * escaped, never interpreted: an episode's title and body are one line each, escaped whole; a summary's and the
 * digest's bodies are our lines, each escaped whole. `show` escapes once more, so no builder can forget it.
 *
 * A burst (first launch, a sync after a long night) shows the three most severe one by one and folds the rest
 * into one summary, so the admin is told about everything once without a wall of notifications.
 */
import type { NotificationConstructorOptions } from 'electron';
import type { Navigate } from '../../preload/contract';
import type { Digest, Episode, Severity } from '../core/alerts/index';
import { severityRank } from '../core/alerts/index';
import type { NotifierPort } from '../core/ports';
import { redactSecrets } from '../core/redact';
import { escapeControls, escapeControlsKeepingLines } from '../core/text/escape-controls';
import type { NotificationPort, TrayRuntime } from './tray/tray-ports';
import { ALERT_CENTRE, navigationFor } from './tray/tray-navigation';

export type { NotifierPort } from '../core/ports';

export const MAX_INDIVIDUAL_NOTIFICATIONS = 3;
/** Titles listed in a summary's body before "…and N more". */
const SUMMARY_LINES = 4;
/** Notifications kept referenced so their click handlers survive garbage collection. */
const KEEP_ALIVE = 50;

const URGENCY: Record<Severity, NotificationConstructorOptions['urgency']> = {
  critical: 'critical',
  warning: 'normal',
  info: 'low',
};

/** Most severe first, then oldest; the first few are shown one by one, the rest summarised. */
export function planNotifications(episodes: readonly Episode[]): { individual: Episode[]; summarized: Episode[] } {
  const sorted = [...episodes].sort(
    (a, b) => severityRank[b.severity] - severityRank[a.severity] || a.openedAtMs - b.openedAtMs,
  );
  // One left over would make a summary of one: show it as itself.
  if (sorted.length <= MAX_INDIVIDUAL_NOTIFICATIONS + 1) return { individual: sorted, summarized: [] };
  return {
    individual: sorted.slice(0, MAX_INDIVIDUAL_NOTIFICATIONS),
    summarized: sorted.slice(MAX_INDIVIDUAL_NOTIFICATIONS),
  };
}

/** An org-derived text that is one line: redacted, then every control and bidi character shown escaped. */
function shown(text: string): string {
  return escapeControls(redactSecrets(text));
}

export function episodeNotification(episode: Episode): NotificationConstructorOptions {
  return {
    title: shown(episode.title),
    body: shown(episode.body),
    silent: episode.severity === 'info',
    urgency: URGENCY[episode.severity],
  };
}

export function summaryNotification(episodes: readonly Episode[]): NotificationConstructorOptions {
  const lines = episodes.slice(0, SUMMARY_LINES).map((episode) => shown(episode.title));
  if (episodes.length > SUMMARY_LINES) lines.push(`…and ${episodes.length - SUMMARY_LINES} more`);
  const worst = episodes.reduce<Severity>(
    (max, e) => (severityRank[e.severity] > severityRank[max] ? e.severity : max),
    'info',
  );
  return {
    title: `${episodes.length} more alerts`,
    body: lines.join('\n'),
    silent: worst === 'info',
    urgency: URGENCY[worst],
  };
}

export function digestNotification(digest: Digest): NotificationConstructorOptions {
  const lines = digest.lines.slice(0, SUMMARY_LINES).map(shown);
  if (digest.lines.length > SUMMARY_LINES) lines.push(`…and ${digest.lines.length - SUMMARY_LINES} more`);
  return {
    title: `Morning digest: ${shown(digest.title)}`,
    body: lines.join('\n'),
    silent: true,
    urgency: 'low',
  };
}

export function createElectronNotifier(
  runtime: Pick<TrayRuntime, 'Notification'>,
  /** `openView` shows the window on the episode's view; summaries and the digest open the alert centre. */
  options: { openView(to: Navigate | null): void },
): NotifierPort {
  const live: NotificationPort[] = [];
  const forget = (notification: NotificationPort): void => {
    const index = live.indexOf(notification);
    if (index >= 0) live.splice(index, 1);
  };
  const show = (content: NotificationConstructorOptions, to: Navigate | null): void => {
    const notification = new runtime.Notification({
      ...content,
      title: escapeControls(content.title ?? ''),
      body: escapeControlsKeepingLines(content.body ?? ''),
    });
    notification.on('click', () => {
      options.openView(to);
      forget(notification);
    });
    notification.on('close', () => forget(notification));
    live.push(notification);
    if (live.length > KEEP_ALIVE) live.shift();
    notification.show();
  };
  return {
    notifyEpisodes(episodes) {
      if (episodes.length === 0 || !runtime.Notification.isSupported()) return [];
      const { individual, summarized } = planNotifications(episodes);
      for (const episode of individual) show(episodeNotification(episode), navigationFor(episode.view));
      if (summarized.length > 0) show(summaryNotification(summarized), ALERT_CENTRE);
      return [...individual, ...summarized].map((episode) => episode.id);
    },
    notifyDigest(digest) {
      if (!runtime.Notification.isSupported()) return false;
      show(digestNotification(digest), ALERT_CENTRE);
      return true;
    },
  };
}
