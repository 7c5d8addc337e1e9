/** How the People view words its facts; the facts themselves come from the read model (main/db/queries/people.ts). */
import type { Person } from '../../../preload/contract';
import { formatCents, formatCount, formatDate, formatOrgRole } from '../../lib/format';

export { formatOrgRole };

/** A date; "before <first sync>" when no role change was seen; "—" for members who are not admins. */
export function formatAdminSince(person: Person): string {
  if (!person.adminSince) return '—';
  const day = formatDate(person.adminSince.atMs);
  return person.adminSince.source === 'before-first-sync' ? `before ${day}` : day;
}

export function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

/** The month of Claude Code in one line: days, sessions, lines, commits, pull requests and the report's estimate. */
export function formatClaudeCode30d(activity: Person['claudeCode30d']): string {
  if (!activity) return 'none';
  return (
    `${plural(activity.daysActive, 'active day')}, ${plural(activity.sessions, 'session')}, ` +
    `+${formatCount(activity.linesAdded)} / −${formatCount(activity.linesRemoved)} lines, ` +
    `${plural(activity.commits, 'commit')}, ${plural(activity.pullRequests, 'pull request')}, ` +
    `≈ ${formatCents(activity.estimatedCostCents)} (the report's estimate)`
  );
}
