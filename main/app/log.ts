import { redactSecrets } from '../core/redact';

/** The app's log line: stderr, always through the redaction layer (no key ever reaches a log). */
export function log(message: string, error?: unknown): void {
  const detail = error instanceof Error ? `${error.name}: ${error.message}` : error === undefined ? '' : String(error);
  console.error(redactSecrets(`[clade-admin] ${message} ${detail}`.trim()));
}
