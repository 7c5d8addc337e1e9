// ESLint flat config. Untyped typescript-eslint rules (no type information) keep `npm run lint` fast
// on 2 cores; `npm run typecheck` covers types. The important part is the LAYER RULES at the bottom: what each
// folder of main/ (and preload, renderer) may import, enforced with `@typescript-eslint/no-restricted-imports`
// (it can allow type-only imports where values are refused) and proven by test/tools/lint-rules.test.ts, which
// lints the fixtures in test/fixtures/lint/ under virtual paths. The layers, inside out:
//   core      pure TypeScript: no Node, Electron, SQLite, keychain or SDK, and nothing else of main/
//   db        the only SQLite user (repos write, queries/ is the read model); imports core, and contract TYPES
//   adapters  one outside system each (the Anthropic SDK under anthropic/, keychain, files); imports core
//   services  the use cases (open a profile, sync, key vault, admin action, alerts, export); core, db, adapters
//   ipc, cli  thin: parse, call a service or a query, format; no SQL of their own
//   app       Electron glue; no SQL of its own
//   sandbox   an independent reading of the Admin API: nothing of core, db, adapters or services
// CommonJS on purpose: package.json has no "type", and an ESM eslint.config.js makes Node warn on every run.
const { builtinModules } = require('node:module');
const js = require('@eslint/js');
const globals = require('globals');
const { defineConfig } = require('eslint/config');
const tseslint = require('typescript-eslint');

// Every Node built-in by bare name (fs, path, child_process, …) plus its `node:` form.
const nodeBuiltins = builtinModules.filter((name) => !name.startsWith('_'));
const NODE = 'Node built-ins are not allowed in this layer.';
const nodeBuiltinPaths = nodeBuiltins.map((name) => ({ name, message: NODE }));
const nodeSchemePattern = { regex: '^node:', message: NODE };

const MAIN_FOLDERS = ['core', 'db', 'adapters', 'services', 'ipc', 'app', 'cli', 'sandbox', 'tools'];

// `main/<folder>` reached through any number of `../` (with or without an explicit `main/` segment).
function mainFolderPattern(folders, message) {
  return { regex: `^(?:\\.{1,2}/)+(?:main/)?(?:${folders.join('|')})(?:/|$)`, message };
}
/** Every main/ folder except the allowed ones (and the layer itself, reached as `./`). */
function otherMainFolders(layer, allowed) {
  return MAIN_FOLDERS.filter((f) => f !== layer && !allowed.includes(f));
}
const preloadTypesOnly = (who) => ({
  regex: '^(?:\\.{1,2}/)+preload/contract',
  allowTypeImports: true,
  message: `${who} may import only TYPES from the IPC contract (its DTO shapes), never its runtime.`,
});
const noRenderer = { regex: '^(?:\\.{1,2}/)+renderer(?:/|$)', message: 'main/ never imports the renderer.' };
const packages = (names, message, extra = {}) => names.map((name) => ({ name, message, ...extra }));
const sqliteTypesOnly = (who) =>
  packages(
    ['better-sqlite3'],
    `${who} runs no SQL: reads go through main/db/queries, writes through a service or a repo (types are fine).`,
    { allowTypeImports: true },
  );

/** A layer of main/: which main folders it may import, which packages it may not, plus extra patterns. */
function mainLayer(layer, { may, paths = [], patterns = [] }) {
  return {
    paths,
    patterns: [
      mainFolderPattern(
        otherMainFolders(layer, may),
        `main/${layer} may import only ${may.length ? may.join(', ') : 'itself'} of main/ (see the layer list at the top of eslint.config.js).`,
      ),
      noRenderer,
      ...patterns,
    ],
  };
}

const PURE = 'main/core is pure TypeScript: reach the outside world through a port in core/ports.ts.';
const coreRule = mainLayer('core', {
  may: [],
  paths: [
    ...nodeBuiltinPaths,
    ...packages(['electron', 'better-sqlite3', 'keytar', '@napi-rs/keyring', '@anthropic-ai/sdk', 'original-fs'], PURE),
  ],
  patterns: [
    nodeSchemePattern,
    { regex: '^(?:electron|better-sqlite3|keytar|@anthropic-ai/sdk|@napi-rs/keyring)/', message: PURE },
    {
      regex: '^(?:\\.{1,2}/)+preload(?:/|$)',
      message: 'main/core owns its shapes; the contract re-exports them, not the other way round.',
    },
  ],
});

