/**
 * `serve-metrics --sync-every` on a data folder with nothing synced: it prints its URL at once, answers 503 until its
 * first sync (the demo profile's built-in sandbox) has made a mirror, then serves the synced org with this process's
 * request count, posts the cycle's due alerts to the team webhook of --webhook-file (which a later `check` with the
 * same webhook does not post again), and stops cleanly on SIGTERM.
 */
import { once } from 'node:events';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runBuiltCli, startBuiltCli } from '../../helpers/built-cli';
import { startWebhookReceiver } from '../../helpers/webhook-receiver';
import { parsePrometheusText, promtool, sampleOf, waitFor } from './prom-helpers';

describe('clade-admin serve-metrics --sync-every', () => {
  const root = mkdtempSync(join(tmpdir(), 'clade-metrics-sync-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('syncs the mirror, serves it with its request count, and stops on SIGTERM', async () => {
    const receiver = await startWebhookReceiver();
    const webhookFile = join(root, 'webhook-url');
    writeFileSync(webhookFile, `${receiver.url}\n`, { mode: 0o600 });
    const webhook = ['--webhook-file', webhookFile, '--webhook-format', 'json'];
    const global = ['--data-dir', join(root, 'data'), '--profile', 'demo'];
    const args = [...global, 'serve-metrics', '--port', '0'];
    const { child, firstLine: url } = await startBuiltCli([...args, '--sync-every', '60', ...webhook]);
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
      // The cycle's open episodes went to the webhook; `check` on the same mirror finds them already posted.
      await waitFor('the webhook posts', async () => (receiver.bodies.length > 0 ? true : null));
      const posted = receiver.bodies.length;
      expect(receiver.bodies.every((body) => (body as { source?: string }).source === 'clade-admin')).toBe(true);
      const check = await runBuiltCli([...global, 'check', ...webhook, '--json']);
      expect(JSON.parse(check.stdout).webhook).toMatchObject({ posted: 0, error: null });
      expect(receiver.bodies).toHaveLength(posted);
    } finally {
      await receiver.close();
      child.kill('SIGTERM');
      const [code] = await once(child, 'close');
      expect(code).toBe(0);
      expect(stderr).toContain('metrics server stopped');
    }
  }, 40_000);
});
