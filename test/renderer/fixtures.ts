import type { OrgTree } from '../../preload/contract';

/** A small org in the contract's shape; hints in the format admin-api.md documents for partial_key_hint. */
export const demoTree: OrgTree = {
  org: { id: 'org_01TEST', name: 'Acme Research' },
  syncedAtMs: Date.UTC(2026, 10, 23, 9, 14),
  workspaces: [
    {
      id: 'wrkspc_01PROD',
      name: 'Production',
      isDefault: false,
      archived: false,
      members: [
        {
          userId: 'user_01ADA',
          name: 'Ada Lovelace',
          email: 'ada@acme.example',
          orgRole: 'admin',
          workspaceRole: 'workspace_admin',
        },
        {
          userId: 'user_01BOB',
          name: 'Bob Byte',
          email: 'bob@acme.example',
          orgRole: 'developer',
          workspaceRole: 'workspace_developer',
        },
      ],
      keys: [
        {
          id: 'apikey_01PROD',
          name: 'prod-backend',
          status: 'active',
          partialKeyHint: 'sk-ant-api03-R2D...igAA',
          createdAtMs: Date.UTC(2026, 0, 5),
          expiresAtMs: null,
        },
        {
          id: 'apikey_01OLD',
          name: 'old-batch',
          status: 'inactive',
          partialKeyHint: 'sk-ant-api03-Q9x...k2AA',
          createdAtMs: Date.UTC(2025, 5, 1),
          expiresAtMs: Date.UTC(2026, 11, 31),
        },
      ],
    },
    { id: null, name: 'Default Workspace', isDefault: true, archived: false, members: [], keys: [] },
    {
      id: 'wrkspc_01OLD',
      name: 'Hackathon',
      isDefault: false,
      archived: true,
      members: [
        {
          userId: 'user_01CY',
          name: 'Cy Coder',
          email: 'cy@acme.example',
          orgRole: 'user',
          workspaceRole: 'workspace_user',
        },
      ],
      keys: [],
    },
  ],
};
