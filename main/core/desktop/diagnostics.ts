/**
 * "Copy diagnostics": what a bug report needs about this install, and nothing about the org. Versions, the OS,
 * how many profiles, and each resource's last sync status and time; never an org or workspace name, an email, a key
 * or an API message (those can quote org data). The text is redacted once more before it leaves main.
 */
import { redactCredentials } from '../redact';

export interface DiagnosticsInput {
  app: { name: string; version: string; packaged: boolean };
  versions: { electron?: string; node?: string; chrome?: string };
  os: { platform: string; release: string; arch: string };
  /** Profiles registered on this computer (the demo one not counted). */
  profileCount: number;
  /** The open profile's data: the built-in demo or an org's (live). */
  mode: 'demo' | 'live' | 'none';
  /** The open mirror's last complete sync; null when never. */
  lastSyncAtMs: number | null;
  credential: 'valid' | 'invalid' | null;
  /** Per resource: its status word from the sync ('ok', 'unavailable', 'error'…) and when it last completed. */
  resources: ReadonlyArray<{ resource: string; status: string | null; lastSyncedAtMs: number | null }>;
  /** The log file, with the home folder written as ~. */
  logFile: string | null;
  nowMs: number;
}

/** Status words the sync writes; anything else is shown as "other" (a status must never smuggle a message). */
const STATUS_WORDS = new Set(['ok', 'unavailable', 'error', 'skipped', 'partial', 'failed', 'credential_invalid']);

const iso = (ms: number | null): string => (ms === null ? 'never' : new Date(ms).toISOString());

export function formatDiagnostics(input: DiagnosticsInput): string {
  const lines = [
    `${input.app.name} ${input.app.version}${input.app.packaged ? '' : ' (development build)'}`,
    `Electron ${input.versions.electron ?? 'n/a'}, Chrome ${input.versions.chrome ?? 'n/a'}, Node ${input.versions.node ?? 'n/a'}`,
    `OS: ${input.os.platform} ${input.os.release} (${input.os.arch})`,
    `Profiles: ${input.profileCount}`,
    `Open data: ${input.mode}`,
    `Last sync: ${iso(input.lastSyncAtMs)}`,
    `Admin key: ${input.credential === null ? 'not checked yet' : input.credential}`,
    `Log file: ${input.logFile ?? 'none'}`,
    `Report made: ${iso(input.nowMs)}`,
    '',
    'Sync status by resource:',
    ...(input.resources.length === 0
      ? ['  (nothing synced yet)']
      : input.resources.map(
          (r) =>
            `  ${/^[a-z_]+$/.test(r.resource) ? r.resource : 'other'}: ${statusWord(r.status)}, last complete ${iso(r.lastSyncedAtMs)}`,
        )),
  ];
  return redactCredentials(`${lines.join('\n')}\n`);
}

function statusWord(status: string | null): string {
  if (status === null) return 'not synced';
  return STATUS_WORDS.has(status) ? status : 'other';
}

/** `/home/ann/.config/…` → `~/.config/…`: the report names the folder without the account name. */
export function homeRelative(path: string, homeDir: string): string {
  return homeDir && path.startsWith(homeDir) ? `~${path.slice(homeDir.length)}` : path;
}
