import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readWebhookFile } from '../../../main/adapters/webhook-file';

const dir = mkdtempSync(join(tmpdir(), 'clade-webhook-file-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function file(name: string, content: string, mode: number): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  chmodSync(path, mode);
  return path;
}

describe('readWebhookFile (--webhook-file)', () => {
  it('reads the first URL line of a 0600 or 0400 file', () => {
    expect(readWebhookFile(file('a', '\n# comment\nhttps://hooks.slack.com/services/T/B/x\n', 0o600))).toBe(
      'https://hooks.slack.com/services/T/B/x',
    );
    expect(readWebhookFile(file('b', 'https://example.com/h', 0o400))).toBe('https://example.com/h');
  });

  it('refuses a file readable by group or others, a missing file, and a plain-http URL, without quoting it', () => {
    expect(() => readWebhookFile(file('c', 'https://example.com/h', 0o640))).toThrow(
      /readable by group or others \(mode 0640\).*chmod 600/,
    );
    expect(() => readWebhookFile(file('d', 'https://example.com/h', 0o604))).toThrow(/mode 0604/);
    expect(() => readWebhookFile(join(dir, 'missing'))).toThrow('no such file');
    expect(() => readWebhookFile(file('e', 'http://example.com/SECRETPATH', 0o600))).toThrow(/only to https/);
    try {
      readWebhookFile(file('f', 'http://example.com/SECRETPATH', 0o600));
    } catch (error) {
      expect(String(error)).not.toContain('SECRETPATH');
    }
    expect(() => readWebhookFile(file('g', '# nothing\n', 0o600))).toThrow('holds no URL');
  });
});
