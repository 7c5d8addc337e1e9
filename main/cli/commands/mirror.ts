import { existsSync } from 'node:fs';
import type { Command } from 'commander';
import type { CliContext } from '../context';
import { DEMO_PROFILE } from '../context';
import { CliError } from '../errors';
import { printJson } from '../io';

/**
 * `clade-admin mirror move-aside`: the way out of a damaged or empty mirror. Only a mirror that cannot be read is
 * moved (a sound one is refused: it holds the local audit trail); the next sync builds a new one.
 */
export function registerMirrorCommands(program: Command, context: () => CliContext): void {
  const mirror = program.command('mirror').description("the profile's local mirror file");
  mirror
    .command('move-aside')
    .description('move a damaged or empty mirror aside (timestamped, kept) so the next sync builds a new one')
    .action(async () => {
      const ctx = context();
      if (!existsSync(ctx.mirrorFile))
        throw new CliError(`profile "${ctx.profileId}" has no mirror at ${ctx.mirrorFile}`);
      const { moveMirrorAside } = await import('../../db/move-aside');
      // The same judgement as the window's (services/mirror-repair.ts): only an unreadable mirror moves.
      const { MirrorNotMovedError, unreadableMirrorProblem } = await import('../../services/mirror-repair');
      let problem;
      try {
        problem = unreadableMirrorProblem(ctx.mirrorFile);
      } catch (error) {
        throw error instanceof MirrorNotMovedError ? new CliError(error.message) : error;
      }
      const movedTo = moveMirrorAside(ctx.mirrorFile, Date.now());
      const next = ctx.profileId === DEMO_PROFILE ? 'clade-admin demo' : `clade-admin --profile ${ctx.profileId} sync`;
      if (ctx.json) {
        printJson(ctx.io, {
          profile: ctx.profileId,
          problem: problem.problem,
          movedFrom: ctx.mirrorFile,
          movedTo,
          next,
        });
        return;
      }
      ctx.io.stdout.write(
        `Moved the ${problem.problem === 'empty-file' ? 'empty' : 'damaged'} mirror aside: ${movedTo}\n` +
          `Run \`${next}\` to build a new one from the Admin API.\n`,
      );
    });
}
