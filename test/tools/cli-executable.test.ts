import { statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

// `npm test` builds first (pretest); a build that dropped the bit broke `npx clade-admin` with "Permission denied".
describe('the built CLI', () => {
  it('is executable after a build, so the node_modules/.bin link runs it', () => {
    const mode = statSync(join(__dirname, '../../out/main/cli.js')).mode;
    expect(mode & 0o111).toBe(0o111);
  });
});
