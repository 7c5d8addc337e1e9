/**
 * Errors of the key vault. Each has a stable `code` (for IPC results `{ok:false,error:{code,message}}` and CLI exit
 * codes) and a message written for the admin: what happened and what to do. No message ever contains a key.
 */

export type VaultErrorCode =
  | 'KEYCHAIN_UNAVAILABLE'
  | 'INVALID_ADMIN_KEY'
  | 'KEY_VERIFICATION_FAILED'
  | 'PROFILE_ORG_MISMATCH'
  | 'INVALID_PROFILE_ID'
  | 'INVALID_PROFILE_LABEL'
  | 'PROFILE_NOT_FOUND'
  | 'PROFILE_EXISTS'
  | 'DEMO_PROFILE_TAKES_NO_KEY';

export class VaultError extends Error {
  constructor(
    readonly code: VaultErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'VaultError';
  }
}

/** Why the keychain could not be used. `timeout` means it did not answer in time (we never wait forever). */
export type KeychainFailureKind = 'no-service' | 'locked' | 'refused' | 'timeout' | 'unknown';

export class KeychainUnavailableError extends VaultError {
  constructor(
    readonly kind: KeychainFailureKind,
    message: string,
  ) {
    super('KEYCHAIN_UNAVAILABLE', message);
    this.name = 'KeychainUnavailableError';
  }
}

export class InvalidAdminKeyError extends VaultError {
  constructor(
    readonly reason: AdminKeyShapeProblem,
    message: string,
  ) {
    super('INVALID_ADMIN_KEY', message);
    this.name = 'InvalidAdminKeyError';
  }
}

export type AdminKeyShapeProblem =
  'empty' | 'api-key' | 'other-anthropic-credential' | 'not-an-anthropic-key' | 'malformed';

export class KeyVerificationError extends VaultError {
  constructor(
    readonly status: number | null,
    message: string,
  ) {
    super('KEY_VERIFICATION_FAILED', message);
    this.name = 'KeyVerificationError';
  }
}

export class ProfileOrgMismatchError extends VaultError {
  constructor(
    readonly profileId: string,
    readonly boundOrgId: string,
    readonly keyOrgId: string,
    message: string,
  ) {
    super('PROFILE_ORG_MISMATCH', message);
    this.name = 'ProfileOrgMismatchError';
  }
}
