import { redactSecrets } from '../core/redact';
import { escapeControlsKeepingLines } from '../core/text/escape-controls';

/**
 * The app's log line: stderr, always through the redaction layer (no key ever reaches a log) and the output
 * sanitiser (an error message quoting an org name cannot drive the terminal the app was started from).
 */
export function log(message: string, error?: unknown): void {
  const detail = error instanceof Error ? `${error.name}: ${error.message}` : error === undefined ? '' : String(error);
  console.error(escapeControlsKeepingLines(redactSecrets(`[clade-admin] ${message} ${detail}`.trim())));
}
