/**
 * The app's keychain host (main/app/keychain-utility-host.ts) on the Electron double, whose utilityProcess starts real
 * processes: here a stand-in host (test/helpers/stuck-keychain-host.cjs) that answers only `get alive` and leaves every
 * other call unanswered, like keytar stuck in a keychain that stopped answering. The real host against a stopped
 * gnome-keyring is in test/main/security/stuck-keychain.test.ts.
 */
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createKeytarSecretStore } from '../../../main/adapters/secret-store-keytar';
import { utilityKeychainHost } from '../../../main/app/keychain-utility-host';
import { createElectronDouble, type ElectronDouble } from '../../helpers/electron-double';
import { fakeAdminKey } from '../../helpers/keyring';

const STUCK_HOST = join(__dirname, '..', '..', 'helpers', 'stuck-keychain-host.cjs');
let electron: ElectronDouble | null = null;

afterEach(() => {
  electron?.utilityProcess.disposeAll();
  electron = null;
  delete process.env.ANTHROPIC_ADMIN_KEY;
});

function appStore(timeoutMs: number) {
  electron = createElectronDouble();
  const launchHost = utilityKeychainHost(electron.utilityProcess, { modulePath: STUCK_HOST });
  return { electron, store: createKeytarSecretStore({ timeoutMs, platform: 'linux', launchHost }) };
}

const alive = async (store: ReturnType<typeof appStore>['store']) =>
  JSON.parse((await store.get('alive')) ?? 'null') as { pid: number; keyInEnv: boolean };

describe('the keychain host in a utilityProcess (Electron double)', () => {
  it('starts on the first call, only once the app is ready, and is reused; no key in its arguments or environment', async () => {
    process.env.ANTHROPIC_ADMIN_KEY = fakeAdminKey('E');
    const { electron, store } = appStore(5_000);
    expect(electron.utilityProcess.forks).toHaveLength(0);
    // Electron refuses a utility process before `ready`: the call fails as "keychain unavailable", nothing hangs.
    await expect(store.get('alive')).rejects.toMatchObject({ code: 'KEYCHAIN_UNAVAILABLE' });
    await electron.app.whenReady();
    const first = await alive(store);
    const second = await alive(store);
    expect(second.pid).toBe(first.pid);
    expect(first.keyInEnv).toBe(false);
    const [fork] = electron.utilityProcess.forks;
    expect(electron.utilityProcess.forks).toHaveLength(1);
    expect(fork).toMatchObject({ modulePath: STUCK_HOST, args: [], options: { serviceName: 'Clade Admin keychain' } });
    expect(JSON.stringify(fork?.options.env)).not.toContain('sk-ant-');
  });

  it('kills a host that does not answer in time with SIGKILL, and runs the next call in a new one', async () => {
    const { electron, store } = appStore(400);
    await electron.app.whenReady();
    const before = await alive(store);
    const started = Date.now();
    await expect(store.get('acme')).rejects.toMatchObject({ kind: 'timeout' });
    expect(Date.now() - started).toBeLessThan(2_000);
    const [stuck] = electron.utilityProcess.forks;
    await stuck?.exited;
    expect(stuck?.exitSignal).toBe('SIGKILL');
    const after = await alive(store);
    expect(after.pid).not.toBe(before.pid);
    expect(electron.utilityProcess.forks).toHaveLength(2);
    store.close();
    await electron.utilityProcess.forks[1]?.exited;
  });
});
