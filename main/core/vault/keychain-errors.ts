/**
 * Turns what the OS keychain library says into one KeychainUnavailableError that tells the admin what to do.
 * Pure: the adapter passes the raw message and the platform. Known raw messages (stack.md §2, keytar 7.9 on Linux):
 *   no session bus           "Cannot autolaunch D-Bus without X11 $DISPLAY"
 *   no Secret Service        "The name org.freedesktop.secrets was not provided by any .service files"
 *   keyring never unlocked   "Object does not exist at path "/org/freedesktop/secrets/collection/login""
 *   keyring locked           "Cannot create an item in a locked collection"
 * macOS (Security framework) and Windows (Credential Manager) report locks and refusals with their own words/codes.
 */
import { redactSecrets } from '../redact';
import type { KeychainFailureKind } from './errors';
import { KeychainUnavailableError } from './errors';

export type KeychainPlatform = 'linux' | 'darwin' | 'win32' | string;

const PATTERNS: Array<[KeychainFailureKind, RegExp]> = [
  [
    'no-service',
    /autolaunch D-Bus|DBUS_SESSION_BUS_ADDRESS|not provided by any \.service files|ServiceUnknown|Could not connect to (the )?(D-?Bus|bus)|Failed to connect to socket|libsecret.*(not found|cannot open)|cannot open shared object|ERROR_NO_SUCH_LOGON_SESSION|no such logon session/i,
  ],
  // GLib's D-Bus call timeout (~25 s): the Secret Service is stuck, typically behind a prompt nobody can see.
  ['timeout', /Timeout was reached|timed out/i],
  [
    'locked',
    /locked collection|collection is locked|Object does not exist at path .*\/collection\/|keychain.*locked|locked.*keychain|interaction (is )?not allowed|errSecInteractionNotAllowed|-25308|No keychain is available|-25307|errSecNoDefaultKeychain|prompt.*(dismiss|fail)|couldn.t (initialize|display) prompt/i,
  ],
  [
    'refused',
    /cancel+ed|User canceled|-128\b|passphrase you entered is not correct|errSecAuthFailed|-25293|access (is )?denied|not permitted|AccessDenied|ERROR_ACCESS_DENIED|not authorized/i,
  ],
];

/** Classifies a raw keychain failure message. */
export function keychainFailureKind(rawMessage: string): KeychainFailureKind {
  for (const [kind, pattern] of PATTERNS) if (pattern.test(rawMessage)) return kind;
  return 'unknown';
}

/** The advice for each failure, per platform. Never suggests storing the key in a file. */
export function keychainAdvice(kind: KeychainFailureKind, platform: KeychainPlatform): string {
  const store = storeName(platform);
  const headless = 'For headless runs, pass the key in ANTHROPIC_ADMIN_KEY instead (nothing is stored).';
  switch (kind) {
    case 'no-service':
      return platform === 'linux'
        ? `No Secret Service is available to keep the admin key. Install and start one (for example gnome-keyring, or KeePassXC with its Secret Service integration) in a desktop or D-Bus session, then try again. ${headless}`
        : `The ${store} is not reachable. Make sure you are logged in to a desktop session, then try again. ${headless}`;
    case 'locked':
      return platform === 'linux'
        ? `The keyring is locked. Unlock it (log in to your desktop session, or open "Passwords and Keys" / run gnome-keyring-daemon --unlock), then try again.`
        : `The ${store} is locked. Unlock it${platform === 'darwin' ? ' (Keychain Access → File → Unlock Keychain "login")' : ''}, then try again.`;
    case 'refused':
      return `The ${store} refused access to the admin key. Allow Clade Admin when the ${store} asks${platform === 'darwin' ? ' (or in Keychain Access)' : ''}, then try again.`;
    case 'timeout':
      return `The ${store} did not answer in time; it may be waiting for a password prompt that cannot be shown. Unlock it, then try again. ${headless}`;
    case 'unknown':
      return `The ${store} could not be used. Check that it is installed, running and unlocked, then try again. ${headless}`;
  }
}

/** One error for the admin: the advice, then what the keychain itself said (redacted, for support). */
export function keychainUnavailable(rawMessage: string, platform: KeychainPlatform): KeychainUnavailableError {
  const kind = keychainFailureKind(rawMessage);
  const said = rawMessage.trim() ? ` (keychain said: ${redactSecrets(rawMessage.trim())})` : '';
  return new KeychainUnavailableError(kind, `${keychainAdvice(kind, platform)}${said}`);
}

export function keychainTimeout(platform: KeychainPlatform, ms: number): KeychainUnavailableError {
  return new KeychainUnavailableError('timeout', `${keychainAdvice('timeout', platform)} (no answer after ${ms} ms)`);
}

function storeName(platform: KeychainPlatform): string {
  if (platform === 'darwin') return 'macOS Keychain';
  if (platform === 'win32') return 'Windows Credential Manager';
  if (platform === 'linux') return 'keyring (Secret Service)';
  return 'OS keychain';
}
