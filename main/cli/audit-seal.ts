/**
 * The CLI's side of the audit seal (services/audit-seal.ts): each command that writes to a profile's trail seals its
 * mirror once after opening it; `audit verify` only looks the seal up. The keychain is asked for the seal unless the
 * run's admin key is ANTHROPIC_ADMIN_KEY (cron, often with no keychain): such a run seals a new trail in a 0600 file
 * beside the mirror, and reaches for the keychain only for a trail already sealed there.
 */
import { AUDIT_SEAL_FILE_SUFFIX, NO_SEAL, type AuditSealState } from '../core/audit/seal';
import type { SecretStorePort } from '../core/vault/ports';
import type { MirrorDb } from '../db/open';
import type { CliContext } from './context';
import { DEMO_PROFILE } from './context';

export type SealMode = 'open' | 'find';

export async function sealProfileMirror(
  ctx: CliContext,
  db: MirrorDb,
  mode: SealMode,
  secrets?: SecretStorePort,
): Promise<AuditSealState> {
  // The demo org's trail is generated sandbox history: nothing to protect, and no keychain item for it.
  if (ctx.profileId === DEMO_PROFILE && !ctx.envAdminKey) return NO_SEAL;
  const { findAuditSeal, openAuditSeal } = await import('../services/audit-seal');
  const { createKeytarSecretStore } = await import('../adapters/secret-store-keytar');
  const sources = {
    profileId: ctx.profileId,
    secrets: secrets ?? createKeytarSecretStore(),
    // A cron run on ANTHROPIC_ADMIN_KEY seals a new trail in the file; openAuditSeal still finds one in the keychain.
    preferKeychain: !ctx.envAdminKey,
    sealFile: `${db.name}${AUDIT_SEAL_FILE_SUFFIX}`,
  };
  return mode === 'open' ? openAuditSeal(db, sources) : findAuditSeal(db, sources);
}
