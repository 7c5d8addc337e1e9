/**
 * A typed double of Electron's utilityProcess (main/app/electron-ports.ts) that starts REAL processes: fork() runs
 * the module in a Node child whose `process.parentPort` behaves like a utility process's (utility-parent-port.cjs),
 * so the real keychain host can be driven, stuck and killed by pid as in the app. A .ts module runs through tsx.
 * Like Electron, fork() refuses to run before the app is ready.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { ForkOptions } from 'electron';
import type { UtilityChildPort, UtilityProcessPort } from '../../main/app/electron-ports';

type Listener = (...args: unknown[]) => unknown;
const PARENT_PORT_SHIM = join(__dirname, 'utility-parent-port.cjs');

export class UtilityChildDouble {
  private readonly listeners = new Map<string, Listener[]>();
  private readonly child: ChildProcess;
  /** Like Electron's: undefined until the process has spawned, and again after it exited. */
  pid: number | undefined = undefined;
  /** The pid it had, for tests that check the process is gone. */
  spawnedPid: number | undefined = undefined;
  exitCode: number | null = null;
  /** The signal that ended it, if one did (the keychain host is killed with SIGKILL). */
  exitSignal: NodeJS.Signals | null = null;
  readonly exited: Promise<number>;

  constructor(
    readonly modulePath: string,
    readonly args: string[],
    readonly options: ForkOptions,
  ) {
    const tsx = modulePath.endsWith('.ts') ? ['--require', createRequire(__filename).resolve('tsx/cjs')] : [];
    const output = (typeof options.stdio === 'string' ? options.stdio : 'inherit') as 'pipe' | 'ignore' | 'inherit';
    this.child = fork(modulePath, args, {
      execArgv: ['--require', PARENT_PORT_SHIM, ...tsx],
      env: (options.env as NodeJS.ProcessEnv | undefined) ?? process.env,
      ...(options.cwd ? { cwd: options.cwd } : {}),
      stdio: ['ignore', output, output, 'ipc'],
      serialization: 'advanced', // structured clone, as Electron's postMessage
    });
    this.child.on('spawn', () => {
      this.pid = this.spawnedPid = this.child.pid;
      this.emit('spawn');
    });
    this.child.on('message', (message) => this.emit('message', message));
    this.exited = new Promise((resolve) => {
      this.child.on('exit', (code, signal) => {
        this.pid = undefined;
        this.exitSignal = signal;
        this.exitCode = code ?? (signal ? 128 : 0);
        this.emit('exit', this.exitCode);
        resolve(this.exitCode);
      });
    });
  }

  on = ((event: string, listener: Listener) => {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener]);
    return this;
  }) as unknown as UtilityChildPort['on'];

  postMessage(message: unknown): void {
    if (this.child.connected) this.child.send(message as object, undefined, {}, () => undefined);
  }

  /** Electron's kill(): SIGTERM. */
  kill(): boolean {
    return this.child.kill('SIGTERM');
  }

  /** Test clean-up: ends the process whatever state it is in. */
  dispose(): void {
    if (this.child.exitCode === null && this.child.signalCode === null) this.child.kill('SIGKILL');
  }

  private emit(event: string, ...args: unknown[]): void {
    for (const listener of [...(this.listeners.get(event) ?? [])]) listener(...args);
  }
}

export class UtilityProcessDouble implements UtilityProcessPort {
  readonly forks: UtilityChildDouble[] = [];
  constructor(private readonly isReady: () => boolean) {}
  fork(modulePath: string, args: string[] = [], options: ForkOptions = {}): UtilityChildPort {
    if (!this.isReady()) throw new Error('utilityProcess cannot be created before app is ready.');
    const child = new UtilityChildDouble(modulePath, args, options);
    this.forks.push(child);
    return child as unknown as UtilityChildPort;
  }
  /** Ends every process it started (test clean-up). */
  disposeAll(): void {
    for (const child of this.forks) child.dispose();
  }
}
