// The sandbox is a second, independent reading of the API — it imports nothing from core, db or
// adapters (nor Electron), and only node built-ins and zod from outside.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(__dirname, '../../../main/sandbox');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return path.endsWith('.ts') ? [path] : [];
  });
}

describe('sandbox imports', () => {
  const files = sourceFiles(ROOT);

  it('finds the sandbox sources', () => {
    expect(files.length).toBeGreaterThan(20);
  });

  it.each(files.map((f) => [relative(ROOT, f), f]))(
    '%s imports only sandbox files, node built-ins and zod',
    (_name, file) => {
      const text = readFileSync(file, 'utf8');
      const specifiers = [...text.matchAll(/(?:^|\n)\s*(?:import|export)[^'"]*?from\s+['"]([^'"]+)['"]/g)].map(
        (m) => m[1]!,
      );
      for (const spec of specifiers) {
        if (spec.startsWith('.')) {
          const resolved = join(file, '..', spec);
          expect(resolved.startsWith(ROOT), `${spec} leaves main/sandbox`).toBe(true);
        } else {
          expect(spec === 'zod' || spec.startsWith('node:'), `${spec} is not allowed`).toBe(true);
        }
      }
    },
  );
});
