/**
 * The SDK client is built in one place (main/adapters/anthropic/client.ts), so every client gets the base-URL rule,
 * `authToken: null`, the proxy, explicit retries and counting. The sandbox is a second, independent reading of the
 * API and has no client of ours.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(__dirname, '..', '..');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(name) ? [path] : [];
  });
}

describe('one SDK client', () => {
  it('exactly one `new Anthropic(` in main outside the sandbox', () => {
    const places = sourceFiles(join(ROOT, 'main'))
      .filter((file) => !relative(ROOT, file).startsWith(join('main', 'sandbox')))
      .flatMap((file) => (readFileSync(file, 'utf8').match(/new Anthropic\(/g) ?? []).map(() => relative(ROOT, file)));
    expect(places).toEqual([join('main', 'adapters', 'anthropic', 'client.ts')]);
  });
});
