/**
 * The scrape token: read from a file (never an argument, which `ps` and shell history would show), and checked in
 * constant time. Both sides are hashed to SHA-256 first, so crypto.timingSafeEqual compares two equal-length digests
 * and neither the token's length nor its first wrong character shows in the answer's timing.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';

export class TokenFileError extends Error {}

export interface TokenFile {
  token: string;
  /** A warning to show when the file can be read by other users. */
  warning: string | null;
}

export function readTokenFile(file: string): TokenFile {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new TokenFileError(`cannot read the token file ${file}${code ? ` (${code})` : ''}`);
  }
  const token = text.replace(/\r?\n$/, '');
  if (token.trim().length === 0) throw new TokenFileError(`the token file ${file} is empty`);
  if (/[\r\n]/.test(token)) throw new TokenFileError(`the token file ${file} must hold one line`);
  if (token.length < 16) throw new TokenFileError(`the token in ${file} is too short: use at least 16 characters`);
  const mode = statSync(file).mode & 0o077;
  return {
    token,
    warning: mode === 0 ? null : `the token file ${file} can be read by other users; chmod 600 it`,
  };
}

const digest = (text: string) => createHash('sha256').update(text, 'utf8').digest();

/** Whether an Authorization header carries exactly `Bearer <token>`. */
export function bearerMatches(header: string | undefined, token: string): boolean {
  const given = /^Bearer (.+)$/i.exec(header ?? '')?.[1] ?? '';
  // Always compare, also when no token was sent, so a missing header takes the same path as a wrong one.
  return timingSafeEqual(digest(given), digest(token)) && given.length > 0;
}
