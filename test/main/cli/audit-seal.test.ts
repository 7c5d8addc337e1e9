/**
 * A cron run (ANTHROPIC_ADMIN_KEY, no keychain) seals its profile's trail in a 0600 file beside the mirror, and the
 * CLI says so: `status` calls the seal file-protected (and too open when it is), `audit verify` names where the chain
 * turns keyed and with what. Commands run in-process with their production mirror and seal access.
 */
import { chmodSync, mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { PassThrough } from 'node:stream';
import { Command } from 'commander';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mirrorFile } from '../../../main/adapters/data-dir';
import { registerAuditCommands } from '../../../main/cli/commands/audit';
import { registerStatusCommand } from '../../../main/cli/commands/status';
import { resolveContext, type GlobalOptions } from '../../../main/cli/context';
import { CliError } from '../../../main/cli/errors';
import type { CliIO } from '../../../main/cli/io';
import { appendAuditEvents } from '../../../main/db/audit/append';
import { openMirror } from '../../../main/db/open';
import { localDraft } from '../db/audit/audit-db';

/** Shaped like an admin key; never sent anywhere (these commands read and write only the mirror). */
const ENV_KEY = 'sk-ant-admin01-cronCRONcronCRONcronCRONcronCRONcronCRONcronCRONcronCRONcronCRONcronCRON-AAAAAA';

let dataDir: string;
let file: string;
beforeEach(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'audit-seal-cli-'));
  file = mirrorFile(dataDir, 'default');
  mkdirSync(dirname(file), { recursive: true });
  const db = openMirror(file);
  appendAuditEvents(db, [localDraft(1), localDraft(2), localDraft(3)]); // a trail from before the seal
  db.close();
});
afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

async function cli(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const io: CliIO = {
    stdout: { write: (t: string) => (stdout += t) },
    stderr: { write: (t: string) => (stderr += t) },
    stdin: new PassThrough(),
    env: { ANTHROPIC_ADMIN_KEY: ENV_KEY },
  };
  const program = new Command('clade-admin').option('--data-dir <dir>').option('--json').exitOverride();
  const context = () => resolveContext(program.optsWithGlobals<GlobalOptions>(), io);
  registerAuditCommands(program, context);
  registerStatusCommand(program, context);
  try {
    await program.parseAsync(['--data-dir', dataDir, ...args], { from: 'user' });
    return { code: 0, stdout, stderr };
  } catch (error) {
    if (error instanceof CliError) return { code: error.exitCode, stdout, stderr: stderr + error.message };
    throw error;
  }
}

describe('the file-protected audit seal of a cron run', () => {
  it('is made 0600 beside the mirror by the first write, and status and verify say where the chain is keyed', async () => {
    expect((await cli('status')).stdout).toMatch(/^Seal {6}audit chain not keyed yet \(plain SHA-256\)/m);
    const out = join(dataDir, 'export.jsonl');
    expect((await cli('audit', 'export', '--format', 'jsonl', '--out', out)).code).toBe(0); // recorded: event 4
    const sealFile = `${file}.audit-seal`;
    expect(statSync(sealFile).mode & 0o777).toBe(0o600);

    const status = await cli('status');
    expect(status.stdout).toContain(
      `Seal      FILE-PROTECTED: audit chain keyed from event 4 with ${sealFile} (mode 600); anyone who can read the data folder can re-seal the trail`,
    );
    expect(JSON.parse((await cli('--json', 'status')).stdout).auditSeal).toEqual({
      store: 'file',
      keyedFromId: 4,
      file: sealFile,
      fileMode: '600',
    });
    expect((await cli('audit', 'verify')).stdout).toBe(
      `Audit trail OK: 4 events verified, chain of 4 events; keyed from event 4 with the file-protected seal ${sealFile}.\n`,
    );

    chmodSync(sealFile, 0o644);
    expect((await cli('status')).stdout).toContain('(mode 644, TOO OPEN: run chmod 600 on it)');
  });
});