const dbRule = mainLayer('db', {
  may: ['core'],
  paths: packages(
    ['electron', 'keytar', '@anthropic-ai/sdk'],
    'main/db talks to SQLite only: the network and the keychain are adapters.',
  ),
  patterns: [preloadTypesOnly('main/db')],
});

const adaptersRule = mainLayer('adapters', {
  may: ['core'],
  paths: packages(
    ['better-sqlite3', 'electron'],
    'An adapter wraps one outside system; SQLite is main/db, Electron is main/app.',
  ),
  patterns: [{ regex: '^(?:\\.{1,2}/)+preload(?:/|$)', message: 'Adapters speak core types, not the IPC contract.' }],
});

const SERVICES_MAY = ['core', 'db', 'adapters', 'sandbox'];
const servicesRule = mainLayer('services', {
  may: SERVICES_MAY,
  paths: [
    ...packages(['electron'], 'Services run in plain Node (app, CLI, tests alike): Electron stays in main/app.'),
    ...sqliteTypesOnly('A service'),
  ],
  patterns: [preloadTypesOnly('A service')],
});

const SDK = packages(
  ['@anthropic-ai/sdk', 'keytar'],
  'The SDK and the keychain are reached through main/adapters, wired by a service.',
);
const IPC_MAY = ['core', 'db', 'services'];
const ipcRule = mainLayer('ipc', { may: IPC_MAY, paths: [...SDK, ...sqliteTypesOnly('main/ipc')] });
const CLI_MAY = ['core', 'db', 'adapters', 'services', 'sandbox'];
const cliRule = mainLayer('cli', {
  may: CLI_MAY,
  paths: [...SDK, ...sqliteTypesOnly('main/cli'), ...packages(['electron'], 'The CLI runs without Electron.')],
});
const APP_MAY = ['core', 'db', 'adapters', 'services'];
const appRule = mainLayer('app', { may: APP_MAY, paths: [...SDK, ...sqliteTypesOnly('main/app')] });
const sandboxRule = mainLayer('sandbox', { may: [] });
sandboxRule.patterns[0].message =
  'The sandbox is an independent reading of the Admin API: it imports nothing of main/ (core, db, adapters, services…).';

// No SQL outside main/db: no statements, pragmas or transactions, and no SQL text, in the thin layers.
const SQL_TEXT = '/\\b(SELECT|INSERT INTO|DELETE FROM|CREATE (TABLE|INDEX)|ALTER TABLE|PRAGMA)\\b/';
const NO_SQL = 'No SQL outside main/db: put it in a query (main/db/queries) or a repo, and call that.';
const noSqlRule = [
  { selector: 'CallExpression[callee.property.name=/^(prepare|pragma|transaction)$/]', message: NO_SQL },
  { selector: `Literal[value=${SQL_TEXT}]`, message: NO_SQL },
  { selector: `TemplateElement[value.raw=${SQL_TEXT}]`, message: NO_SQL },
];

// One SDK client: `new Anthropic(` only in adapters/anthropic/client.ts (and the sandbox and tests, which are not main code).
const oneSdkClient = {
  selector: "NewExpression[callee.name='Anthropic']",
  message: 'Build the SDK client with adapters/anthropic/client.ts (base URL rule, authToken: null, proxy, retries).',
};

const rendererRule = {
  paths: [
    ...nodeBuiltinPaths,
    { name: 'electron', message: 'The renderer never touches Electron: use window.api through renderer/lib/api.ts.' },
  ],
  patterns: [
    nodeSchemePattern,
    { regex: '^electron/', message: 'The renderer never touches Electron.' },
    {
      // Except main/core/text/: dependency-free text rules every surface must apply alike (the CSV cell rule that
      // the audit export and the spend CSV share), imported rather than copied so they cannot drift.
      regex: '^(?:\\.{1,2}/)+main(?:/(?!core/text/[a-z0-9-]+$)|$)',
      message: 'The renderer imports nothing from main/ (but main/core/text/); data comes through window.api.',
    },
    {
      regex: '^(?:\\.{1,2}/)+preload/(?!contract$)',
      message: 'From preload/ the renderer may import only the contract.',
    },
  ],
};

