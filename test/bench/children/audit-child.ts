/**
 * Child process of the audit scenarios.
 *   build  <mirror> <count> <endMs> [verify]: writes the fixture (product chain and FTS expressions, bulk inserts);
 *          with `verify`, checks it with the product's `verifyAuditChain`: a fixture that does not verify is an error.
 *   export <mirror> <out.csv>: streams a CSV export of every event (`streamAuditExport`) while sampling RSS; its
 *          peak growth over the RSS just before the export is the `audit-export` figure.
 * Prints one JSON line.
 */
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { streamAuditExport } from '../../../main/db/audit/export';
import { verifyAuditChain } from '../../../main/db/audit/verify';
import { openMirror } from '../../../main/db/open';
import { buildAuditFixture } from '../lib/audit-fixture';

async function exportCsv(mirror: string, outFile: string): Promise<void> {
  const db = openMirror(mirror, { readonly: true });
  const out = createWriteStream(outFile);
  await once(out, 'open');
  global.gc?.();
  const beforeKb = Math.round(process.memoryUsage().rss / 1024);
  let peakKb = beforeKb;
  const sampler = setInterval(() => (peakKb = Math.max(peakKb, Math.round(process.memoryUsage().rss / 1024))), 10);
  const started = performance.now();
  const { count } = await streamAuditExport(db, { query: '', format: 'csv' }, out);
  out.end();
  await once(out, 'finish');
  const ms = performance.now() - started;
  clearInterval(sampler);
  peakKb = Math.max(peakKb, Math.round(process.memoryUsage().rss / 1024));
  db.close();
  process.stdout.write(
    `${JSON.stringify({ count, ms, beforeKb, peakKb, maxRssKb: process.resourceUsage().maxRSS, bytes: out.bytesWritten })}\n`,
  );
}

async function main(): Promise<void> {
  const [mode, mirror, ...rest] = process.argv.slice(2);
  if (mode === 'build') {
    const built = buildAuditFixture(mirror!, Number(rest[0]), Number(rest[1]));
    if (rest[2] !== 'verify') {
      process.stdout.write(`${JSON.stringify({ ...built, verifyMs: null })}\n`);
      return;
    }
    const verifyStarted = performance.now();
    const db = openMirror(mirror!, { readonly: true });
    const verdict = verifyAuditChain(db, { headPath: null });
    db.close();
    if (!verdict.ok || verdict.checked !== Number(rest[0]))
      throw new Error(`fixture does not verify: ${JSON.stringify(verdict).slice(0, 500)}`);
    process.stdout.write(`${JSON.stringify({ ...built, verifyMs: performance.now() - verifyStarted })}\n`);
  } else if (mode === 'export') {
    await exportCsv(mirror!, rest[0]!);
  } else {
    throw new Error(`unknown mode ${mode}`);
  }
}

main().catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exit(1);
});
