// `npm run setup`: installs the dependencies on any machine, including ones where Electron's binary
// download (GitHub releases) is blocked. A plain `npm install` fails there at electron's postinstall,
// so we try the normal install first and, only when *that* is what failed, retry with
// ELECTRON_SKIP_BINARY_DOWNLOAD=1 and say so (the app then runs headless: `npm start` shows the demo).
// A quick probe of the download host runs first: when it clearly cannot be reached (DNS failure,
// refused, timeout), the skip is applied at once instead of after minutes of doomed native compiles.
//
//   node main/tools/setup.mjs           install (npm ci when the lockfile is in step, else npm install)
//   node main/tools/setup.mjs --check   no-op when node_modules already matches the lockfile (pretest)
//   node main/tools/setup.mjs --verify  only report whether it matches (exit 0/1); installs nothing (CI)
//
// Never reads standard input, so it cannot hang on a prompt.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { shouldSkipElectronDownload } from './lib/electron-probe.mjs';
import { inspectInstall } from './lib/install-state.mjs';
import { isMainModule, npmCommand, projectRoot, runStreaming } from './lib/project.mjs';

/** True when an npm log tail shows that electron's own install script (the binary download) failed. */
export function electronDownloadFailed(logTail) {
  const electronPackage = /node_modules[\\/]electron(?![\w.-])/;
  const scriptFailure =
    /command failed|install\.js|RequestError|ENOTFOUND|ETIMEDOUT|ECONNRESET|ECONNREFUSED|fetch failed|HTTPError/i;
  return electronPackage.test(logTail) && scriptFailure.test(logTail);
}

/** The npm arguments for an install: `ci` needs a lockfile that matches package.json. */
export function installArgs(lockUsable) {
  return lockUsable ? ['ci', '--no-audit', '--no-fund'] : ['install', '--no-audit', '--no-fund'];
}

async function npmInstall(args, extraEnv) {
  const npm = npmCommand();
  const env = { ...process.env, ...extraEnv };
  return runStreaming(npm.command, [...npm.prefix, ...args], { env, shell: npm.shell });
}

const HEADLESS_NOTE =
  'setup: everything installs except the Electron binary, so `npm start` runs the headless demo\n' +
  'setup: and `npm test` works as usual. To add the binary later, run `node node_modules/electron/install.js`\n' +
  'setup: where github.com is reachable (or set ELECTRON_MIRROR to a mirror), then `npm start`.';

/**
 * Installs with the fallback described above. Returns { ok, headless } where headless means the
 * Electron binary was skipped. A quick probe of Electron's download host comes first: when it
 * clearly cannot be reached, the doomed first attempt (minutes of native compiles) is skipped.
 */
export async function install(root = projectRoot, log = console.log) {
  const { lockUsable } = inspectInstall(root);
  const args = installArgs(lockUsable);
  const probe = await shouldSkipElectronDownload({ root });
  if (probe.skip) {
    log(`setup: Electron's binary cannot be downloaded here (${probe.reason}),`);
    log(`setup: so this runs ELECTRON_SKIP_BINARY_DOWNLOAD=1 npm ${args[0]}.`);
    log(HEADLESS_NOTE);
    const skipped = await npmInstall(args, { ELECTRON_SKIP_BINARY_DOWNLOAD: '1' });
    if (skipped.code !== 0) log(`setup: npm ${args[0]} failed (exit ${skipped.code}); see the npm output above.`);
    return { ok: skipped.code === 0, headless: true };
  }
  log(`setup: npm ${args[0]} (${probe.reason}) …`);
  const first = await npmInstall(args, {});
  if (first.code === 0) return { ok: true, headless: false };
  if (!electronDownloadFailed(first.tail)) {
    log(`setup: npm ${args[0]} failed (exit ${first.code}); see the npm output above.`);
    return { ok: false, headless: false };
  }
  log('setup: the Electron binary download failed; retrying with ELECTRON_SKIP_BINARY_DOWNLOAD=1.');
  log(HEADLESS_NOTE);
  const second = await npmInstall(args, { ELECTRON_SKIP_BINARY_DOWNLOAD: '1' });
  if (second.code !== 0) log(`setup: npm ${args[0]} failed again (exit ${second.code}); see the npm output above.`);
  return { ok: second.code === 0, headless: true };
}

/**
 * True when node_modules' better-sqlite3 was rebuilt for another runtime (e.g. by
 * `electron-builder install-app-deps`): its addon does not register for this Node's module ABI.
 */
export function sqliteBuiltForOtherRuntime(root = projectRoot, abi = process.versions.modules) {
  const addon = join(root, 'node_modules', 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node');
  if (!existsSync(addon)) return false;
  return !readFileSync(addon).includes(Buffer.from(`node_register_module_v${abi}\0`));
}

async function restoreNodeSqlite() {
  console.log('setup: node_modules/better-sqlite3 was built for another runtime (Electron?); rebuilding it for Node.');
  const npm = npmCommand();
  const result = await runStreaming(npm.command, [...npm.prefix, 'rebuild', 'better-sqlite3'], { shell: npm.shell });
  return result.code === 0 ? 0 : 1;
}

async function main(argv) {
  if (argv.includes('--verify')) {
    const state = inspectInstall(projectRoot);
    console.log(`setup: ${state.reason}.`);
    return state.installed ? 0 : 1;
  }
  if (argv.includes('--check')) {
    const state = inspectInstall(projectRoot);
    if (state.installed) return sqliteBuiltForOtherRuntime() ? restoreNodeSqlite() : 0;
    console.log(`setup: dependencies need installing (${state.reason}).`);
  }
  const result = await install(projectRoot);
  return result.ok ? 0 : 1;
}

if (isMainModule(import.meta.url)) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (error) => {
      console.error(`setup: ${error instanceof Error ? error.message : String(error)}`);
      process.exit(1);
    },
  );
}
