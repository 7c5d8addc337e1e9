/**
 * Text and JSON shapes of `clade-admin alerts` and `clade-admin check`. Texts come from the alert core, which
 * names workspaces and keys by name only; they still pass through redactSecrets, like every line we print.
 * In the text shape each title, body and the org name is one line by the core's design, so it is escaped whole
 * (`shown`): a line feed in a key's name cannot start a line of its own. The JSON shape carries the texts as is.
 */
import {
  describeSpendProblems,
  type AlertCycle,
  type Condition,
  type Episode,
  type HealthProblem,
  type Severity,
} from '../../core/alerts/index';
import { redactSecrets } from '../../core/redact';
import { escapeControls } from '../../core/text/escape-controls';

/** An org-derived text that is one line: redacted, then every control and bidi character shown escaped. */
function shown(text: string): string {
  return escapeControls(redactSecrets(text));
}

const LABEL: Record<Severity, string> = { critical: 'CRITICAL', warning: 'WARNING ', info: 'info    ' };

const PROBLEM_TEXT: Record<Exclude<HealthProblem, 'spend-unavailable'>, string> = {
  'credential-invalid': 'the Admin API rejected the stored key (run `clade-admin key set`)',
  'no-data': 'nothing has been synced yet (run `clade-admin sync`, or `check --sync`)',
  'data-too-old': 'the mirror is older than the stale-data limit (sync.staleAfterHours)',
};

function utc(ms: number): string {
  const iso = new Date(ms).toISOString();
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;
}

function indent(text: string): string {
  return text
    .split('\n')
    .map((line) => `          ${line}`)
    .join('\n');
}

export function conditionLines(conditions: readonly Condition[]): string[] {
  return conditions.map((c) => `${LABEL[c.severity]}  ${shown(c.title)}\n${indent(shown(c.body))}`);
}

function episodeState(episode: Episode): string {
  if (episode.notifiedAtMs !== null) return `notified ${utc(episode.notifiedAtMs)}`;
  if (episode.heldBy !== null) {
    const until = episode.heldUntilMs === null ? '' : ` until ${utc(episode.heldUntilMs)}`;
    return `held by ${episode.heldBy === 'snooze' ? 'a snooze' : 'quiet hours'}${until}`;
  }
  return 'not notified yet';
}

export function episodeLines(episodes: readonly Episode[]): string[] {
  return episodes.map(
    (e) =>
      `${LABEL[e.severity]}  ${shown(e.title)}\n${indent(`${shown(e.body)}\nsince ${utc(e.openedAtMs)} · ${episodeState(e)} · ${shown(e.id)}`)}`,
  );
}

/** The whole `check` report for a terminal: verdict, health problems, then every condition, most severe first. */
export function describeCheck(orgName: string, cycle: AlertCycle, nowMs: number, recorded: boolean): string {
  const counts = { critical: 0, warning: 0, info: 0 };
  for (const condition of cycle.conditions) counts[condition.severity] += 1;
  const verdict = ['ok', 'warnings', 'critical', 'cannot evaluate'][cycle.exitCode];
  const lines = [
    `${shown(orgName)} at ${utc(nowMs)}: ${verdict} (${counts.critical} critical, ${counts.warning} warning, ${counts.info} info)`,
  ];
  for (const problem of cycle.health.problems) {
    lines.push(
      problem === 'spend-unavailable'
        ? `  ${shown(describeSpendProblems(cycle.health.spend))}`
        : `  cannot evaluate: ${PROBLEM_TEXT[problem]}`,
    );
  }
  if (cycle.health.lastSuccessAtMs !== null) lines.push(`  data as of ${utc(cycle.health.lastSuccessAtMs)}`);
  if (!recorded) lines.push('  (evaluated at another instant than now: episodes were not recorded)');
  if (cycle.conditions.length > 0) lines.push('', ...conditionLines(cycle.conditions));
  return `${lines.join('\n')}\n`;
}

/** `check --json`: the verdict and every condition (money in texts only, never as numbers). */
export function checkJson(profileId: string, orgName: string, cycle: AlertCycle, nowMs: number, recorded: boolean) {
  return {
    profile: profileId,
    org: orgName,
    evaluatedAtMs: nowMs,
    exitCode: cycle.exitCode,
    health: cycle.health,
    recorded,
    conditions: cycle.conditions.map((c) => ({ ...c, title: redactSecrets(c.title), body: redactSecrets(c.body) })),
    opened: cycle.reconciliation.opened.map((e) => e.id),
    closed: cycle.reconciliation.closed.map((e) => e.id),
  };
}

export function episodeJson(episode: Episode): Episode {
  return { ...episode, title: redactSecrets(episode.title), body: redactSecrets(episode.body) };
}
