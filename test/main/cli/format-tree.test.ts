import { describe, expect, it } from 'vitest';
import type { OrgTree } from '../../../preload/contract';
import { formatTree, summarizeTree } from '../../../main/cli/format-tree';

const tree: OrgTree = {
  org: { id: '12345678-1234-5678-1234-567812345678', name: 'Acme' },
  syncedAtMs: 1_700_000_000_000,
  workspaces: [
    {
      id: 'wrkspc_01Prod',
      name: 'Production',
      isDefault: false,
      archived: false,
      members: [
        { userId: 'user_01A', name: 'Ada', email: 'ada@acme.test', orgRole: 'admin', workspaceRole: 'workspace_admin' },
      ],
      keys: [
        {
          id: 'apikey_01',
          name: 'backend',
          status: 'active',
          partialKeyHint: 'sk-ant-api03-R2D...igAA',
          createdAtMs: 1,
          expiresAtMs: null,
        },
        { id: 'apikey_02', name: 'old', status: 'inactive', partialKeyHint: null, createdAtMs: 2, expiresAtMs: null },
      ],
    },
    { id: null, name: 'Default', isDefault: true, archived: false, members: [], keys: [] },
  ],
};

describe('CLI org tree output', () => {
  it('summarises members and keys per workspace as counts', () => {
    expect(summarizeTree(tree)).toEqual({
      org: { id: tree.org.id, name: 'Acme' },
      workspaces: [
        { id: 'wrkspc_01Prod', name: 'Production', members: 1, keys: 2 },
        { id: null, name: 'Default', members: 0, keys: 0 },
      ],
    });
  });

  it('draws org → workspaces → members and keys', () => {
    const text = formatTree(tree);
    expect(text.split('\n')[0]).toBe(`Acme  (${tree.org.id})`);
    expect(text).toContain('├─ Production · 1 member · 2 keys');
    expect(text).toContain('│  ├─ member  Ada <ada@acme.test>  workspace_admin');
    expect(text).toContain('│  └─ key     old  inactive');
    expect(text).toContain('└─ Default [default] · 0 members · 0 keys');
  });

  it('keeps a name with a line feed on its own line: the feed is shown escaped, so no line can be forged', () => {
    const forged: OrgTree = {
      ...tree,
      workspaces: [
        {
          ...tree.workspaces[0]!,
          name: 'Prod\n└─ key     admin  active',
          keys: [{ ...tree.workspaces[0]!.keys[0]!, name: 'a\u2028b\rc' }],
        },
      ],
    };
    const lines = formatTree(forged).trimEnd().split('\n');
    expect(lines).toHaveLength(1 + 1 + 1 + 1);
    expect(lines[1]).toContain('Prod\\u000a└─ key     admin  active');
    expect(lines[3]).toContain('a\\u2028b\\u000dc');
  });
});
