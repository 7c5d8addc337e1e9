/**
 * `clade:key/*`: the admin key is write-only from the window. The window may connect,
 * replace or clear the current profile's key and learn `{present, orgName, verifiedAt}`; nothing answers
 * with the key. Vault errors carry messages written for the admin (what an Admin key is, where to create
 * one, unlock the keyring…), so they pass through as HandlerErrors; anything else becomes `internal`.
 * A key connected, replaced or cleared is recorded here, in the audit trail of THAT profile's mirror
 * (opened, or created, for the purpose while the window shows the demo org), with at most the key's hint.
 */
import type Database from 'better-sqlite3';
import type { KeyStatus } from '../../../preload/contract';
import { adminKeyHint } from '../../core/audit/normalise-local';
import { VaultError } from '../../core/vault/errors';
import { recordKeyConnected, recordKeyRemoved } from '../../db/audit/local-actions';
import { withProfileTrail } from '../../db/audit/profile-trail';
import { reprobeAfterKeyChange } from '../../db/reprobe-after-key-change';
import { HandlerError } from '../handler-error';
import type { Handler } from '../handler-types';

/** The current profile's key, as main wires it (core/vault flows over the keychain and profiles.json). */
export interface KeyVaultPort {
  status(): Promise<KeyStatus>;
  connect(key: string, label?: string): Promise<KeyStatus>;
  clear(): Promise<KeyStatus>;
}

export interface KeyDeps {
  vault: KeyVaultPort;
  /** Called after the stored key changed, so main can switch between the demo org and the live org. */
  onKeyChanged: () => Promise<void>;
  /**
   * The current profile's id and mirror file (created on demand), where key actions are recorded. Absent: they are
   * not recorded (test roots that have no data dir).
   */
  keyTrail?: () => { profileId: string; mirrorFile: string } | null;
  /** The window's open mirror: used instead of a second connection when it is the same file. */
  mirror?: () => Database.Database | null;
  now?: () => number;
}

export function keyHandlers(deps: KeyDeps): {
  'clade:key/status': Handler<'clade:key/status'>;
  'clade:key/set': Handler<'clade:key/set'>;
  'clade:key/clear': Handler<'clade:key/clear'>;
} {
  return {
    'clade:key/status': () => explained(() => deps.vault.status()),
    'clade:key/set': async (request) => {
      const replaced = deps.keyTrail ? await hadKey(deps.vault) : false;
      const status = await explained(() => deps.vault.connect(request.key, request.label));
      record(deps, (db, profileId, nowMs) => {
        recordKeyConnected(db, { profileId, orgName: status.orgName ?? 'an organization', replaced, keyHint: adminKeyHint(request.key), via: 'window' }, nowMs);
        reprobeAfterKeyChange(db, nowMs);
      });
      await deps.onKeyChanged();
      return status;
    },
    'clade:key/clear': async () => {
      const had = deps.keyTrail ? await hadKey(deps.vault) : false;
      const status = await explained(() => deps.vault.clear());
      if (had && !status.present) record(deps, (db, profileId, nowMs) => recordKeyRemoved(db, { profileId, via: 'window' }, nowMs));
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

async function hadKey(vault: KeyVaultPort): Promise<boolean> {
  try {
    return (await vault.status()).present;
  } catch {
    return false;
  }
}

/**
 * The key change has happened when this runs: a trail that cannot be written (a mirror from a newer build, a full
 * disk) must not turn it into an error the window shows, so a failure here is swallowed.
 */
function record(deps: KeyDeps, write: (db: Database.Database, profileId: string, nowMs: number) => unknown): void {
  const trail = deps.keyTrail?.();
  if (!trail) return;
  const nowMs = deps.now?.() ?? Date.now();
  try {
    const open = deps.mirror?.();
    if (open && !open.readonly && open.name === trail.mirrorFile) write(open, trail.profileId, nowMs);
    else withProfileTrail(trail.mirrorFile, (db) => write(db, trail.profileId, nowMs));
  } catch {
    // Not recorded; see above.
  }
}
