/**
 * `clade-admin profile list | add | relabel | remove`: the profile registry from the command line. A profile's id is
 * stable and chosen by the admin; the org's name is only its label; its key lives in the OS keychain (`key set`).
 */
import type { Command } from 'commander';
import { createProfilesFile, deleteProfileMirror } from '../../adapters/profiles-file';
import { redactSecrets } from '../../core/redact';
import { removeProfile } from '../../core/vault/connect-key';
import { KeychainUnavailableError, VaultError } from '../../core/vault/errors';
import type { Profile } from '../../core/vault/profiles';
import { CliError, USAGE_EXIT } from '../errors';
import { KEYCHAIN_EXIT, type KeyCommandContext } from './key';

/** What `profile` commands need: the key context minus the verifier (no command here talks to the API). */
export type ProfileCommandContext = Pick<
  KeyCommandContext,
  'dataDir' | 'json' | 'secrets' | 'stdout' | 'stderr' | 'clock'
>;

export function registerProfileCommands(program: Command, context: () => ProfileCommandContext): Command {
  const profile = program
    .command('profile')
    .description('profiles: one per organization, each with its own key and mirror');

  profile
    .command('list')
    .description('every profile (the built-in demo first) with its organization and last verification')
    .action(() => {
      const ctx = context();
      const profiles = guard(() => createProfilesFile(ctx.dataDir).list());
      if (ctx.json) return print(ctx, profiles.map(describeProfile));
      for (const p of profiles) {
        const org =
          p.id === 'demo'
            ? 'built-in sandbox, no key'
            : p.orgId
              ? `${p.orgName ?? p.orgId} (${p.orgId})`
              : 'no key connected yet';
        ctx.stdout.write(`${p.id.padEnd(20)} ${p.label} — ${org}\n`);
      }
    });

  profile
    .command('add <id>')
    .description(
      'add a profile (ids: 1–40 lowercase letters, digits or dashes); connect its key with `key set --profile <id>`',
    )
    .option('--label <name>', "a label (default: the id until a key is connected, then the organization's name)")
    .action((id: string, options: { label?: string }) => {
      const ctx = context();
      const now = (ctx.clock ?? { now: () => Date.now() }).now();
      const added = guard(() =>
        createProfilesFile(ctx.dataDir).add(
          { id, ...(options.label !== undefined ? { label: options.label } : {}) },
          now,
        ),
      );
      if (ctx.json) return print(ctx, describeProfile(added));
      ctx.stdout.write(
        `Added profile "${added.id}". Connect its Admin key with: clade-admin --profile ${added.id} key set\n`,
      );
    });

  profile
    .command('relabel <id> <label>')
    .description('change the label shown for a profile (its id, key and mirror stay)')
    .action((id: string, label: string) => {
      const ctx = context();
      const changed = guard(() => createProfilesFile(ctx.dataDir).relabel(id, label));
      if (ctx.json) return print(ctx, describeProfile(changed));
      ctx.stdout.write(`Profile "${changed.id}" is now labelled "${changed.label}".\n`);
    });

  profile
    .command('remove <id>')
    .description(
      'forget a profile and delete its key from the OS keychain; --delete-mirror also deletes its local mirror',
    )
    .option('--delete-mirror', 'also delete the local mirror (SQLite file with its -wal/-shm/-journal and audit head)')
    .action(async (id: string, options: { deleteMirror?: boolean }) => {
      const ctx = context();
      const result = await guardAsync(() =>
        removeProfile({
          profileId: id,
          secrets: ctx.secrets,
          profiles: createProfilesFile(ctx.dataDir),
          deleteMirror: options.deleteMirror ?? false,
          removeMirror: (profileId) => deleteProfileMirror(ctx.dataDir, profileId),
        }),
      );
      if (ctx.json) return print(ctx, { profile: id, ...result });
      ctx.stdout.write(
        `Profile "${id}" ${result.profileRemoved ? 'removed' : 'was not registered'}; ` +
          `${result.keyDeleted ? 'its key was deleted from the OS keychain' : 'no key was stored'}; ` +
          `${options.deleteMirror ? `${result.mirrorFilesDeleted.length} mirror file(s) deleted` : 'its local mirror stays'}.\n`,
      );
    });

  return profile;
}

/** A profile as the CLI prints it: times in ISO 8601. Contains no secret. */
function describeProfile(p: Profile) {
  return {
    id: p.id,
    label: p.label,
    orgId: p.orgId,
    orgName: p.orgName,
    verifiedAt: p.verifiedAtMs === null ? null : new Date(p.verifiedAtMs).toISOString(),
    demo: p.id === 'demo',
  };
}

function toCliError(error: unknown): unknown {
  if (error instanceof KeychainUnavailableError) return new CliError(redactSecrets(error.message), KEYCHAIN_EXIT);
  if (error instanceof VaultError) {
    const usage =
      error.code === 'INVALID_PROFILE_ID' || error.code === 'INVALID_PROFILE_LABEL' || error.code === 'PROFILE_EXISTS';
    return new CliError(redactSecrets(error.message), usage ? USAGE_EXIT : 1);
  }
  return error;
}

function guard<T>(operation: () => T): T {
  try {
    return operation();
  } catch (error) {
    throw toCliError(error);
  }
}

async function guardAsync<T>(operation: () => Promise<T>): Promise<T> {
  try {
    return await operation();
  } catch (error) {
    throw toCliError(error);
  }
}

function print(ctx: ProfileCommandContext, value: unknown): void {
  ctx.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}
