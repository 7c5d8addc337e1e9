/**
 * Child process of the crash-safety test: one full sync of a sandbox into a mirror file, at a fixed clock, its pages
 * written by the write worker.
 * Prints "progress" lines while it works and one "summary <json>" line at the end. The parent SIGKILLs it at
 * random points. Args: url adminKey mirrorFile nowMs historyDays
 */
import { createAdminApi } from '../../../main/adapters/anthropic/admin-api';
import { openMirror } from '../../../main/db/open';
import { syncMirror } from '../../../main/services/sync/sync-mirror';

async function main(): Promise<void> {
  const [url, adminKey, file, nowMs, historyDays] = process.argv.slice(2);
  const db = openMirror(file!);
  const summary = await syncMirror(db, createAdminApi({ apiKey: adminKey!, baseURL: url!, maxRetries: 2 }), {
    clock: { now: () => Number(nowMs), sleep: (ms) => new Promise((r) => setTimeout(r, Math.min(ms, 50))) },
    full: true,
    historyDays: Number(historyDays),
    requestsPerMinute: null,
    lock: { holder: 'crash-child', waitMs: 10_000, pollMs: 50 },
    // Pages are written by the sync's write worker, as in the app and the CLI (the reference sync writes inline).
    writer: 'worker',
    onProgress: (p) => process.stdout.write(`progress ${p.resource} ${p.page}\n`),
  });
  db.close();
  // Exit at once: idle keep-alive sockets would otherwise hold the process open for seconds.
  process.stdout.write(`summary ${JSON.stringify(summary)}\n`, () => process.exit(0));
}

void main();
