import { describe, expect, it } from 'vitest';
import { buildTreeNodes } from '../../../../renderer/features/org-tree/tree-nodes';
import { allParentIds, flattenTree, initialExpanded } from '../../../../renderer/features/org-tree/flatten-tree';
import { demoTree } from '../../fixtures';

const roots = buildTreeNodes(demoTree);
const labels = (rows: ReturnType<typeof flattenTree>) =>
  rows.map((row) => `${'  '.repeat(row.level - 1)}${row.node.label}`);

describe('buildTreeNodes + flattenTree', () => {
  it('shows org → workspaces (default first, archived last) when only the org is expanded', () => {
    const rows = flattenTree(roots, new Set(['org']));
    expect(labels(rows)).toEqual(['Acme Research', '  Default Workspace', '  Production', '  Hackathon']);
    expect(rows.map((r) => [r.posInSet, r.setSize])).toEqual([
      [1, 1],
      [1, 3],
      [2, 3],
      [3, 3],
    ]);
    expect(rows[2]).toMatchObject({ level: 2, parentId: 'org', hasChildren: true, expanded: false });
  });

  it('lists members with roles and keys with hints under a workspace', () => {
    const rows = flattenTree(roots, new Set(allParentIds(roots)));
    const prod = rows.filter((row) => row.node.id.startsWith('ws:wrkspc_01PROD') || row.node.kind === 'key');
    expect(prod.map((row) => [row.node.label, row.node.detail])).toEqual([
      ['Production', '2 members · 2 keys'],
      ['Members', '2'],
      ['Ada Lovelace', 'Workspace admin · org admin'],
      ['Bob Byte', 'Developer'],
      ['API keys', '2'],
      ['old-batch', 'sk-ant-api03-Q9x...k2AA'],
      ['prod-backend', 'sk-ant-api03-R2D...igAA'],
    ]);
    expect(rows.find((row) => row.node.label === 'old-batch')!.node.badges).toEqual(['Inactive']);
    expect(rows.find((row) => row.node.label === 'Hackathon')!.node.badges).toEqual(['Archived']);
  });

  it('filters by email and reveals the match with its ancestors expanded', () => {
    const rows = flattenTree(roots, new Set(), 'BOB@acme');
    expect(labels(rows)).toEqual(['Acme Research', '  Production', '    Members', '      Bob Byte']);
    expect(rows.every((row) => !row.hasChildren || row.expanded)).toBe(true);
  });

  it('filters by role and by status words', () => {
    expect(flattenTree(roots, new Set(), 'workspace_admin').at(-1)!.node.label).toBe('Ada Lovelace');
    expect(flattenTree(roots, new Set(), 'inactive').at(-1)!.node.label).toBe('old-batch');
    expect(flattenTree(roots, new Set(), 'no such thing')).toEqual([]);
  });

  it('opens everything for a small org and only the first level for a large one', () => {
    expect(initialExpanded(roots).size).toBe(allParentIds(roots).length);
    expect([...initialExpanded(roots, 5)]).toEqual(['org']);
  });
});

