/**
 * The log: every line through the credential redactor, on stderr and in the rotating file. The file transport is
 * electron-log's own (electron-log/node), pointed at a temp folder; no Electron, no initialize().
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { attachLogSink, log, logAt, type LogLevel } from '../../../../main/app/log';
import { LOG_FILE_NAME, openLogFile } from '../../../../main/app/log-file';

// Fake credentials with the real shapes, never real ones.
const SHAPES: Array<[string, string, string]> = [
  ['an admin key', `sk-ant-admin01-TEST${'Ab3_x-Yz9'.repeat(9)}-TESTAA`, 'Ab3_x-Yz9'],
  ['an API key', `sk-ant-api03-TEST${'Qr7-kLm_2'.repeat(9)}-TESTAA`, 'Qr7-kLm_2'],
  ['an OAuth token', `sk-ant-oat01-TEST${'zZ09_-aB'.repeat(8)}`, 'zZ09_-aB'],
  ['a bearer token', 'Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2lnbmF0dXJlUGFydA', 'eyJhbGci'],
  ['a Slack webhook', 'https://hooks.slack.com/services/T0TESTAAA/B0TESTBBB/TestWebhookSecret0123456789', 'T0TESTAAA'],
  ['a Discord webhook', 'https://discord.com/api/webhooks/112233445566/TestDiscordToken_abcdefgh', 'TestDiscordToken'],
  [
    'a Teams webhook',
    'https://acme.webhook.office.com/webhookb2/1111-2222@3333/IncomingWebhook/abcd/efgh',
    'IncomingWebhook',
  ],
  [
    'a Google Chat webhook',
    'https://chat.googleapis.com/v1/spaces/AAAAtest/messages?key=TestKeyValue123&token=TestTok456',
    'AAAAtest',
  ],
  ['a token in a query', 'https://example.test/hook?token=TestQuerySecret789&x=1', 'TestQuerySecret789'],
];

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'clade-logs-'));
});
afterEach(() => {
  attachLogSink(null);
  vi.restoreAllMocks();
  rmSync(dir, { recursive: true, force: true });
});

describe('the log line', () => {
  it.each(SHAPES)('masks %s on stderr and in the sink', (_name, credential, secretPart) => {
    const stderr = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const lines: Array<[LogLevel, string]> = [];
    attachLogSink({ write: (level, line) => lines.push([level, line]) });
    log(`request failed for ${credential}`, new Error(`echo: ${credential}`));
    const printed = String(stderr.mock.calls[0]?.[0]);
    expect(printed).toMatch(/^\[clade-admin\] request failed for /);
    expect(printed).toContain('[redacted]');
    expect(lines[0]?.[0]).toBe('error');
    for (const text of [printed, lines[0]?.[1] ?? '']) expect(text).not.toContain(secretPart);
  });

  it('a message without an error is a warning; debug goes to the file only', () => {
    const stderr = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const lines: Array<[LogLevel, string]> = [];
    attachLogSink({ write: (level, line) => lines.push([level, line]) });
    log('The audit seal could not be read');
    logAt('debug', 'page 3 of users');
    expect(lines).toEqual([
      ['warn', 'The audit seal could not be read'],
      ['debug', 'page 3 of users'],
    ]);
    expect(stderr).toHaveBeenCalledTimes(1);
  });

  it('a sink that throws (full disk) does not take the caller down', () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    attachLogSink({
      write: () => {
        throw new Error('ENOSPC');
      },
    });
    expect(() => log('still fine')).not.toThrow();
  });
});

describe('the log file (electron-log/node, file transport in a temp folder)', () => {
  it('writes levelled, redacted lines, at or above its level, to a 0600 file', () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const file = openLogFile({ dir, level: 'info' });
    expect(file.path).toBe(join(dir, LOG_FILE_NAME));
    attachLogSink(file);
    for (const [name, credential] of SHAPES) log(`${name}: ${credential}`, new Error(credential));
    logAt('info', 'sync ended ok');
    logAt('debug', 'not written at info');
    // electron-log's own formatting of a non-string is redacted by the hook too.
    file.write('warn', { toString: () => `object carrying ${SHAPES[0]![1]}` } as unknown as string);
    const text = readFileSync(file.path, 'utf8');
    for (const [, , secretPart] of SHAPES) expect(text).not.toContain(secretPart);
    expect(text).toMatch(
      /^\[\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{3}\] \[error\] an admin key: sk-ant-admin01-…\[redacted\]/m,
    );
    expect(text).toMatch(/\[info\]\s+sync ended ok$/m);
    expect(text).toMatch(/\[warn\]\s+object carrying sk-ant-admin01-…\[redacted\]/);
    expect(text).not.toContain('not written at info');
    expect(statSync(file.path).mode & 0o777).toBe(0o600);
  });

  it('rotates: past its size the file moves to .old.log and a new one starts', () => {
    const file = openLogFile({ dir, maxBytes: 2_000 });
    for (let i = 0; i < 40; i++) file.write('info', `line ${i} ${'x'.repeat(80)}`);
    expect(readdirSync(dir).sort()).toEqual(['clade-admin.log', 'clade-admin.old.log']);
    expect(statSync(join(dir, 'clade-admin.log')).size).toBeLessThanOrEqual(2_200);
    expect(readFileSync(join(dir, 'clade-admin.log'), 'utf8')).toContain('line 39');
  });
});

describe('who may load electron-log', () => {
  it('only the adapter (and this test): never the CLI, the services or another module', () => {
    const root = join(__dirname, '../../../..');
    const files = execFileSync('git', ['ls-files', 'main', 'test', 'preload', 'renderer'], {
      cwd: root,
      encoding: 'utf8',
    })
      .split('\n')
      .filter((f) => /\.(ts|tsx|cjs|js)$/.test(f));
    const importers = files.filter((f) =>
      /from 'electron-log|require\('electron-log/.test(readFileSync(join(root, f), 'utf8')),
    );
    expect(importers.sort()).toEqual(['main/app/log-file.ts', 'test/main/app/desktop/log-file.test.ts'].sort());
    expect(readFileSync(join(root, 'main/app/log-file.ts'), 'utf8')).not.toMatch(/\.initialize\(/);
  });
});
