/**
 * Where a profile's admin key is sent: the one rule, asked by the CLI and the app alike.
 * An explicit choice for this run (the CLI's `--base-url`), else the profile's `api.baseUrl` setting (stored by
 * `key set --base-url`), else https://api.anthropic.com. Never ANTHROPIC_BASE_URL: other tools read that variable
 * (a local LLM proxy on localhost, say), and the admin key must not follow it there. Both sources pass
 * core/base-url.ts's check (the API or loopback) before they get here.
 */
import { existsSync } from 'node:fs';
import { ensureMirrorFile } from '../adapters/data-dir';
import { PRODUCTION_BASE_URL } from '../core/base-url';
import { openMirror, type MirrorDb } from '../db/open';
import { readProfileSetting } from '../db/settings/profile-settings';
import { setProfileSettingRecorded } from './settings';
import { openAuditSeal } from './audit-seal';
import { AUDIT_SEAL_FILE_SUFFIX } from '../core/audit/seal';
import type { SecretStorePort } from '../core/vault/ports';

/** The environment variable other tools use for their base URL, which the admin key ignores. */
export const IGNORED_BASE_URL_ENV = 'ANTHROPIC_BASE_URL';

/** The base URL of an open profile mirror. */
export function profileApiBaseUrl(db: MirrorDb): string {
  return readProfileSetting(db, 'api.baseUrl') ?? PRODUCTION_BASE_URL;
}

/** The base URL for a run: the explicit one, else the profile's (read without creating a mirror), else the API. */
export function resolveApiBaseUrl(explicit: string | null, mirrorFile: string): string {
  if (explicit !== null) return explicit;
  if (!existsSync(mirrorFile)) return PRODUCTION_BASE_URL;
  const db = openMirror(mirrorFile);
  try {
    return profileApiBaseUrl(db);
  } finally {
    db.close();
  }
}

/** The one line said (once a run) when ANTHROPIC_BASE_URL is set, so nobody wonders why it had no effect. */
export function ignoredEnvNotice(env: Record<string, string | undefined>, used: string): string | null {
  if (!env[IGNORED_BASE_URL_ENV]?.trim()) return null;
  return (
    `note: ${IGNORED_BASE_URL_ENV} is ignored for the admin key, which goes to ${used}. ` +
    'Use --base-url, or store one for the profile with `clade-admin key set --base-url <url>`.'
  );
}

/**
 * `key set --base-url`: the URL the key was just verified against becomes the profile's `api.baseUrl`, validated
 * by the setting's own schema and recorded in the trail like any `config set`. Returns the stored value. The mirror
 * is sealed first (as the key change it follows was): a keyed trail takes no event without its secret.
 */
export async function rememberProfileBaseUrl(
  dataDir: string,
  profileId: string,
  url: string,
  atMs: number,
  secrets: SecretStorePort,
): Promise<string> {
  const file = ensureMirrorFile(dataDir, profileId);
  const db = openMirror(file);
  try {
    await openAuditSeal(db, { profileId, secrets, preferKeychain: true, sealFile: `${file}${AUDIT_SEAL_FILE_SUFFIX}` });
    const change = setProfileSettingRecorded(db, 'api.baseUrl', url, atMs);
    if (!change.ok) throw new Error(change.message);
    return String(change.after);
  } finally {
    db.close();
  }
}
