/**
 * The metrics endpoint over the mid org (in process: the same server and snapshot the CLI serves): promtool accepts
 * its text, its tokens are the `report usage` figures, its workspace labels are unique, its spend equals the
 * overview's; and the --sync-every loop counts its sync's requests, records the alerts, and calls `afterCycle` (the
 * hook for webhook delivery) after them, one cycle at a time.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openEpisodes } from '../../../main/core/alerts/index';
import { loadEpisodes } from '../../../main/db/alerts/index';
import { readOverview } from '../../../main/db/queries/overview';
import { queryReport, type UsageRow } from '../../../main/db/queries/report-query';
import { openDemoOrg, type DemoOrg } from '../../../main/services/demo/demo-org';
import { startMetricsServer, type RunningMetricsServer } from '../../../main/services/metrics/metrics-server';
import { readMetricsSnapshot, type ProcessCounters } from '../../../main/services/metrics/metrics-snapshot';
import { startMetricsSyncLoop, type MetricsCycleResult } from '../../../main/services/metrics/metrics-sync-loop';
import { renderPrometheusText } from '../../../main/services/metrics/prometheus-text';
import type { SyncSummary } from '../../../main/services/sync/sync-mirror';
import { parsePrometheusText, promtool, sampleOf, sumOf } from './prom-helpers';

/** Polls until `done` holds (at most 10 s): timers on a loaded two-core machine are late, never early. */
async function until(done: () => boolean): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (!done()) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

