/**
 * The whole checklist: (mirror snapshot, alert rules, checklist settings, instant) → report. Pure and deterministic,
 * so the CLI, the window, the access review and the metrics endpoint agree. Items the admin declared not applicable
 * (`posture.notApplicable`) are shown as such; the score counts only applicable items.
 */
import type { AlertRules } from '../alerts/index';
import { assessHealth } from '../alerts/index';
import {
  defaultWorkspaceKeysItem,
  dormantKeysItem,
  keyExpiryItem,
  keyNamingItem,
  keyRotationItem,
  orphanedKeysItem,
} from './items/keys';
import {
  auditReviewedItem,
  complianceFeedItem,
  environmentsItem,
  fewAdminsItem,
  productionBudgetsItem,
  spendThresholdsItem,
  staleInvitesItem,
} from './items/org';
import { notApplicable } from './items/shared';
import type { PostureInputs, PostureItem, PostureReport, PostureSettings } from './types';

export function evaluatePosture(
  inputs: PostureInputs,
  rules: AlertRules,
  settings: PostureSettings,
  nowMs: number,
): PostureReport {
  const items: PostureItem[] = [
    environmentsItem(inputs, rules, settings),
    defaultWorkspaceKeysItem(inputs, rules, nowMs),
    keyNamingItem(inputs, rules, settings),
    keyRotationItem(inputs, rules, nowMs),
    keyExpiryItem(inputs),
    dormantKeysItem(inputs, rules, nowMs),
    orphanedKeysItem(inputs, rules, nowMs),
    productionBudgetsItem(inputs, rules, nowMs),
    spendThresholdsItem(inputs, rules, nowMs),
    fewAdminsItem(inputs, rules, settings),
    staleInvitesItem(inputs, rules, nowMs),
    auditReviewedItem(inputs, settings, nowMs),
    complianceFeedItem(inputs),
  ].map((item) =>
    settings.notApplicable.includes(item.id)
      ? notApplicable(
          item.id,
          item.title,
          'Declared not applicable to this organization (setting posture.notApplicable).',
        )
      : item,
  );
  return {
    score: postureScore(items),
    evaluatedAtMs: nowMs,
    items,
    problems: assessHealth(inputs.alert, rules, nowMs).problems,
  };
}

/** Passing share of applicable items, 0–100, rounded; 100 when none applies. */
export function postureScore(items: readonly Pick<PostureItem, 'status'>[]): number {
  const applicable = items.filter((item) => item.status !== 'not_applicable');
  if (applicable.length === 0) return 100;
  return Math.round((100 * applicable.filter((item) => item.status === 'pass').length) / applicable.length);
}

export type PostureExitCode = 0 | 1 | 3;

/**
 * `clade-admin posture` exit codes, like `check`'s: 3 when the mirror cannot be trusted (no data, too old,
 * credential rejected: then "passing" means nothing), else 1 when any item fails, 0 when all applicable items pass.
 */
export function postureExitCode(report: Pick<PostureReport, 'items' | 'problems'>): PostureExitCode {
  if (report.problems.length > 0) return 3;
  return report.items.some((item) => item.status === 'fail') ? 1 : 0;
}
