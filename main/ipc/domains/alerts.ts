/**
 * Handlers for the channels of preload/contract-alerts.ts: the alert centre's list, snooze / unsnooze and the
 * rule settings. Every state change is recorded in the open profile's audit trail (local actions), and the
 * alert cycle's recording step runs at once so the list reflects it; notifying stays the app's alert cycle's job.
 */
import type Database from 'better-sqlite3';
import { systemTimeZone } from '../../core/time';
import { recordAlertCycle } from '../../services/alerts/evaluate-alerts';
import { HandlerError } from '../handler-error';
import type { Handler } from '../handler-types';
import { emptyAlertsList, readAlertsList } from '../../db/queries/alerts-list';
import { readRulesState, saveRulesForm } from '../../db/queries/alerts-rules';
import { snoozeAlerts, unsnoozeAlerts } from '../../services/alerts/snooze';

export interface AlertsDeps {
  mirror: () => Database.Database | null;
  now: () => number;
  /** The system's IANA zone; default the platform's (Intl). Rules follow it unless the admin pinned another. */
  timeZone?: () => string;
}

const NOT_READY = 'The data of this profile is still being prepared; try again in a moment.';

export { systemTimeZone };

export function alertsHandlers(deps: AlertsDeps): {
  'clade:alerts/list': Handler<'clade:alerts/list'>;
  'clade:alerts/snooze': Handler<'clade:alerts/snooze'>;
  'clade:alerts/unsnooze': Handler<'clade:alerts/unsnooze'>;
  'clade:alerts/rules': Handler<'clade:alerts/rules'>;
  'clade:alerts/set-rules': Handler<'clade:alerts/set-rules'>;
} {
  const zone = deps.timeZone ?? systemTimeZone;
  const mirrorOrRefuse = (): Database.Database => {
    const db = deps.mirror();
    if (!db) throw new HandlerError('unavailable', NOT_READY);
    return db;
  };
  return {
    'clade:alerts/list': async () => {
      const db = deps.mirror();
      return db ? readAlertsList(db, deps.now(), zone()) : emptyAlertsList(deps.now(), zone());
    },
    'clade:alerts/snooze': async ({ rule, targetId, duration }) => {
      const db = mirrorOrRefuse();
      const nowMs = deps.now();
      snoozeAlerts(db, { rule, targetId }, duration, nowMs, zone());
      return readAlertsList(db, nowMs, zone());
    },
    'clade:alerts/unsnooze': async ({ rule, targetId }) => {
      const db = mirrorOrRefuse();
      const nowMs = deps.now();
      unsnoozeAlerts(db, { rule, targetId }, nowMs, zone());
      return readAlertsList(db, nowMs, zone());
    },
    'clade:alerts/rules': async () => readRulesState(mirrorOrRefuse(), zone()),
    'clade:alerts/set-rules': async (form) => {
      const db = mirrorOrRefuse();
      const nowMs = deps.now();
      const result = saveRulesForm(db, form, nowMs, zone());
      // Evaluate at once (recording only) so the list shows what the new rules open or close.
      if (result.saved) recordAlertCycle(db, nowMs, { defaultTz: zone() });
      const state = readRulesState(db, zone());
      return result.saved
        ? { ...state, saved: true, errors: {} }
        : { ...state, form, saved: false, errors: result.errors };
    },
  };
}
