/**
 * The team webhook's URL from a file, for machines with no keychain (a container, a cron box): `--webhook-file`.
 * Like ssh with a private key, a file that others could read is refused (mode must be 0600 or 0400; the owner must
 * be the user running us), because the URL is a credential to the channel. Errors never quote the file's content.
 */
import { readFileSync, statSync } from 'node:fs';
import { checkWebhookUrl } from '../core/webhooks/webhook-url';

export class WebhookFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'WebhookFileError';
  }
}

const MAX_FILE_BYTES = 8 * 1024;

/** The URL in the file's first non-empty line, checked (https, or loopback http). */
export function readWebhookFile(path: string, platform: NodeJS.Platform = process.platform): string {
  let stat;
  try {
    stat = statSync(path);
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    throw new WebhookFileError(
      `cannot read the webhook file ${path}: ${code === 'ENOENT' ? 'no such file' : String(code ?? error)}`,
    );
  }
  if (!stat.isFile()) throw new WebhookFileError(`the webhook file ${path} is not a regular file`);
  if (platform !== 'win32') {
    if ((stat.mode & 0o077) !== 0) {
      const mode = (stat.mode & 0o777).toString(8).padStart(4, '0');
      throw new WebhookFileError(
        `the webhook file ${path} is readable by group or others (mode ${mode}); the URL is a secret: run \`chmod 600 ${path}\``,
      );
    }
    const uid = process.getuid?.();
    if (uid !== undefined && stat.uid !== uid && stat.uid !== 0)
      throw new WebhookFileError(`the webhook file ${path} belongs to another user (uid ${stat.uid})`);
  }
  if (stat.size > MAX_FILE_BYTES) throw new WebhookFileError(`the webhook file ${path} is too large to hold one URL`);
  const line = readFileSync(path, 'utf8')
    .split(/\r?\n/)
    .map((l) => l.trim())
    .find((l) => l !== '' && !l.startsWith('#'));
  if (line === undefined) throw new WebhookFileError(`the webhook file ${path} holds no URL`);
  const checked = checkWebhookUrl(line);
  if (!checked.ok) throw new WebhookFileError(`the webhook file ${path}: ${checked.reason}`);
  return checked.url;
}
