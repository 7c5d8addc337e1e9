/**
 * Which key a headless run uses: `ANTHROPIC_ADMIN_KEY` from the environment when given (nothing is stored), else the
 * profile's key from the keychain. The demo profile never reads the keychain: it runs on the sandbox's own key.
 */
import { InvalidAdminKeyError } from './errors';
import { checkAdminKeyShape } from './key-shape';
import type { SecretStorePort } from './ports';
import { assertProfileId, isDemoProfile } from './profiles';

export const ADMIN_KEY_ENV = 'ANTHROPIC_ADMIN_KEY';

export interface ResolvedAdminKey {
  key: string;
  source: 'env' | 'keychain';
}

export async function resolveAdminKey(input: {
  env: Record<string, string | undefined>;
  secrets: SecretStorePort;
  profileId: string;
}): Promise<ResolvedAdminKey | null> {
  const fromEnv = input.env[ADMIN_KEY_ENV];
  if (fromEnv !== undefined && fromEnv.trim() !== '') {
    const checked = checkAdminKeyShape(fromEnv);
    if (!checked.ok) throw new InvalidAdminKeyError(checked.problem, `${ADMIN_KEY_ENV}: ${checked.message}`);
    return { key: checked.key, source: 'env' };
  }
  const profileId = assertProfileId(input.profileId);
  if (isDemoProfile(profileId)) return null;
  const stored = await input.secrets.get(profileId);
  return stored === null ? null : { key: stored, source: 'keychain' };
}
