/**
 * `clade:key/*`: the admin key is write-only from the window. The window may connect, replace or clear the current
 * profile's key and learn `{present, orgName, verifiedAt}`; nothing answers with the key. The vault
 * (services/profiles.ts over services/key-vault.ts) also records each change in that profile's audit trail.
 * Vault errors carry messages written for the admin (what an Admin key is, where to create one, unlock the
 * keyring…), so they pass through as HandlerErrors; anything else becomes `internal`.
 */
import { VaultError } from '../../core/vault/errors';
import type { KeyVaultPort } from '../../services/profiles';
import { HandlerError } from '../handler-error';
import type { Handler } from '../handler-types';

export type { KeyVaultPort } from '../../services/profiles';

export interface KeyDeps {
  vault: KeyVaultPort;
  /** Called after the stored key changed, so main can switch between the demo org and the live org. */
  onKeyChanged: () => Promise<void>;
}

export function keyHandlers(deps: KeyDeps): {
  'clade:key/status': Handler<'clade:key/status'>;
  'clade:key/set': Handler<'clade:key/set'>;
  'clade:key/clear': Handler<'clade:key/clear'>;
} {
  return {
    'clade:key/status': () => explained(() => deps.vault.status()),
    'clade:key/set': async (request) => {
      const status = await explained(() => deps.vault.connect(request.key, request.label));
      await deps.onKeyChanged();
      return status;
    },
    'clade:key/clear': async () => {
      const status = await explained(() => deps.vault.clear());
      await deps.onKeyChanged();
      return status;
    },
  };
}

async function explained<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof VaultError) {
      const unavailable = error.code.startsWith('KEYCHAIN');
      throw new HandlerError(unavailable ? 'unavailable' : 'bad-request', error.message);
    }
    throw error;
  }
}
