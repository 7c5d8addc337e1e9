/**
 * The overview's one answer: the month so far against the org budget and spend limit, the alerts' weekday-aware
 * month-end forecast, spend by workspace with each one's budget or limit, the open alerts, and the mirror's
 * health (the offline state). Everything from the mirror; money leaves as decimal strings of cents.
 */
import type Database from 'better-sqlite3';
import { utcDay } from '../../core/time';
import { ReportRepo } from '../repos/report-repo';
import type { Overview, OverviewAlert, OverviewSync } from '../../../preload/contract';
import { assessHealth, openEpisodes, severityRank, workspaceKey, type Episode } from '../../core/alerts/index';
import { nanocentsToCents } from '../../core/money';
import { redactSecrets } from '../../core/redact';
import { loadEpisodes } from '../alerts/index';
import { OrganizationRepo } from '../repos/organization-repo';
import { readSpendPicture, type SpendPicture } from './overview-spend';

const TOP_ALERTS = 5;

export function readOverview(db: Database.Database, nowMs: number): Overview {
  const picture = readSpendPicture(db, nowMs);
  const now = new Date(nowMs);
  const monthStartMs = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1);
  const org = new OrganizationRepo(db).get();
  return {
    org: org ? { id: org.id, name: org.name } : null,
    currency: 'USD',
    month: now.toISOString().slice(0, 7),
    monthStartMs,
    lastCostDayMs: lastCostDayMs(picture, monthStartMs),
    monthToDateCents: nanocentsToCents(picture.org.spentNanocents),
    forecastCents: picture.org.projectedNanocents === null ? null : nanocentsToCents(picture.org.projectedNanocents),
    forecastCaps: picture.org.forecastCaps,
    targets: picture.org.targets,
    byWorkspace: byWorkspace(picture),
    alerts: alertSummary(openEpisodes(loadEpisodes(db))),
    sync: syncHealth(db, picture, nowMs),
  };
}

function lastCostDayMs(picture: SpendPicture, monthStartMs: number): number | null {
  const month = new Date(monthStartMs).toISOString().slice(0, 7);
  const last = picture.inputs.dailyCost.reduce<string | null>(
    (max, row) => (row.day.startsWith(month) && (max === null || row.day > max) ? row.day : max),
    null,
  );
  return last === null ? null : Date.parse(`${last}T00:00:00Z`);
}

function byWorkspace(picture: SpendPicture): Overview['byWorkspace'] {
  const names = new Map(picture.inputs.workspaces.map((workspace) => [workspaceKey(workspace.id), workspace]));
  return [...picture.workspaces]
    .filter(([, spend]) => spend.spentNanocents > 0n || spend.targets.length > 0)
    .sort(([keyA, a], [keyB, b]) =>
      a.spentNanocents === b.spentNanocents ? keyA.localeCompare(keyB) : a.spentNanocents > b.spentNanocents ? -1 : 1,
    )
    .map(([key, spend]) => ({
      workspaceId: key === 'default' ? null : key,
      name: names.get(key)?.name ?? (key === 'default' ? 'Default workspace' : key),
      cents: nanocentsToCents(spend.spentNanocents),
      targets: spend.targets,
    }));
}

function alertSummary(open: Episode[]): Overview['alerts'] {
  const ranked = [...open].sort(
    (a, b) => severityRank[b.severity] - severityRank[a.severity] || b.openedAtMs - a.openedAtMs,
  );
  const top: OverviewAlert[] = ranked.slice(0, TOP_ALERTS).map((episode) => ({
    id: episode.id,
    severity: episode.severity,
    title: episode.title,
    body: episode.body,
    openedAtMs: episode.openedAtMs,
  }));
  return {
    open: open.length,
    critical: open.filter((episode) => episode.severity === 'critical').length,
    warning: open.filter((episode) => episode.severity === 'warning').length,
    top,
  };
}

function syncHealth(db: Database.Database, picture: SpendPicture, nowMs: number): OverviewSync {
  const health = assessHealth(picture.inputs, picture.rules, nowMs);
  const run = db
    .prepare(
      `SELECT status, finished_at_ms AS finishedAtMs, detail FROM sync_runs WHERE finished_at_ms IS NOT NULL ORDER BY finished_at_ms DESC, id DESC LIMIT 1`,
    )
    .get() as { status: string; finishedAtMs: number; detail: string | null } | undefined;
  // The detail is an error message: never let anything key-shaped through to the window.
  const lastRun = run ? { ...run, detail: run.detail === null ? null : redactSecrets(run.detail) } : null;
  const spend = health.spend.map((problem) => ({ resource: problem.resource, reason: redactSecrets(problem.reason) }));
  const incompleteDays = new ReportRepo(db).incompleteDays().map((d) => ({
    resource: d.resource,
    day: utcDay(d.dayMs),
    message: redactSecrets(d.message),
  }));
  return { syncedAtMs: health.lastSuccessAtMs, problems: health.problems, spend, lastRun, incompleteDays };
}
