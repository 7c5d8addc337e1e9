// Admin-key authentication (admin-api.md §1.1–1.2): `x-api-key` or `authorization: Bearer`, any anthropic-version.
import type { IncomingHttpHeaders } from 'node:http';
import { randomBytes } from 'node:crypto';
import { ApiError, badRequest, unauthorized } from './errors';
import type { AuthState } from './state';

/** A fresh key in the real shape; random per start, never written anywhere by the sandbox. */
export function generateAdminKey(): string {
  const body = randomBytes(72).toString('base64url').replace(/[-_]/g, 'x').slice(0, 93);
  return `sk-ant-admin01-${body}AA`;
}

export function presentedKey(headers: IncomingHttpHeaders): string | undefined {
  const xApiKey = headers['x-api-key'];
  if (typeof xApiKey === 'string' && xApiKey.length > 0) return xApiKey;
  const authorization = headers.authorization;
  if (typeof authorization === 'string') {
    const m = /^Bearer\s+(.+)$/i.exec(authorization);
    if (m) return m[1]!.trim();
  }
  return undefined;
}

export function authenticate(auth: AuthState, headers: IncomingHttpHeaders): string {
  const key = presentedKey(headers);
  if (key === undefined) throw unauthorized('x-api-key header is required');
  if (auth.revokedKeys.has(key)) throw unauthorized('invalid x-api-key: this Admin API key has been revoked');
  if (auth.adminKeys.has(key)) {
    if (typeof headers['anthropic-version'] !== 'string') throw badRequest('anthropic-version: header is required');
    return key;
  }
  if (/^sk-ant-api\d\d-/.test(key)) {
    throw unauthorized(
      'invalid x-api-key: this endpoint requires an Admin API key (sk-ant-admin...); standard API keys cannot call the Admin API',
    );
  }
  throw new ApiError(401, 'authentication_error', 'invalid x-api-key');
}