describe('badges from main and the filters', () => {
  const badged = buildTreeNodes({
    ...demoTree,
    organizationKeys: [
      {
        id: 'apikey_01ORG',
        name: 'org-wide-bot',
        status: 'active',
        partialKeyHint: 'sk-ant-api03-Zz1...q0AA',
        createdAtMs: 0,
        expiresAtMs: null,
        estimatedMonthCents: '0',
      },
    ],
    workspaces: demoTree.workspaces.map((workspace) =>
      workspace.id === 'wrkspc_01PROD'
        ? {
            ...workspace,
            spend: {
              cents: '123456.5',
              targets: [
                { source: 'limit' as const, amountCents: '150000', percent: 82, crossingDay: '2026-11-24' },
                { source: 'budget' as const, amountCents: '500000', percent: 24, crossingDay: null },
              ],
            },
            keys: workspace.keys.map((key) =>
              key.id === 'apikey_01PROD'
                ? {
                    ...key,
                    estimatedMonthCents: '98765.4321',
                    hygiene: { verdict: 'dormant' as const, reason: 'Unused for 45 days.' },
                  }
                : {
                    ...key,
                    estimatedMonthCents: '0',
                    hygiene: { verdict: 'inactive' as const, reason: 'The key is inactive.' },
                  },
            ),
          }
        : { ...workspace, spend: { cents: '0', targets: [] } },
    ),
  });
  const all = flattenTree(badged, new Set(allParentIds(badged)));
  const row = (label: string) => all.find((r) => r.node.label === label)!.node;

  it('badges workspaces with month-to-date spend and the share of the budget or limit that binds first', () => {
    expect(row('Production').spend).toMatchObject({
      money: '$1,234.57 this month',
      percent: '82 % of limit',
      tone: 'warn',
    });
    expect(row('Production').warnings).toEqual(['82 % of limit this month.']);
    expect(row('Hackathon').spend).toMatchObject({ money: '$0.00 this month', percent: null });
  });

  it('badges keys with their verdict and an estimate labelled as such; no money badge for a key with no cost', () => {
    expect(row('prod-backend').badges).toEqual(['Dormant']);
    expect(row('prod-backend').spend).toMatchObject({ money: '≈ $987.65 this month' });
    expect(row('prod-backend').spend!.title).toMatch(/^Estimate/);
    expect(row('old-batch').badges).toEqual(['Inactive']);
    expect(row('old-batch').spend).toBeUndefined();
  });

  it('badges the org row with its month and flags it for attention from 80 % of its limit', () => {
    const [org] = buildTreeNodes({
      ...demoTree,
      spend: {
        cents: '1202345.6',
        targets: [{ source: 'limit', amountCents: '1500000', percent: 80, crossingDay: '2026-11-28' }],
      },
    });
    expect(org!.spend).toMatchObject({ money: '$12,023.46 this month', percent: '80 % of limit', tone: 'warn' });
    expect(org!.warnings).toEqual(['80 % of limit this month.']);
    expect(buildTreeNodes({ ...demoTree, spend: { cents: '1', targets: [] } })[0]!.warnings).toEqual([]);
  });

  it('shows organization-scoped keys in their own group under the org', () => {
    expect(labels(all).slice(0, 3)).toEqual(['Acme Research', '  Organization API keys', '    org-wide-bot']);
  });

  it('"needs attention" keeps workspaces over 80 % and keys with hygiene warnings, with their ancestors (an inactive key is not flagged)', () => {
    const rows = flattenTree(badged, new Set(), { attentionOnly: true });
    expect(labels(rows)).toEqual(['Acme Research', '  Production', '    API keys', '      prod-backend']);
  });

  it('filters members by role, and nodes by status', () => {
    expect(labels(flattenTree(badged, new Set(), { role: 'workspace_developer' }))).toEqual([
      'Acme Research',
      '  Production',
      '    Members',
      '      Bob Byte',
    ]);
    expect(labels(flattenTree(badged, new Set(), { status: 'inactive' }))).toEqual([
      'Acme Research',
      '  Production',
      '    API keys',
      '      old-batch',
    ]);
    const archived = labels(flattenTree(badged, new Set(), { status: 'archived' }));
    expect(archived).toEqual(['Acme Research', '  Hackathon']);
    // Filters combine: an admin who is a developer nowhere matches nothing.
    expect(flattenTree(badged, new Set(), { role: 'workspace_admin', query: 'bob' })).toEqual([]);
  });

  it('filters members by org role: the org admin, not the workspace admins who are org users', () => {
    expect(labels(flattenTree(badged, new Set(), { role: 'org:admin' }))).toEqual([
      'Acme Research',
      '  Production',
      '    Members',
      '      Ada Lovelace',
    ]);
    expect(labels(flattenTree(badged, new Set(), { role: 'org:user' }))).toEqual([
      'Acme Research',
      '  Hackathon',
      '    Members',
      '      Cy Coder',
    ]);
    expect(flattenTree(badged, new Set(), { role: 'org:owner' })).toEqual([]);
  });
});
