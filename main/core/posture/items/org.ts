/**
 * The organization items of the checklist: environments, budgets and thresholds, admins, invites, the audit review
 * and the compliance feed. Production, budgets, thresholds, privileged roles and the invite age are the alert rules'
 * own settings (`production.*`, `budgets.*`, `spend.*`, `people.*`); the rest are `posture.*` profile settings.
 */
import type { AlertRules } from '../../alerts/index';
import { evaluatePendingInvites, productionWorkspaceKeys, spendTargets, workspaceKey } from '../../alerts/index';
import { workspaceName, wholeDaysBetween } from '../../alerts/evaluators/shared';
import { NANOCENTS_PER_USD } from '../../alerts/money';
import { DAY_MS, addUtcDays, utcDay } from '../../time';
import { environmentsByWorkspace } from '../environments';
import type { PostureEvidence, PostureInputs, PostureItem, PostureSettings } from '../types';
import { failed, notApplicable, passed } from './shared';

export function environmentsItem(inputs: PostureInputs, rules: AlertRules, settings: PostureSettings): PostureItem {
  const wanted = ['production', ...settings.environments.map((env) => env.name)];
  const title = `Separate ${wanted.join(', ')} workspaces`;
  const envs = environmentsByWorkspace(inputs, rules, settings);
  const evidence: PostureEvidence[] = [];
  for (const name of wanted) {
    if ([...envs.values()].some((env) => env.names.includes(name))) continue;
    const setting = name === 'production' ? 'production.pattern' : 'posture.environments';
    evidence.push({
      kind: 'setting',
      id: setting,
      name,
      detail: `No workspace is named or tagged as ${name} (setting ${setting}).`,
    });
  }
  for (const workspace of inputs.alert.workspaces) {
    const env = envs.get(workspaceKey(workspace.id));
    if (env && env.names.length > 1)
      evidence.push({
        kind: 'workspace',
        id: workspace.id,
        name: workspace.name,
        detail: `Matches more than one environment (${env.names.join(', ')}): one workspace per environment.`,
      });
  }
  if (evidence.length === 0)
    return passed('environments-separated', title, [
      {
        kind: 'setting',
        id: null,
        name: 'environments',
        detail: wanted
          .map((name) => {
            const names = inputs.alert.workspaces
              .filter((ws) => envs.get(workspaceKey(ws.id))?.names.includes(name))
              .map((ws) => ws.name);
            return `${name}: ${names.join(', ')}`;
          })
          .join('; '),
      },
    ]);
  return failed('environments-separated', title, evidence, {
    label: 'Create the missing workspace in the Console, or name or tag an existing one (tag env=…)',
    command: 'clade-admin workspaces',
    action: null,
  });
}

/** A budget to suggest: the last 30 days' cost plus a quarter, rounded up to $10 (at least $10). */
export function suggestedBudgetUsd(inputs: PostureInputs, key: string | null, nowMs: number): string {
  const from = addUtcDays(utcDay(nowMs), -30);
  let total = 0n;
  for (const row of inputs.alert.dailyCost) {
    if (row.day < from) continue;
    if (key !== null && workspaceKey(row.workspaceId) !== key) continue;
    total += row.nanocents;
  }
  const padded = (total * 125n) / 100n;
  const tens = (padded + 10n * NANOCENTS_PER_USD - 1n) / (10n * NANOCENTS_PER_USD);
  return String(tens < 1n ? 10n : tens * 10n);
}

function budgetCommand(workspaceId: string | null, usd: string): string {
  return workspaceId === null
    ? `clade-admin config set budgets.orgMonthlyUsd ${usd}`
    : `clade-admin config set budgets.workspaceMonthlyUsd.${workspaceId} ${usd}`;
}

export function productionBudgetsItem(inputs: PostureInputs, rules: AlertRules, nowMs: number): PostureItem {
  const title = 'Every production workspace has a budget or spend limit';
  const production = [...productionWorkspaceKeys(inputs.alert, rules)];
  if (production.length === 0)
    return notApplicable('production-budgets', title, 'No workspace is production (setting production.pattern).');
  const covered = new Set(spendTargets(inputs.alert, rules).map((target) => target.workspaceKey));
  const missing = production.filter((key) => !covered.has(key));
  if (missing.length === 0) return passed('production-budgets', title);
  return failed(
    'production-budgets',
    title,
    missing.map((key) => {
      const usd = suggestedBudgetUsd(inputs, key, nowMs);
      const name = workspaceName(inputs.alert, key);
      return {
        kind: 'workspace' as const,
        id: key,
        name,
        detail: `No monthly budget and no spend limit: spend there is never compared with anything. Suggested: $${usd}.`,
        fix: {
          label: `Set a monthly budget of $${usd} for ${name}`,
          command: budgetCommand(key, usd),
          action: { kind: 'set-budget' as const, workspaceId: key, usd },
        },
      };
    }),
    { label: 'Set a monthly budget per production workspace', command: null, action: null },
  );
}

