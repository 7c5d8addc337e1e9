/**
 * The app's log: every line goes through the credential redactor (no key, bearer token or webhook URL reaches a
 * log) and the output sanitiser (an error quoting an org name cannot drive the terminal), then to stderr and, once
 * the desktop has opened it (app/desktop.ts), to the rotating log file (app/log-file.ts, the electron-log adapter).
 * This module never imports electron-log, so the modules that log stay importable in tests and by the CLI.
 */
import { redactCredentials } from '../core/redact';
import { escapeControlsKeepingLines } from '../core/text/escape-controls';

export type LogLevel = 'error' | 'warn' | 'info' | 'debug';

/** Where lines go besides stderr: the log file. Lines arrive already redacted. */
export interface LogSink {
  write(level: LogLevel, line: string): void;
}

let sink: LogSink | null = null;

/** Sends every later line to `next` too (null: stderr only again). */
export function attachLogSink(next: LogSink | null): void {
  sink = next;
}

/** The line as written: message, then the error's name and message; the file also gets its stack. */
export function logLine(message: string, error?: unknown, withStack = false): string {
  const detail =
    error instanceof Error
      ? `${error.name}: ${error.message}${withStack && error.stack ? `\n${error.stack.split('\n').slice(1).join('\n')}` : ''}`
      : error === undefined
        ? ''
        : String(error);
  return escapeControlsKeepingLines(redactCredentials(`${message} ${detail}`.trim()));
}

export function logAt(level: LogLevel, message: string, error?: unknown): void {
  if (level !== 'debug') console.error(`[clade-admin] ${logLine(message, error)}`);
  try {
    sink?.write(level, logLine(message, error, true));
  } catch {
    // A full disk or a removed log folder must not take the app down; stderr still has the line.
  }
}

/** The app's everyday log call: an error when one is given, else a warning (main logs only what went wrong). */
export function log(message: string, error?: unknown): void {
  logAt(error === undefined ? 'warn' : 'error', message, error);
}
