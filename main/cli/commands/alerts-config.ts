/**
 * `clade-admin config get [KEY]` and `clade-admin config set KEY VALUE`: the alert rules of this profile (budgets,
 * thresholds, key policies, quiet hours, digest), stored in its mirror. Keys are dotted paths over the rules
 * (`budgets.orgMonthlyUsd`, `spend.thresholdsPct`, `quietHours.start`, `budgets.workspaceMonthlyUsd.<workspace id>`).
 * A bad key or value is refused with one line and exit 2; nothing is half-applied.
 */
import { existsSync } from 'node:fs';
import type { Command } from 'commander';
import type { AlertRules } from '../../core/alerts/index';
import type { CliContext } from '../context';
import { CliError, USAGE_EXIT } from '../errors';
import { note, printJson } from '../io';
import { openProfileMirror, systemTimeZone } from './alerts';

function display(value: unknown): string {
  if (value === null) return 'none';
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
  const config = program.command('config').description('alert settings of this profile: budgets, thresholds, key policies, quiet hours');

  config
    .command('get')
    .description('print one setting, or all of them')
    .argument('[key]', 'a dotted key such as budgets.orgMonthlyUsd (all settings when omitted)')
    .action(async (key: string | undefined) => {
      const ctx = context();
      const { alertRuleKeys, getAlertRule } = await import('../../core/alerts/index');
      const rules = await readRules(ctx);
      if (key === undefined) {
        if (ctx.json) return printJson(ctx.io, rules);
        const lines = alertRuleKeys(rules)
          .filter((k) => !k.endsWith('<workspace id>'))
          .map((k) => {
            const got = getAlertRule(rules, k);
            return `${k} = ${got.ok ? display(got.value) : '?'}`;
          });
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
    .description('change one setting (lists as "50,80,95"; "none" clears a budget)')
    .argument('<key>', 'a dotted key such as budgets.orgMonthlyUsd or quietHours.start')
    .argument('<value>', 'the new value')
    .action(async (key: string, value: string) => {
      const ctx = context();
      const { getAlertRule, setAlertRule } = await import('../../core/alerts/index');
      const { loadAlertRulesChecked, readWorkspaceName, saveAlertRules } = await import('../../db/alerts/index');
      const { ensureMirrorFile } = await import('../../adapters/data-dir');
          const zone = systemTimeZone();
      ensureMirrorFile(ctx.dataDir, ctx.profileId);
      const db = await openProfileMirror(ctx);
      try {
        const next = db.transaction(() => {
          const result = setAlertRule(loadAlertRulesChecked(db, zone).rules, key, value);
          if (result.ok) saveAlertRules(db, result.rules, zone);
          return result;
        }).immediate();
        if (!next.ok) throw new CliError(oneLine(next.message), USAGE_EXIT);
        warnUnknownWorkspace(ctx, (id) => readWorkspaceName(db, id), key);
        const got = getAlertRule(next.rules, key);
        const shown = got.ok ? got.value : null;
        if (ctx.json) printJson(ctx.io, { key, value: shown ?? null });
        else ctx.io.stdout.write(`${key} = ${display(shown ?? null)}\n`);
      } finally {
        db.close();
      }
    });
}

/** A workspace budget for an id the mirror does not hold is kept (it may not be synced yet), with a warning. */
function warnUnknownWorkspace(ctx: CliContext, workspaceName: (id: string) => string | null, key: string): void {
  const prefix = 'budgets.workspaceMonthlyUsd.';
  if (!key.startsWith(prefix)) return;
  const id = key.slice(prefix.length);
  if (workspaceName(id) === null && id !== 'default') note(ctx.io, `warning: the mirror holds no workspace "${id}" (yet); the budget applies once it is synced`);
}
