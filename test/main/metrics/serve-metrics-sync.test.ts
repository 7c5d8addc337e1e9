/**
 * `serve-metrics --sync-every` on a data folder with nothing synced: it prints its URL at once, answers 503 until its
 * first sync (the demo profile's built-in sandbox) has made a mirror, then serves the synced org with this process's
 * request count, and stops cleanly on SIGTERM.
 */
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startBuiltCli } from '../../helpers/built-cli';
import { parsePrometheusText, promtool, sampleOf, waitFor } from './prom-helpers';

describe('clade-admin serve-metrics --sync-every', () => {
  const root = mkdtempSync(join(tmpdir(), 'clade-metrics-sync-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('syncs the mirror, serves it with its request count, and stops on SIGTERM', async () => {
    const args = ['--data-dir', join(root, 'data'), '--profile', 'demo', 'serve-metrics', '--port', '0'];
    const { child, firstLine: url } = await startBuiltCli([...args, '--sync-every', '60']);
    let stderr = '';
    child.stderr!.on('data', (d) => (stderr += d));
    try {
      expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/metrics$/);
      const body = await waitFor('the first sync', async () => {
        const response = await fetch(url);
        if (response.status === 503) {
          expect(await response.text()).toMatch(/^metrics unavailable: /);
          return null;
        }
        expect(response.status).toBe(200);
        const text = await response.text();
        // The mirror appears before the sync that fills it ends: wait for the count the finished cycle adds.
        return sampleOf(parsePrometheusText(text), 'clade_admin_sync_requests_total') > 0 ? text : null;
      });
      const samples = parsePrometheusText(body);
      expect(sampleOf(samples, 'clade_admin_spend_month_to_date_usd', { workspace: 'Production' })).toBeGreaterThan(0);
      expect(sampleOf(samples, 'clade_admin_open_alerts', { severity: 'critical' })).toBeGreaterThan(0);
      expect((await promtool(['check', 'metrics'], body)).code).toBe(0);
      expect(stderr).toMatch(/sync ok: \d+ requests, \d+ rows; \d+ open alerts/);
    } finally {
      child.kill('SIGTERM');
      const [code] = await once(child, 'close');
      expect(code).toBe(0);
      expect(stderr).toContain('metrics server stopped');
    }
  }, 40_000);
});
