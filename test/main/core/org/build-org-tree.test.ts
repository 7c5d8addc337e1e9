import { describe, expect, it } from 'vitest';
import { buildOrgTree, type OrgTreeInput, type TreeKeyRow } from '../../../../main/core/org/build-org-tree';

const key = (
  id: string,
  workspaceId: string | null,
  scopeType: string | null = workspaceId ? 'workspace' : null,
): TreeKeyRow => ({
  id,
  name: `key ${id}`,
  status: 'active',
  partialKeyHint: 'sk-ant-api03-R2D...igAA',
  createdAtMs: 1,
  expiresAtMs: null,
  workspaceId,
  scopeType,
});
const base: OrgTreeInput = {
  org: { id: 'org_1', name: 'Acme' },
  syncedAtMs: 5,
  workspaces: [
    { id: 'wrkspc_b', name: 'Beta', isDefault: false, archived: false },
    { id: 'wrkspc_a', name: 'Alpha', isDefault: false, archived: true },
  ],
  users: [{ id: 'user_1', name: 'Ann', email: 'ann@example.com', role: 'developer' }],
  members: [{ workspaceId: 'wrkspc_b', userId: 'user_1', workspaceRole: 'workspace_admin' }],
  keys: [key('k1', 'wrkspc_b')],
};

describe('buildOrgTree', () => {
  it('lists workspaces by name with their members (name, email, org and workspace role) and keys', () => {
    const tree = buildOrgTree(base);
    expect(tree.workspaces.map((w) => [w.id, w.archived])).toEqual([
      ['wrkspc_a', true],
      ['wrkspc_b', false],
    ]);
    expect(tree.workspaces[1]!.members).toEqual([
      {
        userId: 'user_1',
        name: 'Ann',
        email: 'ann@example.com',
        orgRole: 'developer',
        workspaceRole: 'workspace_admin',
      },
    ]);
    expect(tree.workspaces[1]!.keys.map((k) => k.id)).toEqual(['k1']);
    expect(tree.workspaces[1]!.keys[0]).not.toHaveProperty('workspaceId');
  });

  it('shows a listed default workspace first only when it holds keys or members', () => {
    const withDefault = {
      ...base,
      workspaces: [...base.workspaces, { id: 'wrkspc_d', name: 'Default', isDefault: true, archived: false }],
    };
    expect(buildOrgTree(withDefault).workspaces.some((w) => w.isDefault)).toBe(false);
    const tree = buildOrgTree({ ...withDefault, keys: [...base.keys, key('k2', 'wrkspc_d')] });
    expect(tree.workspaces[0]).toMatchObject({ id: 'wrkspc_d', isDefault: true, keys: [{ id: 'k2' }] });
  });

  it('gives the unlisted default workspace of the legacy key shape id null', () => {
    const tree = buildOrgTree({ ...base, keys: [...base.keys, key('k3', null)] });
    expect(tree.workspaces[0]).toMatchObject({ id: null, name: 'Default', isDefault: true, keys: [{ id: 'k3' }] });
  });

  it('puts organization-scoped keys beside the workspaces, not in the default one', () => {
    const tree = buildOrgTree({ ...base, keys: [...base.keys, key('k4', null, 'organization')] });
    expect(tree.organizationKeys?.map((k) => k.id)).toEqual(['k4']);
    expect(tree.workspaces.some((w) => w.isDefault)).toBe(false);
  });
});
