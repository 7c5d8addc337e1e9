/**
 * The window's view of the key vault for the app's current profile: connect, replace, clear and status,
 * over core/vault's flows (shape check → verify with GET /v1/organizations/me → keychain → profiles.json).
 * Plain Node; the keychain and the verifier are passed in, so it is tested with fakes and the sandbox.
 */
import { clearKey, connectKey, keyStatus } from '../core/vault/connect-key';
import type { ProfileStorePort, SecretStorePort, VaultClock, VerifyKey } from '../core/vault/ports';
import type { KeyVaultPort } from '../ipc/domains/key';

export interface WindowVaultOptions {
  profileId: string;
  secrets: SecretStorePort;
  profiles: ProfileStorePort;
  verify: VerifyKey;
  clock: VaultClock;
}

export function createWindowVault(options: WindowVaultOptions): KeyVaultPort {
  const { profileId, secrets, profiles } = options;
  const status = () => keyStatus({ profileId, secrets, profiles });
  return {
    status,
    connect: async (key, label) => {
      const connected = await connectKey({ profileId, key, label, verify: options.verify, secrets, profiles, clock: options.clock });
      return { present: connected.present, orgName: connected.orgName, verifiedAt: connected.verifiedAt };
    },
    clear: async () => {
      await clearKey({ profileId, secrets });
      return status();
    },
  };
}
