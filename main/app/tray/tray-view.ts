/**
 * What the tray shows, read from the open mirror: icon state, tooltip (org and sync age) and the menu template.
 * No Electron here; tray.ts applies the view.
 */
import type Database from 'better-sqlite3';
import type { StorageError, StorageProblem } from '../../core/storage-error';
import { assessHealth, openEpisodes, summarizeMonthSpend } from '../../core/alerts/index';
import { loadAlertRules, loadEpisodes, readAlertInputs } from '../../db/alerts/index';
import { pausedUntilMs } from '../../services/alerts/alert-cycle';
import { trayIconState, trayTooltip, type TrayView } from './tray';
import { buildTrayMenuTemplate, type TrayMenuActions } from './tray-menu';

export interface TrayMoment {
  nowMs: number;
  timeZone: string;
  syncing: boolean;
  canSync: boolean;
}

/** The view before the mirror is open: offline, "not synced yet". */
function emptyView(moment: TrayMoment, actions: TrayMenuActions): TrayView {
  const { nowMs, timeZone, syncing, canSync } = moment;
  return {
    state: trayIconState({ syncing, offline: true, alerting: false }),
    tooltip: trayTooltip({ orgName: null, lastSyncAtMs: null, nowMs, syncing, credentialInvalid: false }),
    menu: buildTrayMenuTemplate(
      { orgName: null, spend: null, openAlerts: [], pausedUntilMs: null, syncing, canSync, nowMs, timeZone },
      actions,
    ),
  };
}

/** What the tooltip and the menu say of a file problem: short, the window's banner has the path and what to do. */
const STORAGE_WORDS: Record<StorageProblem, string> = {
  corrupt: 'the local mirror is damaged',
  'empty-file': 'the local mirror is empty',
  'too-new': 'the local mirror is from a newer version',
  'read-only': 'the data folder is read-only',
  'not-a-folder': 'the data folder is a file',
  'disk-full': 'the disk is full',
};

/**
 * The tray's view when the mirror cannot be used (active-profile.ts `storageProblem`): offline, and a first menu
 * item that opens the window, whose banner says where the problem is and what to do. Without it the tray would say
 * "not synced yet" or an old sync age, as if a sync would help.
 */
export function withStorageProblem(view: TrayView, problem: StorageError, actions: TrayMenuActions): TrayView {
  const words = STORAGE_WORDS[problem.problem];
  return {
    state: view.state === 'syncing' ? 'syncing' : 'offline',
    tooltip: `${view.tooltip}, ${words}`,
    menu: [
      { label: `Cannot use the local data: ${words}. Open to fix…`, click: () => actions.openWindow(null) },
      { type: 'separator' },
      ...view.menu,
    ],
  };
}

export function readTrayView(
  db: Database.Database | null,
  moment: TrayMoment,
  actions: TrayMenuActions,
  problem: StorageError | null = null,
): TrayView {
  if (problem !== null) return withStorageProblem(readTrayView(db, moment, actions), problem, actions);
  if (db === null) return emptyView(moment, actions);
  const { nowMs, timeZone, syncing } = moment;
  const rules = loadAlertRules(db, timeZone);
  const inputs = readAlertInputs(db, nowMs, rules);
  const orgName = inputs.sync.lastSuccessAtMs === null ? null : inputs.org.name;
  const open = openEpisodes(loadEpisodes(db));
  const spend = orgName === null ? null : summarizeMonthSpend(inputs, rules, nowMs);
  const problems = assessHealth(inputs, rules, nowMs).problems;
  // Spend that cannot be judged is a warning about some reports, not the whole mirror being out of reach.
  const spendUnavailable = problems.includes('spend-unavailable');
  return {
    state: trayIconState({
      syncing,
      offline: problems.some((problem) => problem !== 'spend-unavailable'),
      alerting: spendUnavailable || open.some((episode) => episode.severity !== 'info'),
    }),
    tooltip: trayTooltip({
      orgName,
      lastSyncAtMs: inputs.sync.lastSuccessAtMs,
      nowMs,
      syncing,
      credentialInvalid: inputs.sync.credentialInvalid,
      spendUnavailable,
    }),
    menu: buildTrayMenuTemplate(
      { ...moment, orgName, spend, openAlerts: open, pausedUntilMs: pausedUntilMs(db, nowMs) },
      actions,
    ),
  };
}
