/**
 * `clade-admin keys [--workspace W] [--verdict V]`: every API key with its workspace, age, expiry, last day with
 * usage, creator and hygiene verdicts. Every fact comes from the key inventory (db/queries/key-inventory.ts) and
 * its one judgement (core/alerts/key-judgement.ts), with the profile's rules; nothing is judged here.
 */
import type { Command } from 'commander';
import type { JudgedKeyRow } from '../../db/queries/key-inventory';
import type { KeyVerdict } from '../../core/alerts/index';
import type { CliContext } from '../context';
import { printJson } from '../io';
import { parseChoice } from '../parse-args';
import { alignedTable, utcDay } from '../aligned-table';
import { withMirror } from '../read-mirror';
import { resolveWorkspace } from '../resolve-workspace';
import { creatorText } from './access';

const VERDICTS = [
  'inactive',
  'expired',
  'expiring',
  'orphaned',
  'dormant',
  'rotate-soon',
  'default-workspace',
  'ok',
] as const satisfies readonly KeyVerdict[];

interface KeysOptions {
  workspace?: string;
  verdict?: KeyVerdict;
}

export function registerKeysCommand(program: Command, context: () => CliContext): void {
  program
    .command('keys')
    .description(
      "the org's API keys (not the admin key: see `key`) with age, expiry, last use, creator and hygiene verdicts",
    )
    .option('--workspace <workspace>', 'only the keys of this workspace (name or id)')
    .option('--verdict <verdict>', `only keys with this verdict: ${VERDICTS.join(', ')}`, parseChoice(VERDICTS))
    .action(async (options: KeysOptions) => {
      const ctx = context();
      const nowMs = Date.now();
      const { readJudgedKeyInventory } = await import('../../db/queries/key-inventory');
      const { readProfileAlertRules } = await import('../../db/queries/profile-rules');
      const { readOrgTree } = await import('../../db/repos/org-tree-repo');
      const { rules, keys, workspaces } = await withMirror(ctx, (db) => {
        const rules = readProfileAlertRules(db);
        return { rules, keys: readJudgedKeyInventory(db, nowMs, rules), workspaces: readOrgTree(db)?.workspaces ?? [] };
      });
      let shown = keys;
      if (options.workspace !== undefined) {
        const workspace = resolveWorkspace(options.workspace, workspaces);
        shown = shown.filter((key) =>
          workspace.isDefault ? key.inDefaultWorkspace : key.workspaceId === workspace.id,
        );
      }
      if (options.verdict !== undefined) shown = shown.filter((key) => key.verdicts.includes(options.verdict!));
      if (ctx.json) {
        printJson(ctx.io, {
          profile: ctx.profileId,
          evaluatedAtMs: nowMs,
          rules: rules.keys,
          keys: shown.map(keyJson),
        });
        return;
      }
      ctx.io.stdout.write(formatKeys(shown, rules.keys.rotationDays));
    });
}

function keyJson(key: JudgedKeyRow) {
  return {
    id: key.id,
    name: key.name,
    workspaceId: key.workspaceId,
    workspaceName: key.workspaceName,
    status: key.status,
    partialKeyHint: key.partialKeyHint,
    createdAtMs: key.createdAtMs,
    ageDays: key.ageDays,
    expiresAtMs: key.expiresAtMs,
    daysToExpiry: key.daysToExpiry,
    lastUsedDay: key.lastUsedDayMs === null ? null : utcDay(key.lastUsedDayMs),
    creatorName: key.creatorName,
    creatorIsMember: key.creatorIsMember,
    verdict: key.verdict,
    verdicts: key.verdicts,
    reason: key.reason,
  };
}

function formatKeys(keys: JudgedKeyRow[], rotationDays: number): string {
  if (keys.length === 0) return 'No keys match.\n';
  const table = alignedTable({
    headers: [
      'KEY',
      'WORKSPACE',
      'STATUS',
      'CREATED',
      'AGE',
      'EXPIRES',
      'DAYS LEFT',
      'LAST USED',
      'CREATOR',
      'VERDICTS',
    ],
    rows: keys.map((k) => [
      k.name,
      k.workspaceName,
      k.status,
      utcDay(k.createdAtMs),
      `${k.ageDays} d`,
      utcDay(k.expiresAtMs),
      k.daysToExpiry === null ? '—' : String(k.daysToExpiry),
      utcDay(k.lastUsedDayMs),
      creatorText(k.creatorName),
      k.verdicts.join(', '),
    ]),
    right: [4, 6],
  });
  const counts = new Map<string, number>();
  for (const key of keys) for (const verdict of key.verdicts) counts.set(verdict, (counts.get(verdict) ?? 0) + 1);
  const byVerdict = VERDICTS.filter((v) => counts.has(v)).map((v) => `${v} ${counts.get(v)}`);
  const active = keys.filter((k) => k.status === 'active').length;
  return (
    `${table}\n${keys.length} keys (${active} active) · ${byVerdict.join(' · ')}\n` +
    `rotation policy: ${rotationDays} days (clade-admin config set keys.rotationDays N)\n`
  );
}
