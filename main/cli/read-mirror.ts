/**
 * How a read command opens the profile's mirror: a profile nobody created is refused (unknown-profile.ts), a known
 * one without a mirror yet is "nothing synced" (exit 3, like `report`), and the mirror is opened read-only and
 * always closed.
 */
import { existsSync } from 'node:fs';
import type Database from 'better-sqlite3';
import type { CliContext } from './context';
import { CliError } from './errors';
import { refuseUnknownProfile } from './unknown-profile';

export const NO_MIRROR_EXIT = 3;

export async function withMirror<T>(ctx: CliContext, read: (db: Database.Database) => T | Promise<T>): Promise<T> {
  if (!existsSync(ctx.mirrorFile)) {
    refuseUnknownProfile(ctx);
    throw new CliError(
      `profile "${ctx.profileId}" has no local mirror yet; run \`clade-admin sync\` (or \`clade-admin demo\`) first`,
      NO_MIRROR_EXIT,
    );
  }
  const { openMirror } = await import('../db/open');
  const db = openMirror(ctx.mirrorFile, { readonly: true });
  try {
    return await read(db);
  } finally {
    db.close();
  }
}
