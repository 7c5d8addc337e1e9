/**
 * The HTTP side of `serve-metrics`: GET /metrics answers the Prometheus text of the mirror at that moment; any other
 * path is 404. Loopback by default; an address other machines can reach is refused unless a bearer token guards it
 * (checked again here, not only in the CLI, so no caller can open the figures to a network by mistake). A scrape
 * without the right token gets 401 and no figure. A failing read answers 503 with one redacted line, never a stack.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { isLoopbackBind, urlHost } from '../../core/metrics/bind-address';
import { redactSecrets } from '../../core/redact';
import { bearerMatches } from './bearer-token';
import type { PrometheusText } from './prometheus-text';

export const METRICS_PATH = '/metrics';

export interface MetricsServerOptions {
  host: string;
  /** 0: any free port. */
  port: number;
  /** Required for a non-loopback host. */
  token: string | null;
  render: () => Promise<PrometheusText>;
  /** A scrape that could not be answered (the reason is also in the 503's body). */
  onScrapeError?: (error: unknown) => void;
}

export interface RunningMetricsServer {
  /** The scrape URL, e.g. http://127.0.0.1:9464/metrics */
  url: string;
  port: number;
  close(): Promise<void>;
}

export class UnguardedBindError extends Error {}

export async function startMetricsServer(options: MetricsServerOptions): Promise<RunningMetricsServer> {
  if (!isLoopbackBind(options.host) && options.token === null)
    throw new UnguardedBindError(
      `refusing to serve metrics on ${options.host} without a token: any address but loopback needs --token-file`,
    );
  const server = createServer((request, response) => {
    void answer(request, response, options);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://${urlHost(options.host)}:${port}${METRICS_PATH}`,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        // A scraper's keep-alive connection would otherwise hold the shutdown open until it times out.
        server.closeAllConnections();
      }),
  };
}

async function answer(request: IncomingMessage, response: ServerResponse, options: MetricsServerOptions) {
  const path = (request.url ?? '/').split('?')[0];
  if (path !== METRICS_PATH) return reply(response, 404, `not found: metrics are at ${METRICS_PATH}\n`);
  if (request.method !== 'GET' && request.method !== 'HEAD')
    return reply(response, 405, 'only GET and HEAD\n', { allow: 'GET, HEAD' });
  if (options.token !== null && !bearerMatches(request.headers.authorization, options.token))
    return reply(response, 401, 'unauthorized: send Authorization: Bearer <token>\n', {
      'www-authenticate': 'Bearer realm="clade-admin metrics"',
    });
  try {
    const { contentType, body } = await options.render();
    response.writeHead(200, { 'content-type': contentType, 'cache-control': 'no-store' });
    response.end(request.method === 'HEAD' ? undefined : body);
  } catch (error) {
    options.onScrapeError?.(error);
    const reason = redactSecrets(error instanceof Error ? error.message : String(error)).split('\n')[0];
    reply(response, 503, `metrics unavailable: ${reason}\n`);
  }
}

function reply(response: ServerResponse, status: number, text: string, headers: Record<string, string> = {}): void {
  response.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', ...headers });
  response.end(text);
}
