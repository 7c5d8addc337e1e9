import type { OrgTree } from '../../preload/contract';
import { escapeControls as oneLine } from '../core/text/escape-controls';

/** The `demo --json` shape: the org and, per workspace, how many members and keys it has. */
export function summarizeTree(tree: OrgTree) {
  return {
    org: { id: tree.org.id, name: tree.org.name },
    workspaces: tree.workspaces.map((w) => ({
      id: w.id,
      name: w.name,
      members: w.members.length,
      keys: w.keys.length,
    })),
  };
}

/**
 * A readable org tree for a terminal: org → workspaces → members and keys. Each org text is one line by design, so a
 * line feed in a name is escaped here (the CLI's output layer keeps the tree's own line feeds).
 */
export function formatTree(tree: OrgTree): string {
  const lines = [`${oneLine(tree.org.name)}  (${oneLine(tree.org.id)})`];
  tree.workspaces.forEach((workspace, index) => {
    const lastWorkspace = index === tree.workspaces.length - 1;
    const branch = lastWorkspace ? '└─' : '├─';
    const stem = lastWorkspace ? '   ' : '│  ';
    const flags = [workspace.isDefault ? 'default' : '', workspace.archived ? 'archived' : ''].filter(Boolean);
    const suffix = flags.length ? ` [${flags.join(', ')}]` : '';
    lines.push(
      `${branch} ${oneLine(workspace.name)}${suffix} · ${plural(workspace.members.length, 'member')} · ${plural(workspace.keys.length, 'key')}`,
    );
    const children = [
      ...workspace.members.map((m) => `member  ${oneLine(m.name)} <${oneLine(m.email)}>  ${m.workspaceRole}`),
      ...workspace.keys.map(
        (k) => `key     ${oneLine(k.name)}  ${k.status}${k.partialKeyHint ? `  ${oneLine(k.partialKeyHint)}` : ''}`,
      ),
    ];
    children.forEach((child, childIndex) => {
      lines.push(`${stem}${childIndex === children.length - 1 ? '└─' : '├─'} ${child}`);
    });
  });
  return `${lines.join('\n')}\n`;
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
