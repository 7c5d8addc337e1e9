import { existsSync } from 'node:fs';
import type { Command } from 'commander';
import type { CliContext } from '../context';
import { printJson } from '../io';
import { formatAge } from '../format-age';

/** `clade-admin status`: what the local mirror holds and how old it is. Reads only the mirror, never the network. */
export function registerStatusCommand(program: Command, context: () => CliContext): void {
  program
    .command('status')
    .description('show what the local mirror of this profile holds and how old it is')
    .action(async () => {
      const ctx = context();
      if (!existsSync(ctx.mirrorFile)) {
        const empty = { profile: ctx.profileId, mirror: null, org: null, syncedAtMs: null, counts: {}, resources: [] };
        if (ctx.json) printJson(ctx.io, empty);
        else ctx.io.stdout.write(`Profile "${ctx.profileId}" has no local mirror yet. Run \`clade-admin sync\` (or \`clade-admin demo\`).\n`);
        return;
      }
      const { openMirror } = await import('../../db/open');
      const { readMirrorStatus } = await import('../../db/repos/status-repo');
      const db = openMirror(ctx.mirrorFile, { readonly: true });
      try {
        const status = readMirrorStatus(db);
        if (ctx.json) {
          printJson(ctx.io, { profile: ctx.profileId, mirror: ctx.mirrorFile, ...status });
          return;
        }
        const now = Date.now();
        const lines = [
          `Profile   ${ctx.profileId}`,
          `Org       ${status.org ? `${status.org.name} (${status.org.id})` : '—'}`,
          `Synced    ${status.syncedAtMs ? formatAge(status.syncedAtMs, now) : 'never'}`,
          `Mirror    ${ctx.mirrorFile}`,
          '',
          ...Object.entries(status.counts).map(([name, count]) => `  ${name.padEnd(22)} ${count}`),
        ];
        ctx.io.stdout.write(`${lines.join('\n')}\n`);
      } finally {
        db.close();
      }
    });
}
