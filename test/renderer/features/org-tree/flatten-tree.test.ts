import { describe, expect, it } from 'vitest';
import { buildTreeNodes } from '../../../../renderer/features/org-tree/tree-nodes';
import { allParentIds, flattenTree, initialExpanded } from '../../../../renderer/features/org-tree/flatten-tree';
import { demoTree } from '../../fixtures';

const roots = buildTreeNodes(demoTree);
const labels = (rows: ReturnType<typeof flattenTree>) => rows.map((row) => `${'  '.repeat(row.level - 1)}${row.node.label}`);

describe('buildTreeNodes + flattenTree', () => {
  it('shows org → workspaces (default first, archived last) when only the org is expanded', () => {
    const rows = flattenTree(roots, new Set(['org']));
    expect(labels(rows)).toEqual(['Acme Research', '  Default Workspace', '  Production', '  Hackathon']);
    expect(rows.map((r) => [r.posInSet, r.setSize])).toEqual([[1, 1], [1, 3], [2, 3], [3, 3]]);
    expect(rows[2]).toMatchObject({ level: 2, parentId: 'org', hasChildren: true, expanded: false });
  });

  it('lists members with roles and keys with hints under a workspace', () => {
    const rows = flattenTree(roots, new Set(allParentIds(roots)));
    const prod = rows.filter((row) => row.node.id.startsWith('ws:wrkspc_01PROD') || row.node.kind === 'key');
    expect(prod.map((row) => [row.node.label, row.node.detail])).toEqual([
      ['Production', '2 members · 2 keys'],
      ['Members', '2'],
      ['Ada Lovelace', 'Workspace admin'],
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

describe('annotations and the needs-attention filter', () => {
  const annotated = buildTreeNodes(
    { ...demoTree, organizationKeys: [{ id: 'apikey_01ORG', name: 'org-wide-bot', status: 'active', partialKeyHint: 'sk-ant-api03-Zz1...q0AA', createdAtMs: 0, expiresAtMs: null }] },
    {
      keyVerdicts: new Map([['apikey_01PROD', { verdict: 'dormant', reason: 'Unused for 45 days.' }], ['apikey_01OLD', { verdict: 'inactive', reason: 'The key is inactive.' }]]),
      workspaceSpend: new Map([['wrkspc_01PROD', '123456.5']]),
      currency: 'USD',
    },
  );

  it('badges keys with their verdict and workspaces with month-to-date spend', () => {
    const rows = flattenTree(annotated, new Set(allParentIds(annotated)));
    expect(rows.find((row) => row.node.label === 'prod-backend')!.node.badges).toEqual(['Dormant']);
    expect(rows.find((row) => row.node.label === 'Production')!.node.detail).toBe('2 members · 2 keys · $1,234.57 this month');
  });

  it('shows organization-scoped keys in their own group under the org', () => {
    const rows = flattenTree(annotated, new Set(allParentIds(annotated)));
    expect(labels(rows).slice(0, 3)).toEqual(['Acme Research', '  Organization API keys', '    org-wide-bot']);
  });

  it('"needs attention" keeps only flagged nodes and their ancestors (an inactive key is not flagged)', () => {
    const rows = flattenTree(annotated, new Set(), '', true);
    expect(labels(rows)).toEqual(['Acme Research', '  Production', '    API keys', '      prod-backend']);
  });
});
