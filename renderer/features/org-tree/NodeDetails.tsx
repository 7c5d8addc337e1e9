/** The pane that shows the opened node (Enter or click): a key's facts, a member's role, a workspace's counts. */
import type { WorkspaceSpendBadge } from '../../../preload/contract';
import type { TreeNode } from './tree-nodes';
import { formatCents, formatDate, formatOrgRole, formatRole, formatStatus } from '../../lib/format';
import { WorkspaceAccessDetails } from './WorkspaceAccess';

export function NodeDetails({ node }: { node: TreeNode | null }) {
  return (
    <aside className="details" aria-labelledby="details-heading" aria-live="polite">
      {node ? (
        <Facts node={node} />
      ) : (
        <p className="muted" id="details-heading">
          Select a workspace, member or key and press Enter to see its details.
        </p>
      )}
    </aside>
  );
}

function Facts({ node }: { node: TreeNode }) {
  const { data } = node;
  const rows: Array<[string, string]> = [];
  if (data.kind === 'org') {
    rows.push(['Organization id', data.tree.org.id], ['Workspaces', String(data.tree.workspaces.length)]);
    if (data.tree.spend) rows.push(...spendFacts(data.tree.spend));
  } else if (data.kind === 'workspace') {
    const ws = data.workspace;
    rows.push(
      ['Workspace id', ws.id ?? 'Default workspace'],
      ['Members', String(ws.members.length)],
      ['API keys', String(ws.keys.length)],
    );
    if (ws.archived) rows.push(['State', 'Archived']);
    if (ws.spend) rows.push(...spendFacts(ws.spend));
  } else if (data.kind === 'member') {
    rows.push(
      ['Email', data.member.email],
      ['Org role', data.member.orgRole ? formatOrgRole(data.member.orgRole) : 'unknown'],
      ['Workspace role', formatRole(data.member.workspaceRole)],
      ['Workspace', data.workspace.name],
    );
  } else if (data.kind === 'key') {
    const key = data.key;
    rows.push(
      ['Workspace', data.workspace.name],
      ['Status', formatStatus(key.status)],
      ['Key hint', key.partialKeyHint ?? 'not given by the API'],
      ['Created', formatDate(key.createdAtMs)],
      ['Expires', key.expiresAtMs === null ? 'never' : formatDate(key.expiresAtMs)],
      ['Key id', key.id],
    );
    if (key.estimatedMonthCents !== undefined)
      rows.push(['This month (est.)', `≈ ${formatCents(key.estimatedMonthCents)}`]);
    if (key.hygiene) rows.push(['Hygiene', key.hygiene.reason]);
  }
  return (
    <>
      <h2 id="details-heading">{node.label}</h2>
      <dl className="facts">
        {rows.map(([term, value]) => (
          <div key={term}>
            <dt>{term}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      {data.kind === 'workspace' && <WorkspaceAccessDetails workspace={data.workspace} />}
    </>
  );
}

function spendFacts(spend: WorkspaceSpendBadge): Array<[string, string]> {
  return [
    ['This month', formatCents(spend.cents)],
    ...spend.targets.map((target): [string, string] => [
      target.source === 'budget' ? 'Budget' : 'Spend limit',
      `${formatCents(target.amountCents)} (${target.percent} % used)`,
    ]),
  ];
}
