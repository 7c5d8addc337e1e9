/**
 * How a read command opens the profile's mirror: a profile nobody created is refused (unknown-profile.ts), a known
 * one without a mirror yet is "nothing synced" (exit 3, like `report`), and the mirror is opened read-only and
 * always closed.
 */
import { existsSync } from 'node:fs';
import type Database from 'better-sqlite3';
import { DEMO_PROFILE, type CliContext } from './context';
import { CliError } from './errors';
import { refuseUnknownProfile } from './unknown-profile';

export const NO_MIRROR_EXIT = 3;

/**
 * The one sentence every command says of a known profile with nothing synced yet: what that means for this command
 * (`so`), and how to fill it. `demo` fills the demo profile; `orElse` names another way where there is one.
 */
export function noMirrorYet(profileId: string, opts: { so?: string; orElse?: string } = {}): string {
  const so = opts.so ? `, so ${opts.so}` : '';
  const orElse = opts.orElse ?? (profileId === DEMO_PROFILE ? '`clade-admin demo`' : null);
  return `Profile "${profileId}" has no local mirror yet${so}. Run \`clade-admin sync\`${orElse ? ` (or ${orElse})` : ''} first.`;
}

export async function withMirror<T>(ctx: CliContext, read: (db: Database.Database) => T | Promise<T>): Promise<T> {
  if (!existsSync(ctx.mirrorFile)) {
    refuseUnknownProfile(ctx);
    throw new CliError(noMirrorYet(ctx.profileId), NO_MIRROR_EXIT);
  }
  const { openMirror } = await import('../db/open');
  const db = openMirror(ctx.mirrorFile, { readonly: true });
  try {
    return await read(db);
  } finally {
    db.close();
  }
}
