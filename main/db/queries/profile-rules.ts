/** The profile's alert rules as they apply to this mirror: every surface that judges anything judges with them. */
import type Database from 'better-sqlite3';
import type { AlertRules } from '../../core/alerts/index';
import { systemTimeZone } from '../../core/time';
import { loadAlertRules, rulesForMirror } from '../alerts/index';

/** The system's zone only matters to quiet hours in the rules; spend is measured in UTC months, keys in days. */
export function readProfileAlertRules(db: Database.Database): AlertRules {
  return rulesForMirror(db, loadAlertRules(db, systemTimeZone()));
}
