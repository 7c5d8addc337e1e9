import { Command } from 'commander';
import { registerDemoCommand } from './commands/demo';
import { registerSandboxCommands } from './commands/sandbox';
import { registerStatusCommand } from './commands/status';
import { registerSyncCommand } from './commands/sync';
import { registerReportCommand } from './commands/report';
import { keyContextFrom, registerKeyCommands } from './commands/key';
import { registerAuditCommands } from './commands/audit';
import { registerProfileCommands } from './commands/profile';
import { registerAlertCommands } from './commands/alerts';
import type { WebhookCliDeps } from './commands/alerts-webhook';
import { registerAdminActionCommands } from './commands/admin-commands';
import { registerMirrorCommands } from './commands/mirror';
import { registerPeopleCommands } from './commands/people';
import { registerAccessCommand } from './commands/access';
import { registerKeysCommand } from './commands/keys';
import { registerWorkspaceCommands } from './commands/workspaces';
import { registerTreeCommand } from './commands/tree';
import { registerLimitsCommand } from './commands/limits';
import { registerOffboardCommand } from './commands/offboard';
import { registerServeMetricsCommand } from './commands/serve-metrics';
import { registerReviewCommand } from './commands/review';
import { registerPostureCommands } from './commands/posture';
import type { CliContext, GlobalOptions } from './context';
import { resolveContext } from './context';
import { redactSecrets } from '../core/redact';
import type { CliIO } from './io';
import { escapingIO } from './escaping-io';

/**
 * The `clade-admin` command tree. Commands load their heavy modules (SDK, sandbox, SQLite) lazily inside their
 * actions, so `clade-admin status` starts fast. Every command writes through the escaping layer (escaping-io.ts):
 * org text can never drive the terminal.
 */
export function buildProgram(given: CliIO, deps: { webhooks?: WebhookCliDeps } = {}): Command {
  const io = escapingIO(given);
  const program = new Command('clade-admin')
    .description('Clade Admin: your Anthropic organization, mirrored locally — headless commands for cron and scripts')
    .option('--data-dir <dir>', "data folder (default: the app's own, so CLI and app share one mirror)")
    .option('--profile <id>', 'profile id (default: $CLADE_PROFILE, else "default")')
    .option(
      '--base-url <url>',
      "where the admin key goes for this run: https://api.anthropic.com or a loopback sandbox (default: the profile's api.baseUrl, stored by `key set --base-url`, else the API; never $ANTHROPIC_BASE_URL)",
    )
    .option('--json', 'print only JSON on stdout (progress and logs go to stderr)')
    .showHelpAfterError()
    .configureOutput({
      writeOut: (text) => io.stdout.write(text),
      // commander quotes the offending argument ("unknown option '--admin-key=sk-ant-…'"): never echo a key.
      writeErr: (text) => io.stderr.write(redactSecrets(text)),
    })
    .exitOverride();

  const context = (): CliContext => resolveContext(program.optsWithGlobals<GlobalOptions>(), io);
  registerDemoCommand(program, context);
  registerStatusCommand(program, context);
  registerSyncCommand(program, context);
  registerReportCommand(program, context);
  registerKeyCommands(program, () => keyContextFrom(context()));
  registerProfileCommands(program, () => keyContextFrom(context()));
  registerAuditCommands(program, context);
  registerAlertCommands(program, context, deps.webhooks);
  registerAdminActionCommands(program, context);
  registerMirrorCommands(program, context);
  registerPeopleCommands(program, context);
  registerAccessCommand(program, context);
  registerKeysCommand(program, context);
  registerWorkspaceCommands(program, context);
  registerTreeCommand(program, context);
  registerLimitsCommand(program, context);
  registerOffboardCommand(program, context);
  registerServeMetricsCommand(program, context);
  registerReviewCommand(program, context);
  registerPostureCommands(program, context);
  registerSandboxCommands(program, context);
  return program;
}
