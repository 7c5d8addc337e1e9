/**
 * A second `clade-admin demo` regenerates the same demo org (services/demo/demo-sandbox.ts), so its sync finds
 * nothing to journal. Before, every timestamp of the org had moved by the time between the runs and 39 fake changes
 * ("created_at_ms: 1784577647773 → 1784577651604") joined the trail.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runBuiltCli } from '../../helpers/built-cli';

interface TrailEvent {
  id: number;
  type: string;
  summary: string;
}

async function journalTrail(dataDir: string): Promise<TrailEvent[]> {
  const r = await runBuiltCli([
    '--data-dir',
    dataDir,
    '--profile',
    'demo',
    '--json',
    'audit',
    'search',
    'source:journal',
  ]);
  expect(r.code, r.stderr).toBe(0);
  return (JSON.parse(r.stdout) as { events: TrailEvent[] }).events;
}

function journalRows(dataDir: string): number {
  const db = new Database(join(dataDir, 'profiles', 'demo', 'mirror.sqlite'), { readonly: true });
  try {
    return db.prepare('SELECT count(*) FROM journal_events').pluck().get() as number;
  } finally {
    db.close();
  }
}

describe('clade-admin demo, run twice', () => {
  let dataDir: string;
  let first: TrailEvent[];
  let firstRows: number;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'clade-demo-rerun-'));
    const run = await runBuiltCli(['--data-dir', dataDir, 'demo', '--json']);
    expect(run.code, run.stderr).toBe(0);
    first = await journalTrail(dataDir);
    firstRows = journalRows(dataDir);
  }, 60_000);

  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('journals the demo’s scripted changes on the first run (the journal works)', () => {
    expect(first.map((e) => e.type).sort()).toEqual([
      'api_key.changed',
      'api_key.created',
      'invite.created',
      'user.changed',
    ]);
  });

  it('keeps the journal silent on a second `demo`', async () => {
    const again = await runBuiltCli(['--data-dir', dataDir, 'demo', '--json']);
    expect(again.code, again.stderr).toBe(0);
    expect(journalRows(dataDir)).toBe(firstRows);
    const trail = await journalTrail(dataDir);
    expect(trail.filter((e) => /_at_ms/.test(e.summary))).toEqual([]);
    expect(trail).toEqual(first);
  }, 60_000);
});
