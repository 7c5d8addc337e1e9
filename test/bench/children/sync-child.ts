/**
 * Child process of the sync scenarios (its peak RSS is the `memory` figure, so nothing else runs in it).
 *   sync  <url> <key> <mirror> <historyDays> <callsFile>: full sync into a new mirror, then an idle sync; records
 *         the full sync's API calls to <callsFile>.
 *   fetch <url> <key> <callsFile>: the fetch-only baseline: the same calls through the SDK adapter, pages discarded.
 * Prints one JSON line.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { createAdminApi } from '../../../main/adapters/anthropic/admin-api';
import { openMirror } from '../../../main/db/open';
import { syncMirror } from '../../../main/services/sync/sync-mirror';
import { recordingApi, replayCalls, type RecordedCall } from '../lib/recording-api';

const rssKbNow = (): number => Math.round(process.memoryUsage().rss / 1024);
/** CPU (user + system) of this whole process, every thread included, since `from`. */
const cpuMsSince = (from: NodeJS.CpuUsage): number => {
  const used = process.cpuUsage(from);
  return (used.user + used.system) / 1000;
};

async function main(): Promise<void> {
  const [mode, url, key, ...rest] = process.argv.slice(2);
  if (!url || !key) throw new Error('usage: sync-child sync|fetch <url> <key> …');
  const api = createAdminApi({ apiKey: key, baseURL: url });
  const startRssKb = rssKbNow();
  if (mode === 'sync') {
    const [mirror, historyDays, callsFile] = rest;
    const db = openMirror(mirror!);
    const calls: RecordedCall[] = [];
    const started = performance.now();
    const cpuFrom = process.cpuUsage();
    const full = await syncMirror(db, recordingApi(api, calls), {
      requestsPerMinute: null,
      historyDays: Number(historyDays),
    });
    const fullMs = performance.now() - started;
    const fullCpuMs = cpuMsSince(cpuFrom);
    const fullMaxRssKb = process.resourceUsage().maxRSS;
    const idleStarted = performance.now();
    const idle = await syncMirror(db, api, { requestsPerMinute: null, historyDays: Number(historyDays) });
    const idleMs = performance.now() - idleStarted;
    db.close();
    writeFileSync(callsFile!, JSON.stringify(calls));
    const brief = (s: typeof full, ms: number, cpuMs: number | null) => ({
      ms,
      cpuMs,
      status: s.status,
      requests: s.requests,
      rows: s.rows,
      detail: s.detail,
    });
    process.stdout.write(
      `${JSON.stringify({ full: brief(full, fullMs, fullCpuMs), idle: brief(idle, idleMs, null), startRssKb, fullMaxRssKb })}\n`,
    );
  } else if (mode === 'fetch') {
    const calls = JSON.parse(readFileSync(rest[0]!, 'utf8')) as RecordedCall[];
    const started = performance.now();
    const cpuFrom = process.cpuUsage();
    const { pages, refused } = await replayCalls(api, calls);
    const ms = performance.now() - started;
    const cpuMs = cpuMsSince(cpuFrom);
    process.stdout.write(
      `${JSON.stringify({ ms, cpuMs, requests: api.requestCount(), pages, refused, startRssKb, maxRssKb: process.resourceUsage().maxRSS })}\n`,
    );
  } else {
    throw new Error(`unknown mode ${mode}`);
  }
}

main().catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exit(1);
});
