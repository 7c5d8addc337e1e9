/**
 * `clade-admin users [--role R]` and `clade-admin invites [--status S]`: who is in the org and who is invited,
 * from the local mirror (no network), over the people read model the window's People view asks too.
 */
import { existsSync } from 'node:fs';
import type { Command } from 'commander';
import type { People } from '../../../preload/contract-people';
import { INVITE_STATUSES, ORG_ROLES } from '../../core/org/org-roles';
import type { CliContext } from '../context';
import { CliError, USAGE_EXIT } from '../errors';
import { printJson } from '../io';
import { refuseUnknownProfile } from '../unknown-profile';
import { openProfileMirror, parseInstant } from './alerts';
import { formatInvites, formatUsers } from './people-format';
import { noMirrorYet } from '../read-mirror';

export function registerPeopleCommands(program: Command, context: () => CliContext): void {
  program
    .command('users')
    .description('list the org members: org role, member since, admin since, workspaces, keys, Claude Code')
    .option('--role <role>', `only members with this org role (${ORG_ROLES.join(', ')})`)
    .option('--now <iso-time>', 'judge at this instant instead of now (e.g. 2026-11-23T10:00:00Z)')
    .action(async (options: { role?: string; now?: string }) => {
      const ctx = context();
      const role = validated('--role', options.role, ORG_ROLES);
      const people = await readProfilePeople(ctx, options.now);
      const members = people.members.filter((person) => role === undefined || person.role === role);
      if (ctx.json) printJson(ctx.io, { profile: ctx.profileId, firstSyncAtMs: people.firstSyncAtMs, users: members });
      else ctx.io.stdout.write(people.firstSyncAtMs === null ? noMirror(ctx) : formatUsers(members));
    });

  program
    .command('invites')
    .description('list the org invites: role, invited, age in days, expiry, status')
    .option('--status <status>', `only invites with this status (${INVITE_STATUSES.join(', ')})`)
    .option('--now <iso-time>', 'judge ages and expiry at this instant instead of now (e.g. 2026-11-23T10:00:00Z)')
    .action(async (options: { status?: string; now?: string }) => {
      const ctx = context();
      const status = validated('--status', options.status, INVITE_STATUSES);
      const people = await readProfilePeople(ctx, options.now);
      const invites = people.invites.filter((invite) => status === undefined || invite.status === status);
      if (ctx.json) printJson(ctx.io, { profile: ctx.profileId, invites });
      else ctx.io.stdout.write(people.firstSyncAtMs === null ? noMirror(ctx) : formatInvites(invites));
    });
}

/** A value outside the documented list is a usage error naming the valid ones (exit 2). */
function validated(flag: string, value: string | undefined, valid: readonly string[]): string | undefined {
  if (value === undefined || valid.includes(value)) return value;
  throw new CliError(`${flag}: unknown value "${value}"; expected one of: ${valid.join(', ')}`, USAGE_EXIT);
}

async function readProfilePeople(ctx: CliContext, now: string | undefined): Promise<People> {
  const nowMs = now === undefined ? Date.now() : parseInstant(now);
  if (!existsSync(ctx.mirrorFile)) {
    refuseUnknownProfile(ctx);
    return { firstSyncAtMs: null, members: [], invites: [] };
  }
  const { readPeople } = await import('../../db/queries/people');
  const db = await openProfileMirror(ctx, false);
  try {
    return readPeople(db, nowMs);
  } finally {
    db.close();
  }
}

function noMirror(ctx: CliContext): string {
  return `${noMirrorYet(ctx.profileId)}\n`;
}
