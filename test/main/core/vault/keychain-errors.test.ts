import { describe, expect, it } from 'vitest';
import { KeychainUnavailableError } from '../../../../main/core/vault/errors';
import { keychainFailureKind, keychainTimeout, keychainUnavailable } from '../../../../main/core/vault/keychain-errors';
import { fakeAdminKey } from '../../../helpers/keyring';

describe('keychainFailureKind', () => {
  it.each([
    // Linux, keytar 7.9 + libsecret (messages measured in stack.md §2 and in this repo's keyring tests)
    ['Cannot autolaunch D-Bus without X11 $DISPLAY', 'no-service'],
    ['The name org.freedesktop.secrets was not provided by any .service files', 'no-service'],
    ['Object does not exist at path “/org/freedesktop/secrets/collection/login”', 'locked'],
    ['Cannot create an item in a locked collection', 'locked'],
    ['Timeout was reached', 'timeout'],
    ['libsecret-1.so.0: cannot open shared object file: No such file or directory', 'no-service'],
    // macOS Security framework
    ['User interaction is not allowed.', 'locked'],
    ['The user name or passphrase you entered is not correct.', 'refused'],
    ['errSecAuthFailed', 'refused'],
    ['User canceled the operation.', 'refused'],
    // Windows Credential Manager
    ['Access is denied.', 'refused'],
    [
      'A specified logon session does not exist. It may already have been terminated. (ERROR_NO_SUCH_LOGON_SESSION)',
      'no-service',
    ],
    ['Something entirely different', 'unknown'],
  ])('%s → %s', (message, kind) => {
    expect(keychainFailureKind(message)).toBe(kind);
  });
});

describe('keychainUnavailable', () => {
  it('tells a Linux user without a Secret Service to install one, and offers ANTHROPIC_ADMIN_KEY for headless runs', () => {
    const error = keychainUnavailable('Cannot autolaunch D-Bus without X11 $DISPLAY', 'linux');
    expect(error).toBeInstanceOf(KeychainUnavailableError);
    expect(error).toMatchObject({ code: 'KEYCHAIN_UNAVAILABLE', kind: 'no-service' });
    expect(error.message).toMatch(/Install and start one \(for example gnome-keyring/);
    expect(error.message).toMatch(/ANTHROPIC_ADMIN_KEY/);
    expect(error.message).toMatch(/keychain said: Cannot autolaunch/);
  });

  it('tells a Linux user with a locked keyring to unlock it', () => {
    const error = keychainUnavailable('Cannot create an item in a locked collection', 'linux');
    expect(error.kind).toBe('locked');
    expect(error.message).toMatch(/^The keyring is locked\. Unlock it/);
  });

  it('names the macOS Keychain and the Windows Credential Manager on those platforms', () => {
    expect(keychainUnavailable('User interaction is not allowed.', 'darwin').message).toMatch(
      /macOS Keychain is locked/,
    );
    expect(keychainUnavailable('Access is denied.', 'win32').message).toMatch(
      /Windows Credential Manager refused access/,
    );
  });

  it('never suggests a plaintext file', () => {
    for (const platform of ['linux', 'darwin', 'win32']) {
      for (const raw of ['Cannot autolaunch D-Bus', 'locked collection', 'Access is denied', '???']) {
        expect(keychainUnavailable(raw, platform).message).not.toMatch(/\.env|plain ?text|config file|save it to/i);
      }
    }
  });

  it('redacts a key that a keychain library echoed in its message', () => {
    const key = fakeAdminKey();
    expect(keychainUnavailable(`failed to store ${key}`, 'linux').message).not.toContain(key);
  });

  it('explains a timeout', () => {
    const error = keychainTimeout('linux', 5000);
    expect(error).toMatchObject({ kind: 'timeout' });
    expect(error.message).toMatch(/did not answer in time.*no answer after 5000 ms/s);
  });
});
