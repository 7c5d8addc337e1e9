/**
 * The admin actions the Admin API allows, as commands. Named apart from `clade-admin key …` (the ADMIN key in the
 * keychain): `apikey` acts on the org's API keys, `invite`, `member` and `workspace member` on people.
 *
 *   apikey disable|enable|archive KEY_ID · apikey rename KEY_ID NAME
 *   invite create EMAIL --role ROLE · invite delete INVITE_ID
 *   member role USER_ID ROLE · member remove USER_ID
 *   workspace member add WORKSPACE_ID USER_ID --role ROLE · workspace member role WORKSPACE_ID USER_ID ROLE
 *   workspace member remove WORKSPACE_ID USER_ID
 * Each asks for confirmation (or --yes) and is recorded in the audit trail.
 */
import type { Command } from 'commander';
import { ADDABLE_WORKSPACE_ROLES, ASSIGNABLE_ORG_ROLES, WORKSPACE_ROLES } from '../../core/actions/types';
import type { CliContext } from '../context';
import { runAdminActionCommand, type ConfirmOptions } from './admin-run';
import { commandGroup } from '../command-group';
import { WORKSPACE_GROUP } from './workspaces';

const YES = ['-y, --yes', 'confirm without asking (required when standard input is not a terminal)'] as const;

export function registerAdminActionCommands(program: Command, context: () => CliContext): void {
  const run = (action: unknown, opts: ConfirmOptions) => runAdminActionCommand(context(), action, opts);

  const apikey = program
    .command('apikey')
    .description("act on the organization's API keys (not the admin key: see `key`)");
  const status = (name: string, verb: string, value: string, extra = '') =>
    apikey
      .command(`${name} <keyId>`)
      .description(`${verb} an API key${extra}`)
      .option(...YES)
      .action((keyId: string, opts: ConfirmOptions) => run({ kind: 'apikey.set-status', keyId, status: value }, opts));
  status('disable', 'disable (status inactive)', 'inactive');
  status('enable', 're-enable (status active)', 'active');
  status('archive', 'archive', 'archived', ' — IRREVERSIBLE: an archived key can never be used or changed again');
  apikey
    .command('rename <keyId> <name>')
    .description('rename an API key')
    .option(...YES)
    .action((keyId: string, name: string, opts: ConfirmOptions) => run({ kind: 'apikey.rename', keyId, name }, opts));

  const invite = program
    .command('invite')
    .description('invite people to the organization, or withdraw a pending invite');
  invite
    .command('create <email>')
    .description(`invite someone (roles the API allows: ${ASSIGNABLE_ORG_ROLES.join(', ')})`)
    .requiredOption('--role <role>', 'their organization role')
    .option(...YES)
    .action((email: string, opts: ConfirmOptions & { role: string }) =>
      run({ kind: 'invite.create', email, role: opts.role }, opts),
    );
  invite
    .command('delete <inviteId>')
    .description('delete a pending invite')
    .option(...YES)
    .action((inviteId: string, opts: ConfirmOptions) => run({ kind: 'invite.delete', inviteId }, opts));

  const member = program.command('member').description("change an organization member's role, or remove them");
  member
    .command('role <userId> <role>')
    .description(`change a member's organization role (${ASSIGNABLE_ORG_ROLES.join(', ')})`)
    .option(...YES)
    .action((userId: string, role: string, opts: ConfirmOptions) => run({ kind: 'user.set-role', userId, role }, opts));
  member
    .command('remove <userId>')
    .description('remove a member from the organization (their API keys stay)')
    .option(...YES)
    .action((userId: string, opts: ConfirmOptions) => run({ kind: 'user.remove', userId }, opts));

  const workspaceMember = commandGroup(program, 'workspace', WORKSPACE_GROUP)
    .command('member')
    .description('add, re-role or remove a workspace member');
  workspaceMember
    .command('add <workspaceId> <userId>')
    .description(`add a member to a workspace (${ADDABLE_WORKSPACE_ROLES.join(', ')})`)
    .requiredOption('--role <role>', 'their workspace role')
    .option(...YES)
    .action((workspaceId: string, userId: string, opts: ConfirmOptions & { role: string }) =>
      run({ kind: 'workspace-member.add', workspaceId, userId, role: opts.role }, opts),
    );
  workspaceMember
    .command('role <workspaceId> <userId> <role>')
    .description(`change a member's workspace role (${WORKSPACE_ROLES.join(', ')})`)
    .option(...YES)
    .action((workspaceId: string, userId: string, role: string, opts: ConfirmOptions) =>
      run({ kind: 'workspace-member.set-role', workspaceId, userId, role }, opts),
    );
  workspaceMember
    .command('remove <workspaceId> <userId>')
    .description('remove a member from a workspace')
    .option(...YES)
    .action((workspaceId: string, userId: string, opts: ConfirmOptions) =>
      run({ kind: 'workspace-member.remove', workspaceId, userId }, opts),
    );
}
