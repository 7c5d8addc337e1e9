// ESLint flat config. Untyped typescript-eslint rules (no type information) keep `npm run lint` fast
// on 2 cores; `npm run typecheck` covers types. The important part is the LAYER RULES at the bottom:
// design.md §2 import rules, enforced per folder with `no-restricted-imports` and proven by
// test/tools/lint-rules.test.ts (which lints the fixtures in test/fixtures/lint/ under virtual paths).
// CommonJS on purpose: package.json has no "type", and an ESM eslint.config.js makes Node warn on every run.
const { builtinModules } = require('node:module');
const js = require('@eslint/js');
const globals = require('globals');
const { defineConfig } = require('eslint/config');
const tseslint = require('typescript-eslint');

// Every Node built-in by bare name (fs, path, child_process, …) plus its `node:` form.
const nodeBuiltins = builtinModules.filter((name) => !name.startsWith('_'));
const nodeBuiltinPaths = nodeBuiltins.map((name) => ({
  name,
  message: 'Node built-ins are not allowed in this layer (design.md §2).',
}));
const nodeSchemePattern = {
  regex: '^node:',
  message: 'Node built-ins are not allowed in this layer (design.md §2).',
};

// `main/<folder>` reached through any number of `../` (with or without an explicit `main/` segment).
function mainFolderPattern(folders, message) {
  return { regex: `^(?:\\.{1,2}/)+(?:main/)?(?:${folders.join('|')})(?:/|$)`, message };
}

const coreRule = {
  paths: [
    ...nodeBuiltinPaths,
    ...['electron', 'better-sqlite3', 'keytar', '@napi-rs/keyring', '@anthropic-ai/sdk', 'original-fs'].map((name) => ({
      name,
      message: 'main/core is pure TypeScript: reach the outside world through a port in core/ports.ts (design.md §2).',
    })),
  ],
  patterns: [
    nodeSchemePattern,
    { regex: '^(?:electron|better-sqlite3|keytar|@anthropic-ai/sdk|@napi-rs/keyring)/', message: 'main/core is pure (design.md §2).' },
    mainFolderPattern(['db', 'adapters', 'app', 'ipc', 'sandbox', 'cli', 'tools'], 'main/core may not import db, adapters, app, ipc, sandbox or cli; they depend on core, not the other way round (design.md §2).'),
  ],
};

const rendererRule = {
  paths: [
    ...nodeBuiltinPaths,
    { name: 'electron', message: 'The renderer never touches Electron: use window.api through renderer/lib/api.ts (design.md §2).' },
  ],
  patterns: [
    nodeSchemePattern,
    { regex: '^electron/', message: 'The renderer never touches Electron (design.md §2).' },
    { regex: '^(?:\\.{1,2}/)+main(?:/|$)', message: 'The renderer imports nothing from main/; data comes through window.api (design.md §2).' },
    { regex: '^(?:\\.{1,2}/)+preload/(?!contract$)', message: 'From preload/ the renderer may import only the contract (design.md §2).' },
  ],
};

const preloadRule = {
  paths: [
    ...nodeBuiltinPaths,
    {
      name: 'electron',
      // The two APIs preload may use, and their types.
      allowImportNames: ['contextBridge', 'ipcRenderer', 'IpcRendererEvent', 'ContextBridge', 'IpcRenderer'],
      message: 'preload uses only contextBridge and ipcRenderer from Electron (design.md §2).',
    },
  ],
  patterns: [
    nodeSchemePattern,
    { regex: '^\\.\\./', message: 'preload imports only Electron and ./contract (design.md §2).' },
    { regex: '^(?!electron$|zod(?:/|$)|\\.)', message: 'preload imports only Electron and the contract (and zod, which the contract uses).' },
  ],
};

const sandboxRule = {
  patterns: [
    mainFolderPattern(['core', 'db', 'adapters'], 'The sandbox is an independent reading of the Admin API: it imports nothing from core, db or adapters (design.md §2).'),
  ],
};

module.exports = defineConfig(
  {
    ignores: ['out/**', 'dist/**', 'release/**', 'node_modules/**', 'coverage/**', 'test-results/**', 'bench-results/**', '.native/**', 'test/fixtures/lint/**'],
  },
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2023, sourceType: 'module', globals: { ...globals.node } },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
    },
  },
  {
    files: ['**/*.cjs', 'eslint.config.js'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['renderer/**'],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    files: ['test/**'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: { '@typescript-eslint/no-non-null-assertion': 'off' },
  },

  // ---- Layer rules (design.md §2). One object per folder: a later object's `no-restricted-imports`
  // replaces an earlier one for the same file, so each folder states its whole rule here.
  { files: ['main/core/**/*.{ts,tsx}'], rules: { 'no-restricted-imports': ['error', coreRule] } },
  { files: ['renderer/**/*.{ts,tsx}'], rules: { 'no-restricted-imports': ['error', rendererRule] } },
  { files: ['preload/**/*.ts'], rules: { 'no-restricted-imports': ['error', preloadRule] } },
  { files: ['main/sandbox/**/*.ts'], rules: { 'no-restricted-imports': ['error', sandboxRule] } },
);
