import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { PassThrough } from 'node:stream';
import Database from 'better-sqlite3';
import { StorageError } from '../../../main/core/storage-error';
import { Command, CommanderError } from 'commander';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { registerAuditCommands } from '../../../main/cli/commands/audit';
import { resolveContext, type GlobalOptions } from '../../../main/cli/context';
import { CliError } from '../../../main/cli/errors';
import type { CliIO } from '../../../main/cli/io';
import { mirrorFile } from '../../../main/adapters/data-dir';
import { createProfilesFile } from '../../../main/adapters/profiles-file';
import { appendAuditEvents } from '../../../main/db/audit/append';
import { up } from '../../../main/db/migrations/0100-create-audit-trail';
import { migration as trailMarker } from '../../../main/db/migrations/0360-create-audit-trail-marker';
import { localDraft } from '../db/audit/audit-db';
import { NO_SEAL } from '../../../main/core/audit/seal';

let dataDir: string;
let file: string;

/**
 * The mirror as the app leaves it, but with only the audit tables: the commands' db access is injected, and so is the
 * seal (none: these trails stay plain SHA-256, and no test reaches for the OS keychain; audit-seal.test.ts seals).
 */
const deps = {
  async openDb(path: string, opts: { readonly: boolean }) {
    return new Database(path, { readonly: opts.readonly, fileMustExist: true });
  },
  seal: async () => NO_SEAL,
};

beforeEach(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'audit-cli-'));
  file = mirrorFile(dataDir, 'default');
  mkdirSync(dirname(file), { recursive: true });
  const db = new Database(file);
  up(db);
  trailMarker.up(db);
  appendAuditEvents(db, [
    localDraft(1, {
      source: 'journal',
      type: 'api_key.created',
      externalId: 'j1',
      keyId: 'apikey_01',
      summary: 'API key “deploy” (apikey_01) appeared',
    }),
    localDraft(2, { summary: 'changed the retention setting' }),
    localDraft(3, {
      source: 'journal',
      type: 'user.changed',
      externalId: 'j3',
      summary: 'User “Ada” changed: role: developer → admin',
    }),
  ]);
  db.close();
});
afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

/** Runs `clade-admin <args>` with only the audit commands, the way main/cli/run.ts maps errors to exit codes. */
async function cli(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const io: CliIO = {
    stdout: { write: (t: string) => (stdout += t) },
    stderr: { write: (t: string) => (stderr += t) },
    stdin: new PassThrough(),
    env: {},
  };
  const program = new Command('clade-admin')
    .option('--data-dir <dir>')
    .option('--profile <id>')
    .option('--base-url <url>')
    .option('--json')
    .configureOutput({ writeOut: (t) => (stdout += t), writeErr: (t) => (stderr += t) })
    .exitOverride();
  registerAuditCommands(program, () => resolveContext(program.optsWithGlobals<GlobalOptions>(), io), deps);
  try {
    await program.parseAsync(['--data-dir', dataDir, ...args], { from: 'user' });
    return { code: 0, stdout, stderr };
  } catch (error) {
    if (error instanceof CliError) return { code: error.exitCode, stdout, stderr: stderr + error.message };
    if (error instanceof CommanderError) return { code: 2, stdout, stderr };
    if (error instanceof StorageError) return { code: 3, stdout, stderr: stderr + error.message };
    throw error;
  }
}

describe('clade-admin audit', () => {
  it('search --json lists everything newest first for an empty query, and pages with --cursor', async () => {
    const all = await cli('--json', 'audit', 'search');
    expect(all.code).toBe(0);
    expect(JSON.parse(all.stdout).events.map((e: { id: number }) => e.id)).toEqual([3, 2, 1]);

    const first = JSON.parse((await cli('audit', 'search', '--limit', '2', '--json')).stdout);
    expect(first.events).toHaveLength(2);
    const rest = JSON.parse(
      (await cli('audit', 'search', '--limit', '2', '--cursor', first.nextCursor, '--json')).stdout,
    );
    expect(rest.events.map((e: { id: number }) => e.id)).toEqual([1]);
    expect(rest.nextCursor).toBeNull();
  });

  it('search takes free text and qualifiers as several words', async () => {
    const result = await cli('--json', 'audit', 'search', 'source:journal', 'role');
    expect(JSON.parse(result.stdout)).toMatchObject({ query: 'source:journal role', events: [{ id: 3 }] });
    const text = await cli('audit', 'search', 'deploy');
    expect(text.stdout).toContain('API key “deploy” (apikey_01) appeared');
  });

  it('a bad query is a usage error (exit 2) with the reason', async () => {
    const result = await cli('audit', 'search', 'after:2026-02-30');
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('YYYY-MM-DD');
  });

  it('export writes the file and records the export in the trail', async () => {
    const out = join(dataDir, 'trail.jsonl');
    const result = await cli('--json', 'audit', 'export', 'source:journal', '--format', 'jsonl', '--out', out);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ count: 2, format: 'jsonl', file: out });
    expect(
      readFileSync(out, 'utf8')
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l).id),
    ).toEqual([3, 1]);
    const recorded = JSON.parse((await cli('--json', 'audit', 'search', 'type:export.created')).stdout).events;
    expect(recorded[0].after).toMatchObject({ query: 'source:journal', format: 'jsonl', count: 2 });
  });

  it('export refuses a format it does not know', async () => {
    expect((await cli('audit', 'export', '--format', 'xml', '--out', join(dataDir, 'x'))).code).toBe(2);
  });

  it('verify passes on an untouched trail and exits 1 naming the event after tampering', async () => {
    const ok = await cli('audit', 'verify');
    expect(ok.code).toBe(0);
    expect(ok.stdout).toContain('3 events verified');

    const raw = new Database(file);
    raw.exec('DROP TRIGGER audit_events_no_update');
    raw.prepare("UPDATE audit_events SET summary = 'nothing happened' WHERE id = 2").run();
    raw.close();
    const broken = await cli('audit', 'verify', '--json');
    expect(broken.code).toBe(1);
    expect(JSON.parse(broken.stdout)).toMatchObject({ ok: false, problem: { kind: 'hash-mismatch', eventId: 2 } });
    expect(broken.stderr).toContain('event 2');
  });

  it('purge --keep-days removes old events and verify still passes', async () => {
    const result = await cli('--json', 'audit', 'purge', '--keep-days', '1');
    expect(JSON.parse(result.stdout)).toMatchObject({ removed: 3, anchor: { throughId: 3 } });
    expect((await cli('audit', 'verify')).code).toBe(0);
  });

  it('a profile without a mirror has an empty trail', async () => {
    createProfilesFile(dataDir).add({ id: 'other' }, Date.parse('2026-12-01T00:00:00Z')); // known, never synced
    const result = await cli('--profile', 'other', '--json', 'audit', 'search');
    expect(JSON.parse(result.stdout).events).toEqual([]);
    expect((await cli('--profile', 'other', 'audit', 'verify')).code).toBe(0);
  });
});

