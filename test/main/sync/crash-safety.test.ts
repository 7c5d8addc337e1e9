import { spawn } from 'node:child_process';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type RunningSandbox } from '../../../main/sandbox/index';
import { createAdminApi } from '../../../main/adapters/anthropic/admin-api';
import { openMirror } from '../../../main/db/open';
import { syncMirror } from '../../../main/services/sync/sync-mirror';
import { tempMirrorFile } from './sandbox-helpers';
import { MIRRORED_TABLES, snapshotMirror } from './mirror-snapshot';

const CHILD = join(__dirname, 'crash-child.ts');
const HISTORY_DAYS = 30;
const KILLS = 22;

function runChild(sandbox: RunningSandbox, file: string, nowMs: number, killAfterMs: number | null) {
  return new Promise<{ killed: boolean; summary: { status: string } | null }>((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', CHILD, sandbox.url, sandbox.adminKey, file, String(nowMs), String(HISTORY_DAYS)],
      {
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let out = '';
    let err = '';
    let timer: NodeJS.Timeout | null = null;
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      // Start the kill timer at the first sign of sync work, so kills land inside the sync, not in start-up.
      if (killAfterMs != null && !timer && out.includes('progress'))
        timer = setTimeout(() => child.kill('SIGKILL'), killAfterMs);
    });
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.on('error', reject);
    child.on('exit', (_code, signal) => {
      if (timer) clearTimeout(timer);
      const line = out.split('\n').find((l) => l.startsWith('summary '));
      if (signal !== 'SIGKILL' && !line) reject(new Error(`child failed: ${err.slice(-2000)}`));
      resolve({
        killed: signal === 'SIGKILL',
        summary: line ? (JSON.parse(line.slice(8)) as { status: string }) : null,
      });
    });
  });
}

describe('crash safety: SIGKILL at random points of a mid-size sync', () => {
  let sandbox: RunningSandbox;
  let nowMs: number;
  /** How long the uninterrupted sync took: kills land inside it, however fast this machine syncs. */
  let referenceMs: number;
  const crashed = tempMirrorFile();
  const reference = tempMirrorFile();

  beforeAll(async () => {
    // A still clock and no seeded events: the org must not change while the syncs are being killed.
    sandbox = await startSandbox({
      size: 'mid',
      seed: 21,
      port: 0,
      now: new Date('2026-11-18T09:27:41Z'),
      freezeClock: true,
      seededEvents: false,
    });
    nowMs = sandbox.clock.nowMs();
    // The reference: the same sync, never interrupted.
    const db = openMirror(reference.file);
    const started = performance.now();
    const summary = await syncMirror(
      db,
      createAdminApi({ apiKey: sandbox.adminKey, baseURL: sandbox.url, maxRetries: 0 }),
      {
        clock: { now: () => nowMs, sleep: async () => undefined },
        full: true,
        historyDays: HISTORY_DAYS,
        requestsPerMinute: null,
      },
    );
    referenceMs = performance.now() - started;
    db.close();
    expect(summary.status).toBe('ok');
  }, 240_000);

  afterAll(async () => {
    crashed.cleanup();
    reference.cleanup();
    await sandbox.close();
  });

  it(`resumes after ${KILLS} kills without corruption, loss or duplicates`, async () => {
    // A seeded sequence of kill delays (ms after the first progress line) so a failure can be replayed.
    let seed = 0x5eed;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    let kills = 0;
    let maxDelayMs = Math.min(2500, referenceMs * 0.8);
    for (let attempt = 0; kills < KILLS && attempt < KILLS * 3; attempt++) {
      // Within the first 80 % of a whole sync (at most 2.5 s). A resumed sync has less left to do, so when a child
      // finishes before its kill, later kills come sooner: a faster machine or sync still gets its kills.
      const result = await runChild(sandbox, crashed.file, nowMs, Math.floor(random() * maxDelayMs));
      if (result.killed) kills += 1;
      else maxDelayMs = Math.max(20, maxDelayMs / 2);
      const db = new Database(crashed.file, { readonly: true });
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      db.close();
    }
    expect(kills).toBe(KILLS);

    const final = await runChild(sandbox, crashed.file, nowMs, null);
    expect(final.summary?.status).toBe('ok');

    const db = new Database(crashed.file, { readonly: true });
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(db.prepare('SELECT count(*) AS n FROM sync_passes').get()).toEqual({ n: 0 });
    // Nothing changed in the org, so however often the passes were cut, no journal event may appear.
    const events = db.prepare('SELECT run_id, resource, entity_key, kind, detail_json FROM journal_events').all();
    expect(events, JSON.stringify(events.slice(0, 10))).toEqual([]);
    db.close();

    const got = snapshotMirror(crashed.file);
    const want = snapshotMirror(reference.file);
    for (const table of Object.keys(MIRRORED_TABLES)) {
      expect(got[table]!.length, `${table} row count`).toBe(want[table]!.length);
      expect(got[table], table).toEqual(want[table]);
    }
    expect(want.usage_hourly!.length).toBeGreaterThan(1000);
  }, 600_000);
});
