/**
 * The metrics HTTP server on its own: only GET and HEAD of /metrics, a failing read answered 503 in one redacted
 * line (never a stack or a key), and no address but loopback without a token, whoever the caller is.
 */
import { afterEach, describe, expect, it } from 'vitest';
import {
  startMetricsServer,
  UnguardedBindError,
  type RunningMetricsServer,
} from '../../../main/services/metrics/metrics-server';

describe('the metrics server', () => {
  let server: RunningMetricsServer | null = null;
  afterEach(async () => {
    await server?.close();
    server = null;
  });

  it('serves GET and HEAD of /metrics only', async () => {
    server = await startMetricsServer({
      host: '127.0.0.1',
      port: 0,
      token: null,
      render: async () => ({ contentType: 'text/plain; version=0.0.4', body: 'up 1\n' }),
    });
    expect(server.url).toBe(`http://127.0.0.1:${server.port}/metrics`);
    const get = await fetch(server.url);
    expect(get.status).toBe(200);
    expect(get.headers.get('content-type')).toBe('text/plain; version=0.0.4');
    expect(await get.text()).toBe('up 1\n');
    const head = await fetch(server.url, { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
    expect((await fetch(server.url, { method: 'POST', body: 'x' })).status).toBe(405);
    expect((await fetch(server.url.replace('/metrics', '/'))).status).toBe(404);
    expect((await fetch(server.url.replace('/metrics', '/metrics/../admin'))).status).toBe(404);
  });

  it('answers a failing read with 503 and one redacted line', async () => {
    const errors: unknown[] = [];
    server = await startMetricsServer({
      host: '127.0.0.1',
      port: 0,
      token: null,
      render: async () => {
        throw new Error(
          'database is locked near sk-ant-admin01-abcdefghijklmnopqrstuvwxyz0123456789\n    at secret.ts:1',
        );
      },
      onScrapeError: (error) => errors.push(error),
    });
    const response = await fetch(server.url);
    expect(response.status).toBe(503);
    const text = await response.text();
    expect(text).toMatch(/^metrics unavailable: database is locked near /);
    expect(text).not.toContain('sk-ant-admin01-abcdefghijklmnopqrstuvwxyz');
    expect(text).not.toContain('secret.ts');
    expect(errors).toHaveLength(1);
  });

  it('refuses a non-loopback address without a token, before listening', async () => {
    await expect(
      startMetricsServer({
        host: '0.0.0.0',
        port: 0,
        token: null,
        render: async () => ({ contentType: 'text/plain', body: '' }),
      }),
    ).rejects.toBeInstanceOf(UnguardedBindError);
  });
});