describe('clade-admin audit reset-head', () => {
  it('re-establishes a lost head for an intact chain, and records that it did', async () => {
    rmSync(`${file}.audit-head.json`);
    expect((await cli('audit', 'verify')).code).toBe(1);
    const reset = await cli('audit', 'reset-head', '--reason', 'restored from backup');
    expect(reset.code).toBe(0);
    expect((await cli('audit', 'verify')).code).toBe(0);
    const events = JSON.parse((await cli('--json', 'audit', 'search', 'type:audit.head-reset')).stdout).events;
    expect(events[0]).toMatchObject({ before: { head: null }, after: { count: 3, reason: 'restored from backup' } });
  });

  it('refuses when the chain itself is broken', async () => {
    const raw = new Database(file);
    raw.exec('DROP TRIGGER audit_events_no_update');
    raw.prepare("UPDATE audit_events SET summary = 'x' WHERE id = 1").run();
    raw.close();
    const reset = await cli('audit', 'reset-head', '--reason', 'hide it');
    expect(reset.code).toBe(1);
    expect(reset.stderr).toContain('event 1');
  });
});

describe('clade-admin audit verify notices what is missing', () => {
  const headPath = () => `${file}.audit-head.json`;
  /** Every event deleted through the purge guard, as a sqlite3 shell can without dropping a trigger. */
  function deleteEveryEvent(): void {
    const raw = new Database(file);
    raw.exec('UPDATE audit_purge_guard SET through_id = 1000000 WHERE id = 1; DELETE FROM audit_events;');
    raw.exec('UPDATE audit_purge_guard SET through_id = NULL WHERE id = 1');
    raw.close();
  }

  it('fails (exit 1) when every event and the head file are deleted, naming both and what to do', async () => {
    deleteEveryEvent();
    rmSync(headPath());
    const result = await cli('audit', 'verify');
    expect(result.code).toBe(1);
    expect(result.stdout).not.toContain('OK');
    expect(result.stderr).toContain('none of its events and the external chain head file is missing too');
    expect(result.stderr).toContain(`Restore the mirror ${file} and its head ${headPath()} together from a backup`);
    expect(result.stderr).toContain('clade-admin key remove --delete-mirror');
  });

  it('fails when the head file alone is deleted, pointing at the documented head reset', async () => {
    rmSync(headPath());
    const result = await cli('--profile', 'default', 'audit', 'verify');
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('external chain head file is missing');
    expect(result.stderr).toContain('clade-admin --profile default audit reset-head --reason');
  });

  it('fails when the mirror is gone but its head file is left', async () => {
    for (const suffix of ['', '-wal', '-shm']) rmSync(`${file}${suffix}`, { force: true });
    const result = await cli('audit', 'verify');
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`the mirror ${file} is missing, but its audit head ${headPath()} is there`);
  });

  it('fails when the data folder or the profile folder is a file: nothing could be read, so nothing is OK', async () => {
    const notAFolder = join(dataDir, 'data-file');
    writeFileSync(notAFolder, 'x');
    const result = await cli('--data-dir', notAFolder, 'audit', 'verify');
    expect(result.code).toBe(3);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain(`the data folder ${notAFolder} is a file, not a folder`);
    const profileFolder = dirname(mirrorFile(dataDir, 'filed'));
    mkdirSync(dirname(profileFolder), { recursive: true });
    writeFileSync(profileFolder, 'x');
    const filed = await cli('--profile', 'filed', 'audit', 'verify');
    expect(filed.code).toBe(3);
    expect(filed.stderr).toContain(`${profileFolder}, on the way to ${mirrorFile(dataDir, 'filed')}, is a file`);
  });

  it('a fresh profile that never had a trail still verifies OK with 0 events', async () => {
    const fresh = mirrorFile(dataDir, 'fresh');
    mkdirSync(dirname(fresh), { recursive: true });
    const db = new Database(fresh);
    up(db);
    trailMarker.up(db);
    db.close();
    const result = await cli('--profile', 'fresh', 'audit', 'verify');
    expect(result).toMatchObject({ code: 0, stdout: 'Audit trail OK: 0 events verified, chain of 0 events.\n' });
  });
});
