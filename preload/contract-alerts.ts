/**
 * Channels for the alert centre: episodes, snooze, rule settings, and navigation requests from the tray.
 * Spread into the one channel table in contract.ts; same rules (zod both ways, no Electron or Node imports).
 *
 * The rule form travels as TEXT (amounts, day counts, lists, clock times): main converts and validates it with
 * the alert core's parseAlertRules and answers per-field messages, so the window never decides what is valid.
 */
import { z } from 'zod';
import type { Navigate, WindowViewId } from '../main/core/alerts/window-view';
import type { ChannelSpec } from './channel-spec';
import { assertSameShape } from './same-shape';

/** The window's views (renderer/stores/useUiStore.ts `View`). */
export const WindowViewName = z.enum([
  'overview',
  'tree',
  'keys',
  'spend',
  'people',
  'posture',
  'audit',
  'alerts',
  'settings',
]);
export type { WindowViewId, Navigate } from '../main/core/alerts/window-view';

/** Main asks the window to show a view (a notification or a tray item was clicked); `target` is an id to focus. */
export const NavigateDto = z.object({ view: WindowViewName, target: z.string().max(200).optional() });
// The core owns these shapes (it maps alerts to views); the schemas must describe exactly them.
assertSameShape<z.infer<typeof WindowViewName>, WindowViewId>(true);
assertSameShape<z.infer<typeof NavigateDto>, Navigate>(true);

export const AlertRuleName = z.enum([
  'spend-threshold',
  'spend-forecast',
  'spend-anomaly',
  'key-expiry',
  'key-expired-active',
  'key-rotation',
  'key-dormant',
  'key-orphaned',
  'new-privileged-member',
  'pending-invite',
  'production-key-change',
  'sync-health',
]);
export type AlertRuleId = z.infer<typeof AlertRuleName>;

export const AlertEpisodeDto = z.object({
  id: z.string(),
  rule: AlertRuleName,
  severity: z.enum(['info', 'warning', 'critical']),
  targetKind: z.string(),
  targetId: z.string(),
  /** Workspace or key NAME, user email: never a secret. */
  targetName: z.string(),
  title: z.string(),
  body: z.string(),
  /** The window view that shows the target. */
  view: WindowViewName,
  openedAtMs: z.number(),
  /** null while open. */
  closedAtMs: z.number().nullable(),
  notifiedAtMs: z.number().nullable(),
  /** Why its notification is waiting (snooze or quiet hours); null when it is not. */
  heldBy: z.enum(['snooze', 'quiet-hours']).nullable(),
  heldUntilMs: z.number().nullable(),
});
export type AlertEpisode = z.infer<typeof AlertEpisodeDto>;

export const AlertSnoozeDto = z.object({
  /** A rule, or '*' for every rule. */
  rule: z.union([AlertRuleName, z.literal('*')]),
  /** One target, or null for every target of the rule. */
  targetId: z.string().nullable(),
  /** The target's name where the mirror knows it. */
  targetName: z.string().nullable(),
  untilMs: z.number(),
});
export type AlertSnoozeView = z.infer<typeof AlertSnoozeDto>;

export const AlertsListDto = z.object({
  nowMs: z.number(),
  /** The zone the admin's times are shown in (the rules' quiet-hours zone). */
  timeZone: z.string(),
  /** Critical first, then warning, then info; newest first within a severity. */
  open: z.array(AlertEpisodeDto),
  /** Closed episodes, most recently closed first (at most 50). */
  recent: z.array(AlertEpisodeDto),
  /** Active snoozes, the one ending first first. */
  snoozes: z.array(AlertSnoozeDto),
});
export type AlertsList = z.infer<typeof AlertsListDto>;

export const SnoozeDuration = z.enum(['1h', '1d', '1w', 'tomorrow-morning']);
export type SnoozeDurationId = z.infer<typeof SnoozeDuration>;

const SnoozeSubject = z.object({
  rule: z.union([AlertRuleName, z.literal('*')]),
  targetId: z.string().min(1).max(200).nullable(),
});
export const SnoozeRequest = SnoozeSubject.extend({ duration: SnoozeDuration });
export const UnsnoozeRequest = SnoozeSubject;

/** The editable rules as form text. Empty `orgMonthlyUsd` = no org budget; lists are comma-separated. */
export const AlertRulesFormDto = z.object({
  orgMonthlyUsd: z.string().max(40),
  workspaceBudgets: z.array(z.object({ workspaceId: z.string().min(1).max(200), usd: z.string().max(40) })).max(500),
  thresholdsPct: z.string().max(200),
  useApiSpendLimits: z.boolean(),
  forecastEnabled: z.boolean(),
  anomalyEnabled: z.boolean(),
  expiryDays: z.string().max(200),
  rotationDays: z.string().max(20),
  dormantDays: z.string().max(20),
  quietHoursEnabled: z.boolean(),
  quietStart: z.string().max(20),
  quietEnd: z.string().max(20),
  timeZone: z.string().max(100),
  digestEnabled: z.boolean(),
  digestAt: z.string().max(20),
});
export type AlertRulesForm = z.infer<typeof AlertRulesFormDto>;

/** Field name (a key of the form, or `workspaceBudgets.<workspace id>`) → message written for the admin. */
export const AlertRulesErrorsDto = z.record(z.string(), z.string());

export const AlertRulesStateDto = z.object({
  form: AlertRulesFormDto,
  /** Mirrored workspaces (archived ones too, marked), for the per-workspace budget picker. */
  workspaces: z.array(z.object({ id: z.string(), name: z.string(), archived: z.boolean() })),
  /** The system's zone, used while the admin has not pinned another one. */
  systemTimeZone: z.string(),
});
export type AlertRulesState = z.infer<typeof AlertRulesStateDto>;

export const SetAlertRulesResultDto = AlertRulesStateDto.extend({
  /** False when something was refused: nothing was stored, `errors` says what and where. */
  saved: z.boolean(),
  errors: AlertRulesErrorsDto,
});
export type SetAlertRulesResult = z.infer<typeof SetAlertRulesResultDto>;

export const alertsChannels = {
  'clade:alerts/list': { kind: 'invoke', request: z.undefined(), response: AlertsListDto },
  'clade:alerts/snooze': { kind: 'invoke', request: SnoozeRequest, response: AlertsListDto },
  'clade:alerts/unsnooze': { kind: 'invoke', request: UnsnoozeRequest, response: AlertsListDto },
  'clade:alerts/rules': { kind: 'invoke', request: z.undefined(), response: AlertRulesStateDto },
  'clade:alerts/set-rules': { kind: 'invoke', request: AlertRulesFormDto, response: SetAlertRulesResultDto },
  /** Main → window: show this view (a notification or a tray item was clicked). */
  'clade:app/navigate-changed': { kind: 'push', request: z.undefined(), response: NavigateDto },
  /** Window → main once it listens: the navigation asked for while it was being created (null when none). */
  'clade:app/take-navigation': { kind: 'invoke', request: z.undefined(), response: NavigateDto.nullable() },
} as const satisfies Record<string, ChannelSpec>;