describe('the metrics endpoint over the mid org', () => {
  const root = mkdtempSync(join(tmpdir(), 'clade-metrics-mid-'));
  let org: DemoOrg;
  let server: RunningMetricsServer;
  const counters: ProcessCounters = { syncRequests: 0 };
  const scrape = async () => {
    const response = await fetch(server.url);
    expect(response.status).toBe(200);
    return response.text();
  };

  beforeAll(async () => {
    org = await openDemoOrg({ mirrorFile: join(root, 'mirror.sqlite'), size: 'mid' });
    server = await startMetricsServer({
      host: '127.0.0.1',
      port: 0,
      token: null,
      render: () => renderPrometheusText(readMetricsSnapshot(org.db, Date.now(), counters)),
    });
  }, 60_000);
  afterAll(async () => {
    await server?.close();
    await org?.close();
    rmSync(root, { recursive: true, force: true });
  });

  it('serves text promtool check metrics accepts, with one series per workspace', async () => {
    const body = await scrape();
    const checked = await promtool(['check', 'metrics'], body);
    expect(checked.output).toBe('');
    expect(checked.code).toBe(0);
    const samples = parsePrometheusText(body);
    const workspaces = samples.filter((s) => s.name === 'clade_admin_spend_month_to_date_usd');
    expect(workspaces.length).toBeGreaterThan(5);
    expect(new Set(workspaces.map((s) => s.labels.workspace)).size).toBe(workspaces.length);
    const overview = readOverview(org.db, Date.now());
    expect(sampleOf(samples, 'clade_admin_spend_month_to_date_usd', { workspace: '' })).toBeCloseTo(
      Number(overview.monthToDateCents) / 100,
      6,
    );
    const top = overview.byWorkspace[0]!;
    expect(sampleOf(samples, 'clade_admin_spend_month_to_date_usd', { workspace: top.name })).toBeCloseTo(
      Number(top.cents) / 100,
      6,
    );
  });

  it('forecasts each workspace: never below its spend so far, never past its spend limit', async () => {
    const samples = parsePrometheusText(await scrape());
    const forecasts = samples.filter(
      (s) => s.name === 'clade_admin_spend_forecast_month_end_usd' && s.labels.workspace !== '',
    );
    expect(forecasts.length).toBeGreaterThan(5);
    let capped = 0;
    for (const { labels, value } of forecasts) {
      const spent = sampleOf(samples, 'clade_admin_spend_month_to_date_usd', { workspace: labels.workspace! });
      expect(value).toBeGreaterThanOrEqual(spent - 1e-9);
      const limit = samples.find(
        (s) => s.name === 'clade_admin_spend_limit_usd' && s.labels.workspace === labels.workspace,
      );
      if (limit === undefined) continue;
      expect(value).toBeLessThanOrEqual(Math.max(limit.value, spent) + 1e-9);
      capped += 1;
    }
    expect(capped).toBeGreaterThan(0);
  });

  it('counts the tokens `report usage --group-by model` sums over the last 30 days', async () => {
    const samples = parsePrometheusText(await scrape());
    const to = new Date().toISOString().slice(0, 10);
    const from = new Date(Date.parse(`${to}T00:00:00Z`) - 29 * 86_400_000).toISOString().slice(0, 10);
    const report = queryReport(org.db, { kind: 'usage', from, to, groupBy: 'model' });
    expect(report.rows.length).toBeGreaterThan(1);
    for (const row of report.rows as UsageRow[]) {
      const ofModel = (type: string) =>
        sumOf(samples, 'clade_admin_tokens', (l) => l.model === row.model && l.type === type);
      expect(ofModel('uncached_input')).toBe(row.uncached_input_tokens);
      expect(ofModel('cache_read')).toBe(row.cache_read_input_tokens);
      expect(ofModel('cache_creation_1h')).toBe(row.cache_creation.ephemeral_1h_input_tokens);
      expect(ofModel('output')).toBe(row.output_tokens);
    }
  });

  it('runs sync cycles one at a time: requests counted, alerts recorded, then afterCycle', async () => {
    const calls: string[] = [];
    const seen: MetricsCycleResult[] = [];
    let release: () => void = () => undefined;
    const sync = async (): Promise<SyncSummary> => {
      calls.push('sync');
      // The second cycle waits here until the test lets it go: no third cycle may start meanwhile.
      if (calls.filter((c) => c === 'sync').length === 2) await new Promise<void>((resolve) => (release = resolve));
      return { ...org.summary, requests: 7 };
    };
    const loop = startMetricsSyncLoop({
      db: org.db,
      everyMs: 10,
      sync,
      timeZone: 'UTC',
      counters,
      afterCycle: (result) => {
        calls.push('afterCycle');
        seen.push(result);
      },
    });
    await loop.current();
    expect(calls).toEqual(['sync', 'afterCycle']);
    expect(counters.syncRequests).toBe(7);
    const recorded = seen[0]!.alerts;
    expect(recorded.recorded).toBe(true);
    // What the hook gets is what the mirror now holds as open.
    const open = recorded.cycle.reconciliation.episodes.filter((e) => e.closedAtMs === null);
    expect(open.length).toBeGreaterThan(0);
    expect(open.map((e) => e.id).sort()).toEqual(
      openEpisodes(loadEpisodes(org.db))
        .map((e) => e.id)
        .sort(),
    );
    const samples = parsePrometheusText(await scrape());
    expect(sampleOf(samples, 'clade_admin_sync_requests_total')).toBe(7);

    await until(() => calls.length === 3);
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(calls).toEqual(['sync', 'afterCycle', 'sync']);
    const stopped = loop.stop();
    release();
    await stopped;
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(calls).toEqual(['sync', 'afterCycle', 'sync', 'afterCycle']);
    expect(counters.syncRequests).toBe(14);
  });

  it('reports a failed cycle and goes on', async () => {
    const errors: unknown[] = [];
    let runs = 0;
    const loop = startMetricsSyncLoop({
      db: org.db,
      everyMs: 5,
      sync: async () => {
        runs += 1;
        if (runs === 1) throw new Error('the Admin API is down');
        return { ...org.summary, requests: 1 };
      },
      timeZone: 'UTC',
      counters: { syncRequests: 0 },
      onError: (error) => errors.push(error),
    });
    await until(() => runs > 1);
    await loop.stop();
    expect(errors).toHaveLength(1);
    expect(runs).toBeGreaterThan(1);
  });
});
