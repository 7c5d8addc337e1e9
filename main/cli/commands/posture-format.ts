/**
 * Human output of `clade-admin posture`: the score, then each item (FAIL first) with its evidence and the fix to
 * run. Org text (key and workspace names, e-mails) goes out through the escaping layer like every human line.
 */
import type { PostureItem, PostureReport } from '../../core/posture/index';
import type { PostureScorePoint } from '../../db/queries/posture';

const MARK: Readonly<Record<PostureItem['status'], string>> = { fail: 'FAIL', pass: 'PASS', not_applicable: 'N/A ' };
const ORDER: Readonly<Record<PostureItem['status'], number>> = { fail: 0, pass: 1, not_applicable: 2 };

export function describePosture(orgName: string, report: PostureReport, trend: readonly PostureScorePoint[]): string {
  const count = (status: PostureItem['status']) => report.items.filter((item) => item.status === status).length;
  const lines = [
    `Access checklist of ${orgName}: score ${report.score}/100 ` +
      `(${count('pass')} pass, ${count('fail')} fail, ${count('not_applicable')} not applicable)`,
  ];
  if (report.problems.length > 0)
    lines.push(`Cannot be trusted: ${report.problems.join(', ')} (run \`clade-admin sync\`); exit 3.`);
  lines.push('');
  const items = [...report.items].sort((a, b) => ORDER[a.status] - ORDER[b.status]);
  for (const item of items) lines.push(...itemLines(item));
  if (trend.length > 1)
    lines.push('', `Trend (daily): ${trend.map((point) => `${point.day.slice(5)} ${point.score}`).join(' · ')}`);
  return `${lines.join('\n')}\n`;
}

function itemLines(item: PostureItem): string[] {
  const lines = [`${MARK[item.status]}  ${item.title}`];
  for (const evidence of item.evidence) {
    const who =
      evidence.id !== null && evidence.id !== evidence.name ? `${evidence.name} (${evidence.id})` : evidence.name;
    lines.push(`      ${who}: ${evidence.detail}`);
    if (evidence.fix?.command) lines.push(`        fix: ${evidence.fix.command}`);
  }
  if (item.fix) lines.push(`      → ${item.fix.label}${item.fix.command ? `: ${item.fix.command}` : ''}`);
  return lines;
}

/** The `--json` document: the report as is (the shape the window, the review and the metrics read), plus the trend. */
export function postureJson(
  profile: string,
  orgName: string,
  report: PostureReport,
  trend: readonly PostureScorePoint[],
  exitCode: number,
) {
  return { profile, org: orgName, exitCode, ...report, trend };
}