const preloadRule = {
  paths: [
    ...nodeBuiltinPaths,
    {
      name: 'electron',
      // The two APIs preload may use, and their types.
      allowImportNames: ['contextBridge', 'ipcRenderer', 'IpcRendererEvent', 'ContextBridge', 'IpcRenderer'],
      message: 'preload uses only contextBridge and ipcRenderer from Electron.',
    },
  ],
  patterns: [
    nodeSchemePattern,
    // The contract re-exports the shapes core owns (org tree, window views): types only, so no main code is bundled.
    {
      regex: '^\\.\\./main/core/',
      allowTypeImports: true,
      message: 'preload may import only TYPES from main/core (shapes the contract re-exports).',
    },
    { regex: '^\\.\\./(?!main/core/)', message: 'preload imports only Electron, its own files and core types.' },
    {
      regex: '^(?!electron$|zod(?:/|$)|\\.)',
      message: 'preload imports only Electron and the contract (and zod, which the contract uses).',
    },
  ],
};

/**
 * `await import('…')` (the CLI loads most modules lazily) is not seen by no-restricted-imports: the same folder
 * rule, as a syntax rule on dynamic imports.
 */
function dynamicImportGuard(layer, may) {
  const folders = otherMainFolders(layer, may).join('|');
  return {
    selector: `ImportExpression[source.value=/^(\\.\\.?\\/)+(main\\/)?(${folders})(\\/|$)/]`,
    message: `main/${layer} may import only ${may.length ? may.join(', ') : 'itself'} of main/, lazily or not.`,
  };
}

const restrict = (rule) => ({
  'no-restricted-imports': 'off',
  '@typescript-eslint/no-restricted-imports': ['error', rule],
});

module.exports = defineConfig(
  {
    ignores: [
      'out/**',
      'dist/**',
      'release/**',
      'node_modules/**',
      'coverage/**',
      'test-results/**',
      'bench-results/**',
      '.native/**',
      'test/fixtures/lint/**',
    ],
  },
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2023, sourceType: 'module', globals: { ...globals.node } },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' },
      ],
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

  // ---- Layer rules. One object per folder: a later object's rule replaces an earlier one for the same file,
  // so each folder states its whole rule here.
  {
    files: ['main/core/**/*.{ts,tsx}'],
    rules: { ...restrict(coreRule), 'no-restricted-syntax': ['error', dynamicImportGuard('core', [])] },
  },
  {
    files: ['main/db/**/*.ts'],
    rules: { ...restrict(dbRule), 'no-restricted-syntax': ['error', dynamicImportGuard('db', ['core'])] },
  },
  {
    files: ['main/adapters/**/*.ts'],
    rules: {
      ...restrict(adaptersRule),
      'no-restricted-syntax': ['error', oneSdkClient, dynamicImportGuard('adapters', ['core'])],
    },
  },
  {
    files: ['main/adapters/anthropic/client.ts'],
    rules: { 'no-restricted-syntax': ['error', dynamicImportGuard('adapters', ['core'])] },
  },
  {
    files: ['main/services/**/*.ts'],
    rules: {
      ...restrict(servicesRule),
      'no-restricted-syntax': ['error', oneSdkClient, dynamicImportGuard('services', SERVICES_MAY)],
    },
  },
  {
    files: ['main/ipc/**/*.ts'],
    rules: {
      ...restrict(ipcRule),
      'no-restricted-syntax': ['error', ...noSqlRule, oneSdkClient, dynamicImportGuard('ipc', IPC_MAY)],
    },
  },
  {
    files: ['main/cli/**/*.ts'],
    rules: {
      ...restrict(cliRule),
      'no-restricted-syntax': ['error', ...noSqlRule, oneSdkClient, dynamicImportGuard('cli', CLI_MAY)],
    },
  },
  {
    files: ['main/app/**/*.ts'],
    rules: {
      ...restrict(appRule),
      'no-restricted-syntax': ['error', ...noSqlRule, oneSdkClient, dynamicImportGuard('app', APP_MAY)],
    },
  },
  {
    files: ['main/index.ts'],
    rules: {
      'no-restricted-syntax': ['error', ...noSqlRule, oneSdkClient],
      '@typescript-eslint/no-use-before-define': [
        'error',
        { functions: true, classes: true, variables: true, allowNamedExports: false },
      ],
    },
  },
  { files: ['renderer/**/*.{ts,tsx}'], rules: restrict(rendererRule) },
  { files: ['preload/**/*.ts'], rules: restrict(preloadRule) },
  {
    files: ['main/sandbox/**/*.ts'],
    rules: { ...restrict(sandboxRule), 'no-restricted-syntax': ['error', dynamicImportGuard('sandbox', [])] },
  },
);
