import type { Command } from 'commander';
import { waitForStopSignal } from '../stop-signal';
import type { CliContext } from '../context';
import { note } from '../io';
import { parseChoice, parseIntInRange } from '../parse-args';

interface ServeOptions {
  port: number;
  seed: number;
  size: 'demo' | 'mid' | 'large';
  faults?: string;
  compliance: 'on' | 'off';
  maxPageResults?: number;
}

/** `clade-admin sandbox serve`: the local Admin API simulator, for scripts, demos and benchmarks. */
export function registerSandboxCommands(program: Command, context: () => CliContext): void {
  const sandbox = program
    .command('sandbox')
    .description('the local Admin API simulator (demo org, faults, virtual time)');
  sandbox
    .command('serve')
    .description(
      'serve the sandbox on 127.0.0.1 and print one JSON ready line {url, adminKey, controlUrl, controlToken} (admin key: random, or $CLADE_SANDBOX_ADMIN_KEY)',
    )
    .option('--port <n>', 'port to listen on (0 = any free port)', parseIntInRange(0, 65535), 0)
    .option('--seed <n>', 'seed of the generated org', parseIntInRange(0, 2 ** 31 - 1), 1)
    .option('--size <size>', 'demo | mid | large', parseChoice(['demo', 'mid', 'large'] as const), 'demo')
    .option('--faults <file>', 'JSON file with fault rules')
    .option('--compliance <state>', 'compliance activity feed: on | off', parseChoice(['on', 'off'] as const), 'off')
    .option(
      '--max-page-results <n>',
      'refuse report pages holding more results than n with 400 report_page_too_large (default: no cap)',
      parseIntInRange(1, 10_000_000),
    )
    .action(async (options: ServeOptions) => {
      const { io } = context();
      const { startSandbox } = await import('../../sandbox/index');
      const running = await startSandbox({
        port: options.port,
        seed: options.seed,
        size: options.size,
        compliance: options.compliance === 'on',
        ...(options.maxPageResults !== undefined ? { maxPageResults: options.maxPageResults } : {}),
        ...(options.faults ? { faultsFile: options.faults } : {}),
        // A known key for tests that scan for it afterwards; from the environment, never an argument (shell history).
        ...(io.env.CLADE_SANDBOX_ADMIN_KEY ? { adminKey: io.env.CLADE_SANDBOX_ADMIN_KEY } : {}),
      });
      const { url, adminKey, controlUrl, controlToken } = running;
      io.stdout.write(`${JSON.stringify({ url, adminKey, controlUrl, controlToken })}\n`);
      note(io, `sandbox (${options.size}, seed ${options.seed}) serving at ${url}; Ctrl-C to stop`);
      await waitForStopSignal();
      await running.close();
      note(io, 'sandbox stopped');
    });
}
