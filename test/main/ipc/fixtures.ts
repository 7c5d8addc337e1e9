import type { AppInfo, OrgTree } from '../../../preload/contract';
import type { KeyVaultPort } from '../../../main/ipc/domains/key';

/** A small tree in the contract's shape, with the hint format admin-api.md documents for partial_key_hint. */
export const sampleTree: OrgTree = {
  org: { id: 'org_01TEST', name: 'Acme Research' },
  syncedAtMs: 1_790_000_000_000,
  workspaces: [
    {
      id: 'wrkspc_01TEST',
      name: 'Production',
      isDefault: false,
      archived: false,
      members: [
        {
          userId: 'user_01TEST',
          name: 'Ada Admin',
          email: 'ada@example.com',
          orgRole: 'admin',
          workspaceRole: 'workspace_admin',
        },
      ],
      keys: [
        {
          id: 'apikey_01TEST',
          name: 'prod-backend',
          status: 'active',
          partialKeyHint: 'sk-ant-api03-R2D...igAA',
          createdAtMs: 1_780_000_000_000,
          expiresAtMs: null,
        },
      ],
    },
  ],
};

export const sampleInfo: AppInfo = { name: 'Clade Admin', version: '0.1.0', mode: 'demo' };

/** A vault for tests that never touch the key channels. */
export const unusedVault: KeyVaultPort = {
  status: async () => ({ present: false, orgName: null, verifiedAt: null }),
  connect: async () => {
    throw new Error('not used in this test');
  },
  clear: async () => ({ present: false, orgName: null, verifiedAt: null }),
};
