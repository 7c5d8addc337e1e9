import type { Command } from 'commander';
import { ensureMirrorFile } from '../../adapters/data-dir';
import type { CliContext } from '../context';
import { DEMO_PROFILE } from '../context';
import { CliError } from '../errors';
import { note, printJson } from '../io';
import { formatTree, summarizeTree } from '../format-tree';
import { describeSummary, syncExitCode, syncWithProgress } from '../sync-with-progress';

/**
 * `clade-admin demo`: the embedded demo org, end to end — start the sandbox in-process, sync it into the demo
 * profile's mirror through the real SDK, and print the org tree from the mirror.
 */
export function registerDemoCommand(program: Command, context: () => CliContext): void {
  program
    .command('demo')
    .description('sync the built-in demo org (a local sandbox) into the "demo" profile and print its tree')
    .action(async () => {
      const ctx = context();
      const file = ensureMirrorFile(ctx.dataDir, DEMO_PROFILE);
      const { openMirror } = await import('../../db/open');
      const { readOrgTree } = await import('../../db/repos/org-tree-repo');
      const { startDemoSandbox, syncDemoOrg } = await import('../../services/demo/demo-sandbox');
      const db = openMirror(file);
      try {
        // The same demo org as the window's (demo-sandbox.ts): regenerated as this mirror first saw it, so a second
        // `demo` journals only what happened in the demo org since, not every timestamp as changed.
        const demo = await startDemoSandbox(db, { size: 'demo', seed: 1 });
        try {
          note(ctx.io, `Syncing the demo org from a local sandbox into ${file} …`);
          const target = { apiKey: demo.sandbox.adminKey, baseURL: demo.sandbox.url };
          const summary = await syncDemoOrg(demo, () => syncWithProgress(ctx, db, target, { requestsPerMinute: null }));
          if (syncExitCode(summary) !== 0) throw new CliError(describeSummary(summary, DEMO_PROFILE).trim());
          const tree = readOrgTree(db);
          if (!tree) throw new CliError('the demo sync finished but the mirror holds no organization');
          if (ctx.json) printJson(ctx.io, summarizeTree(tree));
          else ctx.io.stdout.write(formatTree(tree));
        } finally {
          await demo.sandbox.close();
        }
      } finally {
        db.close();
      }
    });
}
