/**
 * `clade-admin workspaces` (every workspace with its members, who else can reach it, and its keys) and
 * `clade-admin workspace show W` (one workspace: who can reach it, its keys, its rate-limit overrides and spend
 * limit). Answers from the access read model (db/queries/workspace-access.ts) and the limits read model
 * (db/queries/limits.ts); `workspace member …` (admin-commands.ts) shares the `workspace` group.
 */
import type { Command } from 'commander';
import type { WorkspaceAccess } from '../../../preload/contract-access';
import type { LimitsAnswer } from '../../db/queries/limits';
import type { CliContext } from '../context';
import { printJson } from '../io';
import { alignedTable, shortId } from '../aligned-table';
import { commandGroup } from '../command-group';
import { withMirror } from '../read-mirror';
import { resolveWorkspace } from '../resolve-workspace';
import { formatAccess } from './access';
import { rateLimitTable, spendLimitTable } from './limits';

export const WORKSPACE_GROUP = 'one workspace: show it, or add, re-role and remove its members';

export function registerWorkspaceCommands(program: Command, context: () => CliContext): void {
  program
    .command('workspaces')
    .description('every workspace with its members, who else reaches it through an org role, and its keys')
    .action(async () => {
      const ctx = context();
      const { readWorkspacesAccess } = await import('../../db/queries/workspace-access');
      const access = await withMirror(ctx, (db) => readWorkspacesAccess(db, Date.now()));
      if (ctx.json) printJson(ctx.io, { profile: ctx.profileId, workspaces: access.map(summary) });
      else ctx.io.stdout.write(formatWorkspaces(access));
    });

  commandGroup(program, 'workspace', WORKSPACE_GROUP)
    .command('show <workspace>')
    .description('one workspace (name or id): who can reach it, its keys, its rate-limit overrides and spend limit')
    .action(async (given: string) => {
      const ctx = context();
      const { readWorkspacesAccess } = await import('../../db/queries/workspace-access');
      const { readLimits } = await import('../../db/queries/limits');
      const nowMs = Date.now();
      const { access, limits } = await withMirror(ctx, (db) => ({
        access: readWorkspacesAccess(db, nowMs),
        limits: readLimits(db, nowMs),
      }));
      const chosen = resolveWorkspace(
        given,
        access.map((a) => a.workspace),
      );
      const answer = access.find((a) => a.workspace === chosen)!;
      const own = limitsOf(limits, answer);
      if (ctx.json) printJson(ctx.io, { profile: ctx.profileId, ...answer, ...own });
      else ctx.io.stdout.write(formatShow(answer, own));
    });
}

function summary(access: WorkspaceAccess) {
  const members = access.people.filter((p) => p.memberRole !== null).length;
  return {
    ...access.workspace,
    members,
    implicit: access.people.length - members,
    people: access.people.length,
    keys: access.keys.length,
    activeKeys: access.keys.filter((k) => k.status === 'active').length,
  };
}

function formatWorkspaces(access: WorkspaceAccess[]): string {
  if (access.length === 0) return 'No workspaces in the mirror.\n';
  const rows = access.map(summary);
  const table = alignedTable({
    headers: ['WORKSPACE', 'ID', '', 'MEMBERS', '+ ORG ROLE', 'KEYS', 'ACTIVE'],
    rows: rows.map((w) => [
      w.name,
      shortId(w.id),
      [w.isDefault ? 'default' : '', w.archived ? 'archived' : ''].filter(Boolean).join(', '),
      String(w.members),
      String(w.implicit),
      String(w.keys),
      String(w.activeKeys),
    ]),
    right: [3, 4, 5, 6],
  });
  const keys = rows.reduce((sum, w) => sum + w.keys, 0);
  const active = rows.reduce((sum, w) => sum + w.activeKeys, 0);
  return (
    `${table}\n${rows.length} workspaces · ${keys} keys (${active} active)` +
    ` · "+ org role": org admins, owners and billing, who reach every workspace without a membership\n`
  );
}

function limitsOf(limits: LimitsAnswer, access: WorkspaceAccess) {
  const { id, isDefault } = access.workspace;
  return {
    rateLimits: limits.rateLimits.workspaces.filter((l) => l.workspaceId === id),
    spendLimits: limits.spendLimits.filter(
      (l) => l.scope === 'workspace' && (l.workspaceId === id || (isDefault && l.workspaceId === null)),
    ),
  };
}

function formatShow(access: WorkspaceAccess, own: ReturnType<typeof limitsOf>): string {
  const parts = [formatAccess(access).trimEnd()];
  parts.push(
    own.rateLimits.length > 0
      ? rateLimitTable(own.rateLimits).trimEnd()
      : 'Rate limits: the organization’s (no overrides for this workspace).',
  );
  parts.push(own.spendLimits.length > 0 ? spendLimitTable(own.spendLimits).trimEnd() : 'Spend limit: none.');
  return `${parts.join('\n\n')}\n`;
}
