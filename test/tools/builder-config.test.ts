// electron-builder.yml is checked offline against electron-builder's own schema and our packaging
// policy (stack.md). A valid config must pass; broken ones must fail with a reason.
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { dump, load } from 'js-yaml';
import { afterEach, describe, expect, it } from 'vitest';
import { validateBuilderConfig } from '../../main/tools/validate-builder-config.cjs';

const root = resolve(__dirname, '..', '..');
const realConfig = load(readFileSync(join(root, 'electron-builder.yml'), 'utf8')) as Record<string, unknown>;

let dir: string | undefined;
afterEach(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = undefined;
});

/** Writes a config (with the real assets it references) into a scratch project and validates it. */
async function validate(config: Record<string, unknown>) {
  dir = mkdtempSync(join(tmpdir(), 'builder-config-'));
  mkdirSync(join(dir, 'assets'));
  for (const file of ['icon.png', 'entitlements.mac.plist'])
    copyFileSync(join(root, 'assets', file), join(dir, 'assets', file));
  const file = join(dir, 'electron-builder.yml');
  writeFileSync(file, dump(config));
  return validateBuilderConfig(file);
}

describe('validateBuilderConfig', () => {
  it('accepts the project config', async () => {
    expect(await validateBuilderConfig(join(root, 'electron-builder.yml'))).toEqual({ ok: true, problems: [] });
  });

  it('rejects an unknown key with the schema message', async () => {
    const result = await validate({ ...realConfig, bogusKey: true });
    expect(result.ok).toBe(false);
    expect(result.problems.join('\n')).toMatch(/unknown property 'bogusKey'/);
  });

  it('rejects a value outside the schema (compression is store | normal | maximum)', async () => {
    const result = await validate({ ...realConfig, compression: 'fastest' });
    expect(result.ok).toBe(false);
    expect(result.problems.join('\n')).toMatch(/compression/);
  });

  it('rejects a config that lets the app run as Node (fuse policy)', async () => {
    const fuses = { ...(realConfig.electronFuses as object), runAsNode: true };
    const result = await validate({ ...realConfig, electronFuses: fuses });
    expect(result.problems).toContain('electronFuses.runAsNode must be false');
  });

  it('rejects a config that keeps native modules inside the asar', async () => {
    const result = await validate({ ...realConfig, asarUnpack: ['node_modules/keytar/**'] });
    expect(result.problems.join('\n')).toMatch(/asarUnpack must include "\*\*\/\*\.node"/);
  });

  it('rejects a missing platform target and a missing icon file', async () => {
    const result = await validate({ ...realConfig, win: { target: ['portable'], icon: 'assets/missing.ico' } });
    expect(result.problems).toContain('win.target must include nsis');
    expect(result.problems.join('\n')).toMatch(/win\.icon points to assets\/missing\.ico/);
  });

  it('reports an unreadable file instead of throwing', async () => {
    const result = await validateBuilderConfig('/nonexistent/electron-builder.yml');
    expect(result.ok).toBe(false);
  });
});
