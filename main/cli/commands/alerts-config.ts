/**
 * `clade-admin config get [KEY]` and `clade-admin config set KEY VALUE`: the settings of this profile, stored in its
 * mirror. Two kinds share the dotted key space: the alert rules (budgets, thresholds, key policies, quiet hours,
 * digest: `budgets.orgMonthlyUsd`, `spend.thresholdsPct`, `quietHours.start`,
 * `budgets.workspaceMonthlyUsd.<workspace id>`) and the profile settings of db/settings/profile-settings.ts
 * (`sync.intervalMinutes`, `sync.historyDays`, `audit.retentionDays` — a number of days or `forever` —,
 * `api.baseUrl` — where the admin key goes, `none` for the API — and the read-only `compliance.probe`). A bad key or value is refused with one line and exit 2; nothing is half-applied.
 * Every change is recorded in the profile's audit trail (source `local`, type `settings.changed`).
 */
import { existsSync } from 'node:fs';
import type { Command } from 'commander';
import type { AlertRules } from '../../core/alerts/index';
import { PRODUCTION_BASE_URL } from '../../core/base-url';
import type { ProfileSettingName } from '../../db/settings/profile-settings';
import type { CliContext } from '../context';
import { CliError, USAGE_EXIT } from '../errors';
import { note, printJson } from '../io';
import { openProfileMirror, systemTimeZone } from './alerts';
import { registerPriceCommands } from './config-prices';

/** Profile settings the admin does not set: what the app learnt (shown by `config get`, refused by `config set`). */
const READ_ONLY_SETTINGS: ReadonlySet<string> = new Set(['compliance.probe', 'audit.ownAdminKeyIds', 'demo.org']);
/** How null reads for a setting where it means something other than "none". */
const NULL_READS_AS: Readonly<Record<string, string>> = {
  'audit.retentionDays': 'forever',
  // No base URL stored: the key goes to the API (services/api-base-url.ts).
  'api.baseUrl': PRODUCTION_BASE_URL,
};

function display(value: unknown, key?: string): string {
  if (value === null) return (key && NULL_READS_AS[key]) ?? 'none';
  if (typeof value === 'string') return value;
  return JSON.stringify(value);
}

function oneLine(message: string): string {
  return message.split('\n').join('; ');
}

async function readRules(ctx: CliContext): Promise<AlertRules> {
  const { defaultAlertRules } = await import('../../core/alerts/index');
  // No mirror yet: the defaults, without creating a file just to read them.
  if (!existsSync(ctx.mirrorFile)) return defaultAlertRules(systemTimeZone());
  const { loadAlertRulesChecked } = await import('../../db/alerts/index');
  const db = await openProfileMirror(ctx);
  try {
    const loaded = loadAlertRulesChecked(db, systemTimeZone());
    if (loaded.problem) note(ctx.io, `warning: ${loaded.problem}`);
    return loaded.rules;
  } finally {
    db.close();
  }
}

export function registerConfigCommands(program: Command, context: () => CliContext): void {
  const config = program
    .command('config')
    .description(
      'settings of this profile: alert budgets, thresholds, key policies, quiet hours; sync interval and history; audit retention; model prices',
    );
  registerPriceCommands(config, context);

  config
    .command('get')
    .description('print one setting, or all of them')
    .argument('[key]', 'a dotted key such as budgets.orgMonthlyUsd or audit.retentionDays (all settings when omitted)')
    .action(async (key: string | undefined) => {
      const ctx = context();
      const { alertRuleKeys, getAlertRule } = await import('../../core/alerts/index');
      const { isProfileSettingName } = await import('../../db/settings/profile-settings');
      if (key !== undefined && isProfileSettingName(key)) {
        const value = (await readProfileSettings(ctx)).find((s) => s.name === key)?.value ?? null;
        if (ctx.json) printJson(ctx.io, { key, value });
        else ctx.io.stdout.write(`${display(value, key)}\n`);
        return;
      }
      const rules = await readRules(ctx);
      if (key === undefined) {
        const settings = await readProfileSettings(ctx);
        if (ctx.json) return printJson(ctx.io, withProfileSettings(rules, settings));
        const lines = alertRuleKeys(rules)
          .filter((k) => !k.endsWith('<workspace id>'))
          .map((k) => {
            const got = getAlertRule(rules, k);
            return `${k} = ${got.ok ? display(got.value) : '?'}`;
          });
        for (const { name, value } of settings)
          lines.push(`${name} = ${display(value, name)}${READ_ONLY_SETTINGS.has(name) ? ' (read-only)' : ''}`);
        ctx.io.stdout.write(`${lines.join('\n')}\n`);
        return;
      }
      const got = getAlertRule(rules, key);
      if (!got.ok) throw new CliError(oneLine(got.message), USAGE_EXIT);
      if (ctx.json) printJson(ctx.io, { key, value: got.value });
      else ctx.io.stdout.write(`${display(got.value)}\n`);
    });

  config
    .command('set')
    .description(
      'change one setting (lists as "50,80,95"; "none" clears a budget; audit.retentionDays takes days or "forever")',
    )
    .argument('<key>', 'a dotted key such as budgets.orgMonthlyUsd, quietHours.start or audit.retentionDays')
    .argument('<value>', 'the new value')
    .action(async (key: string, value: string) => {
      const ctx = context();
      const { isProfileSettingName } = await import('../../db/settings/profile-settings');
      if (isProfileSettingName(key)) return setProfileSetting(ctx, key, value);
      const { readWorkspaceName } = await import('../../db/alerts/index');
      const { ensureMirrorFile } = await import('../../adapters/data-dir');
      const { setAlertRuleRecorded } = await import('../../services/settings');
      ensureMirrorFile(ctx.dataDir, ctx.profileId);
      const db = await openProfileMirror(ctx);
      try {
        const next = setAlertRuleRecorded(db, key, value, systemTimeZone(), Date.now());
        if (!next.ok) throw new CliError(oneLine(next.message), USAGE_EXIT);
        warnUnknownWorkspace(ctx, (id) => readWorkspaceName(db, id), key);
        const shown = next.after;
        if (ctx.json) printJson(ctx.io, { key, value: shown ?? null });
        else ctx.io.stdout.write(`${key} = ${display(shown ?? null)}\n`);
      } finally {
        db.close();
      }
    });
}

