import { checkBaseUrl } from '../core/base-url';
import { defaultDataDir, mirrorFile } from '../adapters/data-dir';
import { CliError, USAGE_EXIT } from './errors';
import { fileInTheWay, notAFolder } from '../db/storage-errors';
import type { CliIO } from './io';

export const DEMO_PROFILE = 'demo';

/** The global options every command shares, as commander parses them. */
export interface GlobalOptions {
  dataDir?: string;
  profile?: string;
  baseUrl?: string;
  json?: boolean;
}

/** The resolved context a command runs in. */
export interface CliContext {
  io: CliIO;
  dataDir: string;
  profileId: string;
  /** Whether the profile was named (`--profile`, CLADE_PROFILE) rather than the implicit `default`. */
  profileNamed: boolean;
  mirrorFile: string;
  /**
   * `--base-url`, checked; null when not given. Where the key goes is asked of api-base-url.ts (`apiBaseUrl(ctx)`),
   * which falls back to the profile's stored `api.baseUrl`, then the API.
   */
  baseUrlFlag: string | null;
  json: boolean;
  /** The admin key from ANTHROPIC_ADMIN_KEY (headless use; never stored). */
  envAdminKey: string | null;
}

const PROFILE_ID = /^[a-z0-9][a-z0-9-]{0,39}$/;

export function resolveContext(options: GlobalOptions, io: CliIO): CliContext {
  const dataDir = options.dataDir ?? defaultDataDir(io.env);
  // A data folder that is a file would otherwise read as "no mirror yet", and every write would fail with ENOTDIR.
  const blocking = fileInTheWay(dataDir);
  if (blocking) throw notAFolder(blocking, dataDir);
  const profileId = options.profile ?? io.env.CLADE_PROFILE ?? 'default';
  if (!PROFILE_ID.test(profileId)) {
    throw new CliError(
      `invalid profile id "${profileId}": use 1–40 lowercase letters, digits or dashes, starting with a letter or digit`,
      USAGE_EXIT,
    );
  }
  return {
    io,
    dataDir,
    profileId,
    profileNamed: options.profile !== undefined || io.env.CLADE_PROFILE !== undefined,
    mirrorFile: mirrorFile(dataDir, profileId),
    baseUrlFlag: checkedFlag(options.baseUrl),
    json: options.json ?? false,
    envAdminKey: io.env.ANTHROPIC_ADMIN_KEY?.trim() || null,
  };
}

/** An explicit --base-url that breaks the rule (the API or loopback, core/base-url.ts) is an error, before anything runs. */
function checkedFlag(flag: string | undefined): string | null {
  if (flag === undefined) return null;
  const checked = checkBaseUrl(flag);
  if (!checked.ok) throw new CliError(`--base-url refused: ${checked.reason}`, USAGE_EXIT);
  return checked.url;
}
