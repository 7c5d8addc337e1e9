/**
 * `clade-admin access W`: everyone who can reach workspace W (name or id) and its keys, from the mirror only.
 * The answer is the access read model's (db/queries/workspace-access.ts); this file only lays it out.
 */
import type { Command } from 'commander';
import type { AccessKey, AccessPerson, WorkspaceAccess } from '../../../preload/contract-access';
import type { CliContext } from '../context';
import { printJson } from '../io';
import { alignedTable, shortId, utcDay } from '../aligned-table';
import { withMirror } from '../read-mirror';
import { resolveWorkspace } from '../resolve-workspace';
import { escapeControls } from '../../core/text/escape-controls';

export function registerAccessCommand(program: Command, context: () => CliContext): void {
  program
    .command('access <workspace>')
    .description(
      'who can reach a workspace (name or id): its members, org admins/owners and billing (implicit), and its keys',
    )
    .action(async (given: string) => {
      const ctx = context();
      const { readWorkspacesAccess } = await import('../../db/queries/workspace-access');
      const access = await withMirror(ctx, (db) => readWorkspacesAccess(db, Date.now()));
      const chosen = resolveWorkspace(
        given,
        access.map((a) => a.workspace),
      );
      const answer = access.find((a) => a.workspace === chosen)!;
      if (ctx.json) printJson(ctx.io, { profile: ctx.profileId, ...answer });
      else ctx.io.stdout.write(formatAccess(answer));
    });
}

export function formatAccess(access: WorkspaceAccess): string {
  const { workspace, people, keys, organizationKeys } = access;
  const flags = [workspace.isDefault ? 'default' : '', workspace.archived ? 'archived' : ''].filter(Boolean);
  const implicit = people.filter((p) => p.via === 'implicit').length;
  const lines = [
    `${escapeControls(workspace.name)} (${workspace.id ?? 'no id'})${flags.length ? ` [${flags.join(', ')}]` : ''}: ` +
      `${people.length} people (${people.length - implicit} members, ${implicit} through their org role), ` +
      `${keys.length} keys (${keys.filter((k) => k.status === 'active').length} active)`,
    '',
    alignedTable({
      headers: ['PERSON', 'EMAIL', 'ORG ROLE', 'WORKSPACE ROLE', 'ACCESS'],
      rows: people.map((p) => [p.name, p.email, p.orgRole ?? '(left)', p.workspaceRole, accessText(p)]),
    }).trimEnd(),
  ];
  if (keys.length > 0) lines.push('', keyTable(keys));
  if (organizationKeys.length > 0)
    lines.push(
      '',
      `Organization-scoped keys (${organizationKeys.length}) are bound to a principal, not a workspace: they reach what it reaches.`,
    );
  if (people.some((p) => p.assumed))
    lines.push(
      '',
      'assumed: the API documents implicit access for org admin and billing only; owners are taken to reach what admins do.',
    );
  return `${lines.join('\n')}\n`;
}

/** "member", "implicit: org admin", "member + org admin", with "(assumed)" where no documentation says so. */
export function accessText(person: AccessPerson): string {
  const assumed = person.assumed ? ' (assumed)' : '';
  if (person.via === 'member') return 'member';
  if (person.via === 'both') return `member + ${person.implicitBecause}${assumed}`;
  return `implicit: ${person.implicitBecause}${assumed}`;
}

function keyTable(keys: AccessKey[]): string {
  return alignedTable({
    headers: ['KEY', 'ID', 'STATUS', 'CREATED', 'CREATOR', 'VERDICT'],
    rows: keys.map((k) => [
      k.name,
      shortId(k.id),
      k.status,
      utcDay(k.createdAtMs),
      creatorText(k.creatorName),
      k.verdict,
    ]),
  }).trimEnd();
}

/** The creator as the inventory names them: a member's name, "a former member", "a service account", or "—". */
export function creatorText(name: string | null): string {
  return name ?? '—';
}
