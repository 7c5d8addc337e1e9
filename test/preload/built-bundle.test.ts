import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const bundle = 'out/preload/index.js';

describe('the built preload bundle', () => {
  it('requires nothing but electron, because a sandboxed preload cannot load npm packages', () => {
    if (!existsSync(bundle))
      throw new Error(`${bundle} is missing: run \`npm run build\` first (npm test's pretest does)`);
    const required = [...readFileSync(bundle, 'utf8').matchAll(/require\(["']([^"']+)["']\)/g)].map((m) => m[1]);
    expect(new Set(required)).toEqual(new Set(['electron']));
  });
});
