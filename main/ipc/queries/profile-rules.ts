/** The profile's alert rules as they apply to this mirror: every surface that judges anything judges with them. */
import type Database from 'better-sqlite3';
import type { AlertRules } from '../../core/alerts/index';
import { loadAlertRules, rulesForMirror } from '../../db/alerts/index';

/** The local time zone only matters to quiet hours in the rules; spend is measured in UTC months, keys in days. */
const localTimeZone = (): string => Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';

export function readProfileAlertRules(db: Database.Database): AlertRules {
  return rulesForMirror(db, loadAlertRules(db, localTimeZone()));
}