export function spendThresholdsItem(inputs: PostureInputs, rules: AlertRules, nowMs: number): PostureItem {
  const title = 'Spend alerts are set';
  const evidence: PostureEvidence[] = [];
  if (rules.disabledRules.includes('spend-threshold'))
    evidence.push({
      kind: 'setting',
      id: 'disabledRules',
      name: 'spend-threshold',
      detail: 'The spend-threshold alert is switched off.',
    });
  if (rules.spend.thresholdsPct.length === 0)
    evidence.push({
      kind: 'setting',
      id: 'spend.thresholdsPct',
      name: 'spend.thresholdsPct',
      detail: 'No threshold percentages are set.',
    });
  const targets = spendTargets(inputs.alert, rules);
  if (targets.length === 0) {
    const usd = suggestedBudgetUsd(inputs, null, nowMs);
    evidence.push({
      kind: 'setting',
      id: 'budgets.orgMonthlyUsd',
      name: 'budgets',
      detail: `No budget and no spend limit to measure spend against. Suggested org budget: $${usd}.`,
      fix: {
        label: `Set an organization budget of $${usd}`,
        command: budgetCommand(null, usd),
        action: { kind: 'set-budget', workspaceId: null, usd },
      },
    });
  }
  if (evidence.length === 0)
    return passed('spend-thresholds', title, [
      {
        kind: 'setting',
        id: 'spend.thresholdsPct',
        name: 'spend.thresholdsPct',
        detail: `Alerts at ${rules.spend.thresholdsPct.join(', ')} % of ${targets.length} budget${targets.length === 1 ? '' : 's'} or limit${targets.length === 1 ? '' : 's'}.`,
      },
    ]);
  return failed('spend-thresholds', title, evidence, {
    label: 'Set budgets and thresholds in Alerts → Rules',
    command: 'clade-admin config get',
    action: null,
  });
}

export function fewAdminsItem(inputs: PostureInputs, rules: AlertRules, settings: PostureSettings): PostureItem {
  const title = `At most ${settings.maxAdmins} organization admins`;
  if (inputs.alert.users.length === 0)
    return notApplicable('few-admins', title, 'The mirror holds no members (the API lists none for this org).');
  const privileged = new Set(rules.people.privilegedRoles);
  const admins = inputs.alert.users.filter((user) => privileged.has(user.role));
  const evidence = admins.map((user) => ({
    kind: 'user' as const,
    id: user.id,
    name: user.email,
    detail: `${user.name}, ${user.role.replace(/_/g, ' ')}.`,
  }));
  if (admins.length <= settings.maxAdmins) return passed('few-admins', title, evidence);
  return failed(
    'few-admins',
    title,
    evidence.map((entry) => ({
      ...entry,
      detail: `${entry.detail} ${admins.length} admins, at most ${settings.maxAdmins} wanted.`,
    })),
    {
      label: 'The Admin API cannot demote admins: change their role in the Console',
      command: 'clade-admin users --role admin',
      action: null,
    },
  );
}

export function staleInvitesItem(inputs: PostureInputs, rules: AlertRules, nowMs: number): PostureItem {
  const days = rules.people.pendingInviteDays;
  const title = `No invite pending longer than ${days} days`;
  const byId = new Map(inputs.alert.invites.map((invite) => [invite.id, invite]));
  const stale = evaluatePendingInvites(inputs.alert, rules, nowMs)
    .map((condition) => byId.get(condition.targetId))
    .filter((invite) => invite !== undefined && nowMs - invite.invitedAtMs >= days * DAY_MS);
  if (stale.length === 0) return passed('no-stale-invites', title);
  return failed(
    'no-stale-invites',
    title,
    stale.map((invite) => ({
      kind: 'invite' as const,
      id: invite!.id,
      name: invite!.email,
      detail: `${invite!.role} invite pending for ${wholeDaysBetween(invite!.invitedAtMs, nowMs)} days.`,
      fix: {
        label: `Delete the invite for ${invite!.email}`,
        command: `clade-admin invite delete ${invite!.id}`,
        action: { kind: 'admin-action' as const, action: { kind: 'invite.delete' as const, inviteId: invite!.id } },
      },
    })),
    { label: 'Delete forgotten invites (invite again if still wanted)', command: 'clade-admin invites', action: null },
  );
}

export function auditReviewedItem(inputs: PostureInputs, settings: PostureSettings, nowMs: number): PostureItem {
  const days = settings.auditReviewDays;
  const title = `Audit trail reviewed in the last ${days} days`;
  const at = inputs.auditReviewedAtMs;
  const fix = {
    label: 'Review the audit trail, then mark it reviewed',
    command: 'clade-admin posture mark-reviewed',
    action: { kind: 'mark-reviewed' as const },
  };
  const when = at === null ? null : new Date(at).toISOString().slice(0, 10);
  if (at !== null && nowMs - at < days * DAY_MS)
    return passed('audit-reviewed', title, [
      { kind: 'audit', id: null, name: 'audit trail', detail: `Last marked reviewed on ${when}.` },
    ]);
  const detail =
    at === null
      ? 'The audit trail was never marked reviewed.'
      : `Last marked reviewed on ${when}, ${wholeDaysBetween(at, nowMs)} days ago.`;
  return failed('audit-reviewed', title, [{ kind: 'audit', id: null, name: 'audit trail', detail }], fix);
}

export function complianceFeedItem(inputs: PostureInputs): PostureItem {
  const title = 'Compliance activity feed connected';
  const probe = inputs.complianceProbe;
  if (probe?.status === 'refused')
    return notApplicable(
      'compliance-feed',
      title,
      'The Compliance API refused this org’s admin key: the org does not have the activity feed.',
    );
  if (probe?.status === 'available')
    return passed('compliance-feed', title, [
      {
        kind: 'setting',
        id: 'compliance.probe',
        name: 'compliance feed',
        detail: `Readable; the sync brings its activities into the audit trail (checked ${new Date(probe.checkedAtMs).toISOString().slice(0, 10)}).`,
      },
    ]);
  return failed(
    'compliance-feed',
    title,
    [
      {
        kind: 'setting',
        id: 'compliance.probe',
        name: 'compliance feed',
        detail: 'Not checked yet: no sync has asked the Compliance API.',
      },
    ],
    { label: 'Run a full sync, which asks the Compliance API', command: 'clade-admin sync --full', action: null },
  );
}
