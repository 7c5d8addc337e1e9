/**
 * The keychain host in the app: an Electron utilityProcess running out/main/keychain-host.js. The packaged app has
 * the runAsNode fuse off, so child_process.fork of its binary is not available; a utility process is Electron's way
 * to run Node code in a process of its own, which we can kill when the keychain stops answering (SIGKILL by pid:
 * utilityProcess.kill() sends SIGTERM and waits before it escalates).
 */
import { findKeychainHost } from '../adapters/keychain-host/find-host';
import { hostEnv } from '../adapters/keychain-host/host-env';
import type { KeychainHostProcess, LaunchKeychainHost } from '../adapters/keychain-host/host-process';
import type { UtilityProcessPort } from './electron-ports';

export interface UtilityKeychainHostOptions {
  /** The host's module; by default the built entry beside the main bundle. */
  modulePath?: string | null;
  /** Ends a process at once; process.kill(pid, 'SIGKILL') unless a test says otherwise. */
  killPid?: (pid: number) => void;
}

export function utilityKeychainHost(
  utilityProcess: UtilityProcessPort,
  options: UtilityKeychainHostOptions = {},
): LaunchKeychainHost {
  const modulePath = options.modulePath === undefined ? (findKeychainHost()?.file ?? null) : options.modulePath;
  const killPid = options.killPid ?? ((pid: number) => process.kill(pid, 'SIGKILL'));
  return () => {
    if (!modulePath) throw new Error('the keychain helper was not built (out/main/keychain-host.js is missing)');
    const child = utilityProcess.fork(modulePath, [], {
      serviceName: 'Clade Admin keychain',
      stdio: 'ignore',
      env: hostEnv(process.env),
    });
    const host: KeychainHostProcess = {
      send: (request) => child.postMessage(request),
      onMessage: (listener) => void child.on('message', listener),
      onExit: (listener) => void child.on('exit', (code) => listener(`exit code ${code}`)),
      kill: () => {
        const pid = child.pid;
        try {
          if (pid === undefined) child.kill();
          else killPid(pid);
        } catch {
          child.kill(); // already gone, or not ours to signal: let Electron end it
        }
      },
      hold: () => undefined, // the app stays up anyway
    };
    return host;
  };
}
