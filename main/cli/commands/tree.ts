/**
 * `clade-admin tree`: the org tree (org → workspaces → members and keys) of any profile's mirror, as `demo` prints
 * it for the demo org. The same read (db/repos/org-tree-repo.ts) and the same layout (cli/format-tree.ts).
 */
import type { Command } from 'commander';
import type { CliContext } from '../context';
import { CliError } from '../errors';
import { printJson } from '../io';
import { formatTree, summarizeTree } from '../format-tree';
import { NO_MIRROR_EXIT, withMirror } from '../read-mirror';

export function registerTreeCommand(program: Command, context: () => CliContext): void {
  program
    .command('tree')
    .description("this profile's org tree from the mirror: workspaces with their members and keys")
    .action(async () => {
      const ctx = context();
      const { readOrgTree } = await import('../../db/repos/org-tree-repo');
      const tree = await withMirror(ctx, (db) => readOrgTree(db));
      if (!tree)
        throw new CliError(
          `profile "${ctx.profileId}" has synced no organization yet; run \`clade-admin sync\``,
          NO_MIRROR_EXIT,
        );
      if (ctx.json) printJson(ctx.io, summarizeTree(tree));
      else ctx.io.stdout.write(formatTree(tree));
    });
}
