/**
 * `clade-admin serve-metrics`: the profile's mirror as Prometheus metrics at /metrics, for the Prometheus and
 * Grafana a team already runs (assets/grafana, assets/prometheus). Prints its scrape URL on stdout, serves until
 * SIGINT or SIGTERM, then stops the sync loop (after the cycle in progress), the server and the mirror, and exits 0.
 * Loopback by default; any other --bind needs --token-file. With --sync-every it also keeps the mirror synced and
 * the alerts evaluated (services/metrics/metrics-sync-loop.ts).
 */
import { waitForStopSignal } from '../stop-signal';
import { existsSync } from 'node:fs';
import type { Command } from 'commander';
import { isLoopbackBind } from '../../core/metrics/bind-address';
import type { CliContext } from '../context';
import { CliError, USAGE_EXIT } from '../errors';
import { note, printJson } from '../io';
import { parseIntInRange } from '../parse-args';
import { NO_MIRROR_EXIT, noMirrorYet } from '../read-mirror';
import { refuseUnknownProfile } from '../unknown-profile';
import { startMirrorSyncLoop } from './serve-metrics-sync';
import type { WebhookFileOptions } from './alerts-webhook';

export const DEFAULT_METRICS_PORT = 9464;

interface ServeMetricsOptions extends WebhookFileOptions {
  port: number;
  bind: string;
  tokenFile?: string;
  syncEvery?: number;
}

export function registerServeMetricsCommand(program: Command, context: () => CliContext): void {
  program
    .command('serve-metrics')
    .description("serve the profile's mirror as Prometheus metrics at /metrics (prints the URL; Ctrl-C stops)")
    .option('--port <n>', `port to listen on (0 = any free port)`, parseIntInRange(0, 65535), DEFAULT_METRICS_PORT)
    .option('--bind <address>', 'address to listen on; anything but loopback needs --token-file', '127.0.0.1')
    .option('--token-file <file>', 'file holding the bearer token scrapers must send (one line, 16+ characters)')
    .option(
      '--sync-every <minutes>',
      'also sync the mirror and evaluate the alerts every N minutes (1-1440), the first at once',
      parseIntInRange(1, 1440),
    )
    .option('--webhook-file <path>', 'with --sync-every: post due alerts to the webhook URL in this 0600 file')
    .option('--webhook-format <format>', 'the format for --webhook-file: slack (default) or json')
    .action(async (options: ServeMetricsOptions) => serveMetrics(context(), options));
}

async function serveMetrics(ctx: CliContext, options: ServeMetricsOptions): Promise<void> {
  if (!isLoopbackBind(options.bind) && options.tokenFile === undefined)
    throw new CliError(
      `--bind ${options.bind} would let other machines read the org's figures: give --token-file with a bearer token, or bind 127.0.0.1`,
      USAGE_EXIT,
    );
  if (options.webhookFile !== undefined && options.syncEvery === undefined)
    throw new CliError('--webhook-file needs --sync-every: without it serve-metrics evaluates no alerts', USAGE_EXIT);
  const token = options.tokenFile === undefined ? null : await tokenFrom(ctx, options.tokenFile);
  if (options.syncEvery === undefined && !existsSync(ctx.mirrorFile)) {
    refuseUnknownProfile(ctx);
    throw new CliError(noMirrorYet(ctx.profileId, { orElse: 'serve with --sync-every' }), NO_MIRROR_EXIT);
  }
  const { openMirror } = await import('../../db/open');
  const { readMetricsSnapshot } = await import('../../services/metrics/metrics-snapshot');
  const { renderPrometheusText } = await import('../../services/metrics/prometheus-text');
  const { startMetricsServer } = await import('../../services/metrics/metrics-server');
  const counters = { syncRequests: 0 };
  // Started first, so the first scrape can already find the mirror the first sync creates.
  const loop =
    options.syncEvery === undefined ? null : await startMirrorSyncLoop(ctx, options.syncEvery, counters, options);
  try {
    const server = await listening(options, () =>
      startMetricsServer({
        host: options.bind,
        port: options.port,
        token,
        // Each scrape reads the mirror as it is now, on a read-only connection of its own (the sync writes on another).
        render: async () => {
          if (!existsSync(ctx.mirrorFile)) throw new Error('the mirror is not synced yet; the first sync is running');
          const db = openMirror(ctx.mirrorFile, { readonly: true });
          try {
            return await renderPrometheusText(readMetricsSnapshot(db, Date.now(), counters));
          } finally {
            db.close();
          }
        },
        onScrapeError: (error) =>
          note(ctx.io, `scrape failed: ${error instanceof Error ? error.message : String(error)}`),
      }),
    );
    if (ctx.json) printJson(ctx.io, { profile: ctx.profileId, url: server.url });
    else ctx.io.stdout.write(`${server.url}\n`);
    note(ctx.io, `serving metrics of profile "${ctx.profileId}" at ${server.url}; Ctrl-C to stop`);
    await waitForStopSignal();
    await server.close();
  } finally {
    await loop?.stop();
  }
  note(ctx.io, 'metrics server stopped');
}

/** A port in use or an address this machine does not have is said in one line, with what to change. */
async function listening<T>(options: ServeMetricsOptions, start: () => Promise<T>): Promise<T> {
  try {
    return await start();
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const where = `${options.bind}:${options.port}`;
    if (code === 'EADDRINUSE')
      throw new CliError(`cannot listen on ${where}: the port is in use; choose another with --port`);
    if (code === 'EADDRNOTAVAIL' || code === 'ENOTFOUND')
      throw new CliError(`cannot listen on ${where}: this machine has no such address; check --bind`, USAGE_EXIT);
    if (code === 'EACCES') throw new CliError(`cannot listen on ${where}: permission denied; use a port above 1023`);
    throw error;
  }
}

async function tokenFrom(ctx: CliContext, file: string): Promise<string> {
  const { readTokenFile, TokenFileError } = await import('../../services/metrics/bearer-token');
  try {
    const { token, warning } = readTokenFile(file);
    if (warning) note(ctx.io, `warning: ${warning}`);
    return token;
  } catch (error) {
    if (error instanceof TokenFileError) throw new CliError(`--token-file: ${error.message}`, USAGE_EXIT);
    throw error;
  }
}
