/**
 * The tray menu as data: a PURE function from what the mirror says to an Electron menu template, so
 * its content is asserted in tests without Electron. Texts come from the alert core and name workspaces and
 * keys by name; they still pass through redactSecrets.
 */
import type { MenuItemConstructorOptions } from 'electron';
import type { Navigate } from '../../../preload/contract';
import type { Episode, MonthSpendSummary, Severity } from '../../core/alerts/index';
import { formatUsd, severityRank } from '../../core/alerts/index';
import { ordinal } from '../../core/time';
import { redactSecrets } from '../../core/redact';
import { ALERT_CENTRE, navigationFor } from './tray-navigation';

/** How many open alerts the menu lists before "…and N more". */
export const MENU_ALERT_LIMIT = 5;

export interface TrayMenuData {
  /** null until the mirror holds an organization. */
  orgName: string | null;
  /** This month's spend (core `summarizeMonthSpend`); null when nothing is synced. */
  spend: MonthSpendSummary | null;
  /** Open episodes, in any order (the menu sorts them). */
  openAlerts: readonly Episode[];
  /** "Pause alerts for 1 h" is in force until this instant; null when not paused. */
  pausedUntilMs: number | null;
  syncing: boolean;
  /** Whether "Sync now" can do anything (a sync function is wired). */
  canSync: boolean;
  nowMs: number;
  /** The admin's zone, for "paused until 21:30". */
  timeZone: string;
}

export interface TrayMenuActions {
  syncNow(): void;
  pauseAlerts(): void;
  resumeAlerts(): void;
  /** Opens the window, on one of its views when given. */
  openWindow(to: Navigate | null): void;
  quit(): void;
}

const SEVERITY_LABEL: Record<Severity, string> = { critical: 'Critical', warning: 'Warning', info: 'Info' };

function monthLabel(month: string): string {
  return new Intl.DateTimeFormat('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
    new Date(`${month}-01T00:00:00Z`),
  );
}

function localTime(ms: number, timeZone: string): string {
  return new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone }).format(
    new Date(ms),
  );
}

const info = (label: string): MenuItemConstructorOptions => ({ label, enabled: false });
const separator: MenuItemConstructorOptions = { type: 'separator' };

function spendItems(spend: MonthSpendSummary | null, actions: TrayMenuActions): MenuItemConstructorOptions[] {
  if (spend === null) return [info('No data synced yet')];
  const items = [info(`${monthLabel(spend.month)}: ${formatUsd(spend.spentNanocents)} spent`)];
  items.push(
    info(
      spend.projectedNanocents === null
        ? 'Forecast: not enough history yet'
        : `Forecast: ${formatUsd(spend.projectedNanocents)} by month end`,
    ),
  );
  // Why the forecast is below the run rate: each limit that stops spend, said once.
  for (const cap of spend.forecastCaps) items.push(info(`  ${redactSecrets(cap)}`));
  if (spend.budgetNanocents !== null) {
    const reached = spend.spentNanocents >= spend.budgetNanocents;
    const crossing =
      spend.budgetCrossingDay === null
        ? ''
        : `, reached around the ${ordinal(Number(spend.budgetCrossingDay.slice(8, 10)))}`;
    items.push(info(`Budget: ${formatUsd(spend.budgetNanocents)}${reached ? ', exceeded' : crossing}`));
  }
  if (spend.topWorkspaces.length > 0) {
    items.push(separator, info('Top workspaces'));
    for (const workspace of spend.topWorkspaces) {
      items.push({
        label: `${redactSecrets(workspace.name)}: ${formatUsd(workspace.spentNanocents)}`,
        click: () => actions.openWindow(navigationFor({ view: 'spend', id: workspace.workspaceKey })),
      });
    }
  }
  return items;
}

function alertItems(open: readonly Episode[], actions: TrayMenuActions): MenuItemConstructorOptions[] {
  if (open.length === 0) return [info('No open alerts')];
  const sorted = [...open].sort(
    (a, b) => severityRank[b.severity] - severityRank[a.severity] || b.openedAtMs - a.openedAtMs,
  );
  const items = [info(`${open.length} open alert${open.length === 1 ? '' : 's'}`)];
  for (const episode of sorted.slice(0, MENU_ALERT_LIMIT)) {
    items.push({
      label: `${SEVERITY_LABEL[episode.severity]}: ${redactSecrets(episode.title)}`,
      click: () => actions.openWindow(navigationFor(episode.view)),
    });
  }
  if (sorted.length > MENU_ALERT_LIMIT) {
    items.push({
      label: `…and ${sorted.length - MENU_ALERT_LIMIT} more`,
      click: () => actions.openWindow(ALERT_CENTRE),
    });
  }
  return items;
}

export function buildTrayMenuTemplate(data: TrayMenuData, actions: TrayMenuActions): MenuItemConstructorOptions[] {
  const paused = data.pausedUntilMs !== null && data.pausedUntilMs > data.nowMs;
  return [
    info(data.orgName === null ? 'Clade Admin' : redactSecrets(data.orgName)),
    ...spendItems(data.spend, actions),
    separator,
    ...alertItems(data.openAlerts, actions),
    separator,
    {
      label: data.syncing ? 'Syncing…' : 'Sync now',
      enabled: data.canSync && !data.syncing,
      click: () => actions.syncNow(),
    },
    paused
      ? {
          label: `Alerts paused until ${localTime(data.pausedUntilMs ?? data.nowMs, data.timeZone)}: resume`,
          click: () => actions.resumeAlerts(),
        }
      : { label: 'Pause alerts for 1 h', click: () => actions.pauseAlerts() },
    separator,
    { label: 'Open Clade Admin', click: () => actions.openWindow(null) },
    { label: 'Quit', click: () => actions.quit() },
  ];
}
