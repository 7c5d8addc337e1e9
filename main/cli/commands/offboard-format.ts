/**
 * The human text of `offboard`: what the person holds, the plan in run order with warnings, and the final report.
 * Org text goes through the aligned tables (escaped per cell) and the escaping output (every line).
 */
import type {
  OffboardHoldings,
  OffboardPlan,
  OffboardReport,
  OffboardStep,
} from '../../../preload/contract-offboarding';
import { formatUsd, roundToWholeCents } from '../../core/money';
import { estimateToPicocents } from './report-format';
import { alignedTable, shortId, utcDay } from '../aligned-table';

/** Estimates carry up to 12 fraction digits of cents: rounded to the cent once, as `report` writes them. */
const PICOCENTS_PER_CENT = 1_000_000_000_000n;
const usd = (cents: string) =>
  formatUsd(roundToWholeCents(estimateToPicocents(cents), PICOCENTS_PER_CENT) * 1_000_000_000n);

const indent = (text: string) =>
  text
    .trimEnd()
    .split('\n')
    .map((line) => `  ${line}`)
    .join('\n');

export function formatHoldings(h: OffboardHoldings): string {
  const out: string[] = [];
  const p = h.person;
  out.push(`${p.name || p.email} <${p.email}> · ${p.role}${h.isOrgAdmin ? ' (org admin)' : ''} · ${p.id}`, '');
  out.push(`Workspace memberships (${h.memberships.length})`);
  if (h.memberships.length === 0) out.push('  none');
  else
    out.push(
      indent(
        alignedTable({
          headers: ['WORKSPACE', 'ROLE', 'NOTE'],
          rows: h.memberships.map((m) => [m.workspaceName, m.role, m.onlyAdmin ? 'only workspace admin' : '']),
        }),
      ),
    );
  out.push('', `Active keys they created (${h.keys.length})`);
  if (h.keys.length === 0) out.push('  none');
  else
    out.push(
      indent(
        alignedTable({
          headers: ['KEY', 'ID', 'WORKSPACE', 'TOKENS 30D', 'EST. COST 30D', 'LAST USED'],
          rows: h.keys.map((k) => [
            k.name,
            shortId(k.id),
            k.workspaceName,
            k.tokens30d.toLocaleString('en-US'),
            `${usd(k.estimateCents30d)} (estimate)`,
            utcDay(k.lastUsedDayMs),
          ]),
          right: [3, 4],
        }),
      ),
    );
  out.push('', 'Pending invites they sent');
  if (!h.invitesSent.known)
    out.push('  unknown: only the compliance feed says who sent an invite, and it is not in the trail');
  else if (h.invitesSent.invites.length === 0) out.push('  none');
  else
    out.push(
      indent(
        alignedTable({
          headers: ['EMAIL', 'ROLE', 'INVITED', 'EXPIRES'],
          rows: h.invitesSent.invites.map((i) => [i.email, i.role, utcDay(i.invitedAtMs), utcDay(i.expiresAtMs)]),
        }),
      ),
    );
  const cc = h.claudeCode;
  out.push(
    '',
    `Claude Code: ${
      cc.sessions30d === 0
        ? 'no sessions in the last 30 days'
        : `${cc.sessions30d} sessions on ${cc.daysActive30d} days in the last 30 days (estimate ${usd(cc.estimatedCostCents30d)})`
    }${cc.lastDayMs === null ? '' : `, last active ${utcDay(cc.lastDayMs)}`}`,
  );
  return `${out.join('\n')}\n`;
}

export function formatPlan(plan: OffboardPlan, resumesAtMs: number | null): string {
  const out: string[] = [''];
  out.push(
    resumesAtMs === null
      ? `Plan (${plan.steps.length} steps, in this order)`
      : `Continuing the offboarding started ${new Date(resumesAtMs).toISOString().slice(0, 16).replace('T', ' ')} UTC (${plan.steps.length} steps)`,
  );
  out.push(indent(stepTable(plan.steps, resumesAtMs !== null)));
  for (const warning of plan.warnings) out.push(`! ${warning}`);
  return `${out.join('\n')}\n`;
}

export function formatReport(report: OffboardReport): string {
  return `\nReport\n${indent(stepTable(report.steps, true))}\n${report.outcome}\n`;
}

function stepTable(steps: OffboardStep[], withStatus: boolean): string {
  return alignedTable({
    headers: withStatus ? ['#', 'STATUS', 'STEP', 'NOTE'] : ['#', 'STEP', 'NOTE'],
    rows: steps.map((s) => {
      const note = s.kind === 'console.remove' ? 'by hand, in the Console' : (s.detail ?? '');
      return withStatus ? [String(s.seq), s.status, s.label, note] : [String(s.seq), s.label, note];
    }),
    right: [0],
  });
}
