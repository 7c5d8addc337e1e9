/** The pure parts of the metrics endpoint: workspace labels, which binds need a token, and the token check. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isLoopbackBind } from '../../../../main/core/metrics/bind-address';
import { sanitiseLabelValue, workspaceLabels } from '../../../../main/core/metrics/workspace-labels';
import { bearerMatches, readTokenFile, TokenFileError } from '../../../../main/services/metrics/bearer-token';
import { nanocentsToUsd } from '../../../../main/services/metrics/metric-families';

describe('workspace labels', () => {
  it('show control and bidi characters instead of passing them on, and fold white space', () => {
    expect(sanitiseLabelValue('Prod\u001b[2K\r\n  team\u202e')).toBe('Prod\\u001b[2K\\u000d\\u000a team\\u202e');
    expect(sanitiseLabelValue('  Research   lab ')).toBe('Research lab');
  });

  it('are cut to 80 characters', () => {
    const label = sanitiseLabelValue('w'.repeat(200));
    expect([...label]).toHaveLength(80);
    expect(label.endsWith('…')).toBe(true);
  });

  it('are unique: equal names get their ids, an empty name is its id', () => {
    const labels = workspaceLabels([
      { key: 'wrkspc_a', name: 'Prod' },
      { key: 'wrkspc_b', name: 'Prod ' },
      { key: 'wrkspc_c', name: '   ' },
      { key: 'wrkspc_d', name: 'Staging' },
    ]);
    expect([...labels.values()]).toEqual(['Prod (wrkspc_a)', 'Prod (wrkspc_b)', 'wrkspc_c', 'Staging']);
  });
});

describe('binding', () => {
  it.each(['127.0.0.1', '127.1.2.3', 'localhost', '::1', '[::1]', '::ffff:127.0.0.1'])('%s is loopback', (a) =>
    expect(isLoopbackBind(a)).toBe(true),
  );
  it.each(['0.0.0.0', '::', '192.168.1.10', '10.0.0.1', 'example.com', '127.0.0.256', '128.0.0.1', ''])(
    '%s is not',
    (a) => expect(isLoopbackBind(a)).toBe(false),
  );
});

describe('the bearer token', () => {
  const token = 'a-long-enough-secret-0123456789';

  it('matches only the exact token after "Bearer "', () => {
    expect(bearerMatches(`Bearer ${token}`, token)).toBe(true);
    expect(bearerMatches(`bearer ${token}`, token)).toBe(true);
    expect(bearerMatches(`Bearer ${token}x`, token)).toBe(false);
    expect(bearerMatches(`Bearer ${token.slice(0, -1)}`, token)).toBe(false);
    expect(bearerMatches(token, token)).toBe(false);
    expect(bearerMatches(undefined, token)).toBe(false);
    expect(bearerMatches('Bearer ', token)).toBe(false);
  });

  it('is read from a file: one line, 16+ characters, a warning when others can read it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'clade-token-'));
    try {
      const file = (name: string, text: string, mode = 0o600) => {
        const path = join(dir, name);
        writeFileSync(path, text, { mode });
        return path;
      };
      expect(readTokenFile(file('ok', `${token}\n`))).toEqual({ token, warning: null });
      expect(readTokenFile(file('open', token, 0o644)).warning).toContain('chmod 600');
      expect(() => readTokenFile(file('empty', '\n'))).toThrow(TokenFileError);
      expect(() => readTokenFile(file('short', 'abc'))).toThrow(/too short/);
      expect(() => readTokenFile(file('two', `${token}\nsecond\n`))).toThrow(/one line/);
      expect(() => readTokenFile(join(dir, 'missing'))).toThrow(/cannot read.*ENOENT/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('money in base units', () => {
  it('turns nanocents into dollars without losing cents on large amounts', () => {
    expect(nanocentsToUsd(123_456_000_000_000n)).toBe(1234.56);
    expect(nanocentsToUsd(100_000_000_000n * 9_000_000_000n + 1_000_000_000n)).toBe(9_000_000_000.01);
    expect(nanocentsToUsd(-50_000_000_000n)).toBe(-0.5);
  });
});
