/**
 * An unreachable API is reported once, naming the host and the cause: not once per retry, and not as a bare
 * "Error" when the system said why.
 */
import { createServer } from 'node:net';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { APIConnectionError } from '@anthropic-ai/sdk';
import { describe, expect, it } from 'vitest';
import { toAdminApiError } from '../../../main/adapters/anthropic/errors';
import { describeSummary } from '../../../main/cli/sync-with-progress';
import type { SyncSummary } from '../../../main/core/sync/summary';
import { runBuiltCli } from '../../helpers/built-cli';

/** A loopback port nothing listens on. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

const count = (text: string, part: string): number => text.split(part).length - 1;

describe('connection errors', () => {
  it('name the cause the SDK left as "Error" (from the cause chain), and say a system code in words', () => {
    const badPort = new APIConnectionError({
      message: 'Connection to 127.0.0.1:9 failed: Error',
      cause: Object.assign(new TypeError('fetch failed'), { cause: new Error('bad port') }),
    });
    expect(toAdminApiError(badPort, 'GET /v1/organizations/me').message).toBe(
      'Connection to 127.0.0.1:9 failed: bad port',
    );
    const refused = new APIConnectionError({
      message: 'Connection to 127.0.0.1:5 failed: ECONNREFUSED',
      cause: Object.assign(new TypeError('fetch failed'), {
        cause: Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5'), { code: 'ECONNREFUSED' }),
      }),
    });
    expect(toAdminApiError(refused, 'GET /v1/organizations/me').message).toBe(
      'Connection to 127.0.0.1:5 failed: ECONNREFUSED (connection refused)',
    );
  });

  it('are listed once in a sync summary, retries counted, and not under the line that stopped the sync', () => {
    const refused = 'Connection to 127.0.0.1:5 failed: ECONNREFUSED (connection refused)';
    const problem = (resource: string, message: string) => ({
      resource,
      kind: 'network' as const,
      endpoint: 'GET /v1/organizations/me',
      status: null,
      requestId: null,
      message,
    });
    const summary: SyncSummary = {
      status: 'failed',
      requests: 6,
      rows: 0,
      events: 0,
      durationMs: 1000,
      startedAtMs: 0,
      resources: [
        { resource: 'organization', status: 'error', pages: 0, rows: 0, events: 0, detail: `network: ${refused}` },
      ],
      problems: [
        problem('organization', refused),
        problem('organization', refused),
        problem('organization', refused),
        problem('users', 'Server error'),
        problem('users', 'Server error'),
      ],
      detail: `organization failed: network on GET /v1/organizations/me: ${refused}`,
    };
    const text = describeSummary(summary, 'acme');
    expect(count(text, refused)).toBe(0); // its own resource line says it (sync-display.ts)
    expect(text).toContain('Stopped: nothing after organization was synced');
    expect(text).toContain('  users: Server error (2 attempts)\n');
  });

  it('reach the terminal once from `clade-admin sync`, naming host and cause', async () => {
    const port = await closedPort();
    const dataDir = mkdtempSync(join(tmpdir(), 'cli-conn-'));
    try {
      const result = await runBuiltCli(['--data-dir', dataDir, '--base-url', `http://127.0.0.1:${port}`, 'sync'], {
        ANTHROPIC_ADMIN_KEY: `sk-ant-admin01-${'x'.repeat(93)}`,
      });
      expect(result.code).toBe(1);
      const said = `Connection to 127.0.0.1:${port} failed: ECONNREFUSED (connection refused)`;
      expect(count(result.stderr, said), result.stderr).toBe(1);
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 60_000);
});
