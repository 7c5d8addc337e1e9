/**
 * The CLI as shell pipelines use it: a reader that stops early (`| head`) ends it quietly, and a query it cannot
 * read is refused with what it does read.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mirrorFile } from '../../../main/adapters/data-dir';
import { appendAuditEvents } from '../../../main/db/audit/append';
import { openMirror } from '../../../main/db/open';
import { ensureBuiltCli, runBuiltCli } from '../../helpers/built-cli';
import { localDraft } from '../db/audit/audit-db';

let dataDir: string;

beforeAll(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'cli-pipes-'));
  const file = mirrorFile(dataDir, 'default');
  mkdirSync(dirname(file), { recursive: true });
  const db = openMirror(file);
  // Far more than a pipe holds (64 KiB): the CLI is still writing when the reader leaves.
  appendAuditEvents(
    db,
    Array.from({ length: 2000 }, (_, i) => localDraft(i + 1, { summary: `changed setting number ${i}` })),
  );
  db.close();
});
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

describe('clade-admin in a pipeline', () => {
  it('ends quietly with exit code 0 when the reader closes the pipe early (| head)', async () => {
    const child = spawn(
      process.execPath,
      [ensureBuiltCli(), '--data-dir', dataDir, 'audit', 'search', '--limit', '1000'],
      {
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let stderr = '';
    let lines = '';
    child.stderr.on('data', (d) => (stderr += d));
    child.stdout.once('data', (d) => {
      lines += d;
      child.stdout.destroy(); // what `head` does once it has its lines
    });
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(lines).toMatch(/changed setting number 1999/);
    expect(stderr).not.toMatch(/EPIPE|Error|\n\s+at /);
    expect(code).toBe(0);
  }, 30_000);

  it('refuses an unknown qualifier with exit code 2, naming the known ones', async () => {
    const result = await runBuiltCli(['--data-dir', dataDir, 'audit', 'search', 'actr:ada']);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('unknown qualifier "actr:"; the known ones are actor: type: workspace: key:');
  }, 30_000);
});
