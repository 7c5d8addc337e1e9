// Proves the layer rules (what each folder may import, no SQL outside main/db, one SDK client, the composition root
// declaring before use) are enforced by eslint.config.js, not just written down. Each fixture in test/fixtures/lint/
// says which path it pretends to live at (`// lint-as:`) and what the linter must say (`// expect: <rule id>` or
// `// expect: clean`). The fixtures folder
// itself is ignored by `npm run lint`, so the deliberate violations never fail the real lint.
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';

const root = resolve(__dirname, '..', '..');
const fixtureDir = join(root, 'test', 'fixtures', 'lint');

interface Fixture {
  name: string;
  code: string;
  lintAs: string;
  expectation: string;
}

function readFixture(name: string): Fixture {
  const code = readFileSync(join(fixtureDir, name), 'utf8');
  const lintAs = /^\/\/ lint-as: (\S+)$/m.exec(code)?.[1];
  const expectation = /^\/\/ expect: (\S+)$/m.exec(code)?.[1];
  if (!lintAs || !expectation) throw new Error(`${name} lacks its lint-as / expect header`);
  return { name, code, lintAs, expectation };
}

const fixtures = readdirSync(fixtureDir)
  .filter((name) => /\.tsx?$/.test(name))
  .sort()
  .map(readFixture);

let eslint: ESLint;
beforeAll(() => {
  eslint = new ESLint({ cwd: root, overrideConfigFile: join(root, 'eslint.config.js') });
});

async function lint(code: string, lintAs: string) {
  const [result] = await eslint.lintText(code, { filePath: join(root, lintAs) });
  if (!result) throw new Error('ESLint returned no result');
  return result.messages;
}

describe('eslint layer rules', () => {
  it('has fixtures for every layer, both violating and clean', () => {
    const layers = ['core', 'db', 'adapters', 'services', 'ipc', 'cli', 'app', 'renderer', 'preload', 'sandbox'];
    for (const layer of layers) {
      expect(fixtures.some((f) => f.name.startsWith(`${layer}-imports-`))).toBe(true);
      expect(fixtures.some((f) => f.name === `${layer}-clean.ts` || f.name === `${layer}-clean.tsx`)).toBe(true);
    }
  });

  for (const fixture of fixtures.filter((f) => f.expectation !== 'clean')) {
    it(`rejects ${fixture.name} as ${fixture.lintAs}`, async () => {
      const messages = await lint(fixture.code, fixture.lintAs);
      const layerErrors = messages.filter((m) => m.ruleId === fixture.expectation && m.severity === 2);
      expect(layerErrors.length, JSON.stringify(messages)).toBeGreaterThan(0);
    });
  }

  for (const fixture of fixtures.filter((f) => f.expectation === 'clean')) {
    it(`accepts ${fixture.name} as ${fixture.lintAs}`, async () => {
      expect(await lint(fixture.code, fixture.lintAs)).toEqual([]);
    });
  }

  it('rejects a core file that imports electron, by name in the message', async () => {
    const messages = await lint(
      "import { app } from 'electron';\nexport const v = app.getVersion();\n",
      'main/core/x.ts',
    );
    expect(messages.map((m) => m.ruleId)).toContain('@typescript-eslint/no-restricted-imports');
    expect(messages.find((m) => m.ruleId === '@typescript-eslint/no-restricted-imports')?.message).toMatch(/electron/);
  });

  it('lets the same electron import through outside the pure layers (main/app)', async () => {
    const messages = await lint(
      "import { app } from 'electron';\nexport const v = app.getVersion();\n",
      'main/app/x.ts',
    );
    expect(messages).toEqual([]);
  });

  it('does not lint the fixtures folder during `npm run lint`', async () => {
    expect(await eslint.isPathIgnored(join(fixtureDir, 'core-imports-electron.ts'))).toBe(true);
  });
});
