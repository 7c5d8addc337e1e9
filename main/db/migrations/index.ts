/**
 * Every migration, in order of id. Append a line for a new migration; never renumber or edit a released one. Ids
 * below 100 belong to the mirror/sync tables and other features use their own range (the audit trail is 100). The
 * runner records each id it applied (migrate.ts), so a migration added with a lower id than one already released
 * still runs on files that have not had it.
 */
import type { Migration } from '../migrate';
import { migration as createOrgTables } from './0001-create-org-tables';
import { migration as createLimitTables } from './0002-create-limit-tables';
import { migration as createReportTables } from './0003-create-report-tables';
import { migration as createEffectiveSpendTable } from './0004-create-effective-spend-table';
import { migration as createAuditTrail } from './0100-create-audit-trail';
import { migration as createAlertState } from './0200-create-alert-state';
import { migration as createProfileSettings } from './0300-create-profile-settings';
import { migration as createCostDayRollup } from './0310-create-cost-day-rollup';
import { migration as createKeyUsageIndexes } from './0311-create-key-usage-indexes';
import { migration as addWorkspaceTags } from './0320-add-workspace-tags';
import { migration as createReportPageLimits } from './0330-create-report-page-limits';
import { migration as createReportIncompleteDays } from './0340-create-report-incomplete-days';
import { migration as createReportGroups } from './0350-create-report-groups';
import { migration as createAuditTrailMarker } from './0360-create-audit-trail-marker';
import { migration as createAuditSealSwitch } from './0370-create-audit-seal-switch';
import { migration as createOffboardingRuns } from './0380-create-offboarding-runs';
import { migration as createPostureScores } from './0390-create-posture-scores';
import { migration as createAlertDeliveries } from './0420-create-alert-deliveries';

export const MIGRATIONS: readonly Migration[] = [
  createOrgTables,
  createLimitTables,
  createReportTables,
  createEffectiveSpendTable,
  createAuditTrail,
  createAlertState,
  createProfileSettings,
  createCostDayRollup,
  createKeyUsageIndexes,
  addWorkspaceTags,
  createReportPageLimits,
  createReportIncompleteDays,
  createReportGroups,
  createAuditTrailMarker,
  createAuditSealSwitch,
  createOffboardingRuns,
  createPostureScores,
  createAlertDeliveries,
];
