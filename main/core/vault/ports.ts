/**
 * Ports of the key vault. The core never touches the OS keychain or the file system itself: the keytar adapter
 * implements SecretStorePort, the profiles-file adapter implements ProfileStorePort, and tests pass in-memory doubles.
 */
import type { Clock } from '../ports';
import type { ProfileRegistry } from './profiles';

/**
 * The OS keychain, one item per profile (service `clade-admin`, account = profile id). Implementations fail fast with
 * a KeychainUnavailableError; they never fall back to storing the key anywhere else.
 */
export interface SecretStorePort {
  /** The stored key, or null when the profile has none. */
  get(profileId: string): Promise<string | null>;
  /** Stores or replaces the profile's key. */
  set(profileId: string, key: string): Promise<void>;
  /** Deletes the profile's key; false when there was none. */
  delete(profileId: string): Promise<boolean>;
}

/** The persisted profile registry (`profiles.json`). Whole-registry reads and atomic whole-registry writes. */
export interface ProfileStorePort {
  read(): ProfileRegistry;
  write(registry: ProfileRegistry): void;
}

/** What verifying a key against `GET /v1/organizations/me` tells us. */
export interface VerifiedOrg {
  orgId: string;
  orgName: string;
}

/** Verifies a key with one cheap API call; rejects (e.g. with the SDK's AuthenticationError) when the API refuses it. */
export type VerifyKey = (key: string) => Promise<VerifiedOrg>;

/** The vault only needs "now". */
export type VaultClock = Pick<Clock, 'now'>;
