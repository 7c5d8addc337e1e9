/**
 * The keychain host as a Node child process (child_process.fork), for the CLI and plain-Node runs. The child is
 * unreferenced while idle and killed when this process exits, so neither keeps the other alive: a CLI whose keychain
 * timed out exits as soon as it has said so.
 */
import { fork } from 'node:child_process';
import { findKeychainHost, type KeychainHostEntry } from './find-host';
import { hostEnv } from './host-env';
import type { KeychainHostProcess, LaunchKeychainHost } from './host-process';

export function nodeKeychainHost(entry: KeychainHostEntry | null = findKeychainHost()): LaunchKeychainHost {
  return () => {
    if (!entry) throw new Error('the keychain helper was not built (out/main/keychain-host.js is missing)');
    const child = fork(entry.file, [], {
      execArgv: entry.execArgv,
      env: hostEnv(process.env),
      // The host prints nothing; ignoring its output also keeps a stray warning out of the CLI's stderr.
      stdio: ['ignore', 'ignore', 'ignore', 'ipc'],
      serialization: 'json',
    });
    const killNow = (): void => void child.kill('SIGKILL');
    process.once('exit', killNow);
    child.unref();
    child.channel?.unref();
    const exitListeners: Array<(why: string) => void> = [];
    let gone = false;
    const exited = (why: string): void => {
      if (gone) return;
      gone = true;
      process.removeListener('exit', killNow);
      for (const listener of exitListeners) listener(why);
    };
    child.on('exit', (code, signal) => exited(signal ? `signal ${signal}` : `exit code ${code}`));
    child.on('error', (error) => exited(error.message));
    const host: KeychainHostProcess = {
      send: (request) => void child.send(request, (error) => error && exited(error.message)),
      onMessage: (listener) => void child.on('message', listener),
      onExit: (listener) => void exitListeners.push(listener),
      kill: killNow,
      hold: (busy) => {
        if (busy) child.channel?.ref();
        else child.channel?.unref();
      },
    };
    return host;
  };
}