/** The profile settings with their values; the defaults, without creating a mirror, when there is none yet. */
async function readProfileSettings(ctx: CliContext): Promise<Array<{ name: ProfileSettingName; value: unknown }>> {
  const { SETTINGS, readAllProfileSettings } = await import('../../db/settings/profile-settings');
  if (!existsSync(ctx.mirrorFile)) {
    return (Object.keys(SETTINGS) as ProfileSettingName[]).map((name) => ({ name, value: SETTINGS[name].fallback }));
  }
  const db = await openProfileMirror(ctx);
  try {
    return readAllProfileSettings(db);
  } finally {
    db.close();
  }
}

/** The JSON of `config get`: the alert rules with the profile settings placed at their dotted paths. */
function withProfileSettings(
  rules: AlertRules,
  settings: Array<{ name: string; value: unknown }>,
): Record<string, unknown> {
  const out = structuredClone(rules) as unknown as Record<string, unknown>;
  for (const { name, value } of settings) {
    const path = name.split('.');
    let node = out;
    for (const part of path.slice(0, -1)) {
      const child = node[part];
      node = (node[part] = typeof child === 'object' && child !== null && !Array.isArray(child) ? child : {}) as Record<
        string,
        unknown
      >;
    }
    node[path[path.length - 1]!] = value;
  }
  return out;
}

/** `"forever"`/`"none"` → null, whole numbers → numbers, true/false, else JSON or the text itself. */
export function parseSettingValue(raw: string): unknown {
  const text = raw.trim();
  if (/^(forever|none|null)$/i.test(text)) return null;
  if (/^-?\d+$/.test(text)) return Number(text);
  if (text === 'true' || text === 'false') return text === 'true';
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

async function setProfileSetting(ctx: CliContext, key: ProfileSettingName, raw: string): Promise<void> {
  if (READ_ONLY_SETTINGS.has(key))
    throw new CliError(`${key} is read-only: the app records it (see \`clade-admin status\`)`, USAGE_EXIT);
  const { ensureMirrorFile } = await import('../../adapters/data-dir');
  const { setProfileSettingRecorded } = await import('../../services/settings');
  ensureMirrorFile(ctx.dataDir, ctx.profileId);
  const db = await openProfileMirror(ctx);
  try {
    const change = setProfileSettingRecorded(db, key, parseSettingValue(raw), Date.now());
    if (!change.ok) throw new CliError(oneLine(change.message), USAGE_EXIT);
    const after = change.after;
    if (ctx.json) printJson(ctx.io, { key, value: after });
    else ctx.io.stdout.write(`${key} = ${display(after, key)}\n`);
  } finally {
    db.close();
  }
}

/** A workspace budget for an id the mirror does not hold is kept (it may not be synced yet), with a warning. */
function warnUnknownWorkspace(ctx: CliContext, workspaceName: (id: string) => string | null, key: string): void {
  const prefix = 'budgets.workspaceMonthlyUsd.';
  if (!key.startsWith(prefix)) return;
  const id = key.slice(prefix.length);
  if (workspaceName(id) === null && id !== 'default')
    note(ctx.io, `warning: the mirror holds no workspace "${id}" (yet); the budget applies once it is synced`);
}
