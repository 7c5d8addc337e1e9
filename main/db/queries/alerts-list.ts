/**
 * The alert centre's list: open episodes, recently closed ones and the active snoozes of the open
 * profile, as stored by the alert cycle (main/db/alerts). Texts come from the alert core, which names targets by
 * name; they still pass through redactSecrets on their way to the window.
 */
import type Database from 'better-sqlite3';
import type { AlertEpisode, AlertSnoozeView, AlertsList } from '../../../preload/contract';
import { pruneSnoozes, severityRank, type Episode, type Snooze } from '../../core/alerts/index';
import { redactSecrets } from '../../core/redact';
import { loadAlertRules, loadEpisodes, loadSnoozes, readWorkspaceName } from '../alerts/index';
import { windowViewOf } from '../../core/alerts/window-view';

/** Closed episodes the list carries at most. */
export const RECENT_LIMIT = 50;

export function toEpisodeDto(episode: Episode): AlertEpisode {
  return {
    id: episode.id,
    rule: episode.rule,
    severity: episode.severity,
    targetKind: episode.targetKind,
    targetId: episode.targetId,
    targetName: redactSecrets(episode.targetName),
    title: redactSecrets(episode.title),
    body: redactSecrets(episode.body),
    view: windowViewOf(episode.view.view),
    openedAtMs: episode.openedAtMs,
    closedAtMs: episode.closedAtMs,
    notifiedAtMs: episode.notifiedAtMs,
    heldBy: episode.heldBy,
    heldUntilMs: episode.heldUntilMs,
  };
}

function bySeverityThenNewest(a: Episode, b: Episode): number {
  return severityRank[b.severity] - severityRank[a.severity] || b.openedAtMs - a.openedAtMs;
}

/** A snooze's target by name: from an episode about it, else the mirror's workspaces, else none. */
function targetNameOf(snooze: Snooze, episodes: readonly Episode[], db: Database.Database): string | null {
  if (snooze.targetId === null) return null;
  const episode = [...episodes].reverse().find((candidate) => candidate.targetId === snooze.targetId);
  if (episode) return redactSecrets(episode.targetName);
  const workspace = readWorkspaceName(db, snooze.targetId);
  return workspace === null ? null : redactSecrets(workspace);
}

export function readAlertsList(db: Database.Database, nowMs: number, systemTimeZone: string): AlertsList {
  const episodes = loadEpisodes(db);
  const open = episodes.filter((episode) => episode.closedAtMs === null).sort(bySeverityThenNewest);
  const recent = episodes
    .filter((episode) => episode.closedAtMs !== null)
    .sort((a, b) => (b.closedAtMs ?? 0) - (a.closedAtMs ?? 0))
    .slice(0, RECENT_LIMIT);
  const snoozes: AlertSnoozeView[] = pruneSnoozes(loadSnoozes(db), nowMs)
    .sort((a, b) => a.untilMs - b.untilMs)
    .map((snooze) => ({ ...snooze, targetName: targetNameOf(snooze, episodes, db) }));
  return {
    nowMs,
    timeZone: loadAlertRules(db, systemTimeZone).quietHours.timeZone,
    open: open.map(toEpisodeDto),
    recent: recent.map(toEpisodeDto),
    snoozes,
  };
}

/** An empty list, while the profile's data is still being prepared. */
export function emptyAlertsList(nowMs: number, systemTimeZone: string): AlertsList {
  return { nowMs, timeZone: systemTimeZone, open: [], recent: [], snoozes: [] };
}
