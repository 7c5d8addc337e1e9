/**
 * A profile named on the command line (`--profile`, or CLADE_PROFILE) that this data folder has never heard of: no
 * mirror and no entry in the registry. Reading it would answer "no mirror yet", exit 0, and let a typo in a cron
 * line pass as an empty organization; it is refused instead, naming the profiles there are. The implicit `default`
 * profile keeps its "nothing synced yet" answers.
 */
import { existsSync } from 'node:fs';
import { createProfilesFile } from '../adapters/profiles-file';
import type { CliContext } from './context';
import { CliError, USAGE_EXIT } from './errors';

export function refuseUnknownProfile(ctx: CliContext): void {
  if (!ctx.profileNamed || existsSync(ctx.mirrorFile)) return;
  const known = createProfilesFile(ctx.dataDir)
    .list()
    .map((p) => p.id);
  if (known.includes(ctx.profileId)) return;
  throw new CliError(
    `no profile "${ctx.profileId}" in ${ctx.dataDir}; the profiles there are: ${known.join(', ')}` +
      ` (add one with \`clade-admin profile add <id>\`, then \`clade-admin --profile <id> key set\`)`,
    USAGE_EXIT,
  );
}
