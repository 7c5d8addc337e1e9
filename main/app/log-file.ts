/**
 * The log file, through electron-log: its file transport rotates (at maxBytes the file becomes `<name>.old.log`)
 * and writes synchronously, so the last line before a crash is on disk. This is the only module that imports
 * electron-log, and only index.ts reaches it (re-exported by app/electron-runtime.ts).
 *
 * It uses `electron-log/node`, not `electron-log/main`: the main entry imports Electron and, at load, registers
 * an ipcMain listener the renderer could post to, outside our gateway's sender check. We never call
 * `initialize()` either (it injects a preload script). Lines arrive redacted (app/log.ts); a hook redacts once more,
 * so a line electron-log builds itself (an object it formats) cannot carry a key.
 */
import electronLog from 'electron-log/node';
import { join } from 'node:path';
import { redactCredentials } from '../core/redact';
import type { LogLevel, LogSink } from './log';

export const LOG_FILE_NAME = 'clade-admin.log';
/** Rotates at 2 MiB: small enough to attach to a bug report, long enough for a few days of syncs. */
export const LOG_MAX_BYTES = 2 * 1024 * 1024;

export interface LogFileOptions {
  /** The OS log folder (Electron's app.getPath('logs')). */
  dir: string;
  /** The lowest level written (default info; CLADE_LOG_LEVEL=debug for more). */
  level?: LogLevel;
  maxBytes?: number;
}

export interface LogFile extends LogSink {
  readonly path: string;
}

let opened = 0;

export function openLogFile(options: LogFileOptions): LogFile {
  const path = join(options.dir, LOG_FILE_NAME);
  // Our own logger instance, so nothing else using electron-log's default one shares its settings.
  const logger = electronLog.create({ logId: `clade-admin-${++opened}` });
  // Only the file: stderr already has each line (app/log.ts); nothing goes over IPC or the network.
  for (const name of ['console', 'ipc', 'remote'] as const) {
    const transport = logger.transports[name] as { level: unknown } | null | undefined;
    if (transport) transport.level = false;
  }
  const file = logger.transports.file;
  file.level = options.level ?? 'info';
  file.maxSize = options.maxBytes ?? LOG_MAX_BYTES;
  file.resolvePathFn = () => path;
  file.writeOptions = { flag: 'a', mode: 0o600, encoding: 'utf8' };
  file.format = '[{y}-{m}-{d} {h}:{i}:{s}.{ms}] [{level}] {text}';
  logger.hooks.push((message) => ({
    ...message,
    data: message.data.map((part) => redactCredentials(typeof part === 'string' ? part : String(part))),
  }));
  return {
    path,
    write: (level, line) => logger[level](line),
  };
}
