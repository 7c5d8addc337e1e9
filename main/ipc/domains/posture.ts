/**
 * `clade:posture/*`: the access checklist for the Posture view, from the same service the CLI's `posture` calls.
 * Opening the view records the day's score (the trend). The budget fix writes the alert rules' own budget setting
 * (recorded as a settings change, like `config set`); the review mark is a local event in the trail.
 */
import type Database from 'better-sqlite3';
import type { PostureView } from '../../../preload/contract';
import { systemTimeZone } from '../../core/time';
import { recordAlertCycle } from '../../services/alerts/evaluate-alerts';
import { evaluateAndRecordPosture } from '../../services/posture/evaluate-posture';
import { markAuditReviewed } from '../../services/posture/mark-reviewed';
import { setAlertRuleRecorded } from '../../services/settings';
import { HandlerError } from '../handler-error';
import type { Handler } from '../handler-types';
import type { MirrorDeps } from './mirror';

const NOT_READY = 'The data of this profile is still being prepared; try again in a moment.';

export function postureHandlers(deps: MirrorDeps & { timeZone?: () => string }): {
  'clade:posture/report': Handler<'clade:posture/report'>;
  'clade:posture/mark-reviewed': Handler<'clade:posture/mark-reviewed'>;
  'clade:posture/set-budget': Handler<'clade:posture/set-budget'>;
} {
  const mirrorOrRefuse = (): Database.Database => {
    const db = deps.mirror();
    if (!db) throw new HandlerError('unavailable', NOT_READY);
    return db;
  };
  const view = (db: Database.Database): PostureView => evaluateAndRecordPosture(db, deps.now());
  return {
    'clade:posture/report': async () => {
      const db = deps.mirror();
      return db ? view(db) : null;
    },
    'clade:posture/mark-reviewed': async ({ note }) => {
      const db = mirrorOrRefuse();
      markAuditReviewed(db, deps.now(), 'window', note?.trim() || null);
      return view(db);
    },
    'clade:posture/set-budget': async ({ workspaceId, usd }) => {
      const db = mirrorOrRefuse();
      const key = workspaceId === null ? 'budgets.orgMonthlyUsd' : `budgets.workspaceMonthlyUsd.${workspaceId}`;
      const zone = (deps.timeZone ?? systemTimeZone)();
      const result = setAlertRuleRecorded(db, key, usd, zone, deps.now());
      if (!result.ok) throw new HandlerError('bad-request', result.message.split('\n').join('; '));
      // Evaluate the alerts at once (recording only), as a rules change in the alert centre does.
      recordAlertCycle(db, deps.now(), { defaultTz: zone });
      return view(db);
    },
  };
}
