import { createHash } from 'node:crypto';

/** The audit chain's hash: SHA-256 of the UTF-8 text, lowercase hex (64 chars, like AUDIT_GENESIS_HASH). */
export function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}
