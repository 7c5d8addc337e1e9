// `npm run setup`: installs the dependencies on any machine, including ones where Electron's binary
// download (GitHub releases) is blocked. A plain `npm install` fails there at electron's postinstall,
// so we try the normal install first and, only when *that* is what failed, retry with
// ELECTRON_SKIP_BINARY_DOWNLOAD=1 and say so (the app then runs headless: `npm start` shows the demo).
//
//   node main/tools/setup.mjs           install (npm ci when the lockfile is in step, else npm install)
//   node main/tools/setup.mjs --check   no-op when node_modules already matches the lockfile (pretest)
//
// Never reads standard input, so it cannot hang on a prompt.
import { inspectInstall } from './lib/install-state.mjs';
import { isMainModule, npmCommand, projectRoot, runStreaming } from './lib/project.mjs';

/** True when an npm log tail shows that electron's own install script (the binary download) failed. */
export function electronDownloadFailed(logTail) {
  const electronPackage = /node_modules[\\/]electron(?![\w.-])/;
  const scriptFailure = /command failed|install\.js|RequestError|ENOTFOUND|ETIMEDOUT|ECONNRESET|ECONNREFUSED|fetch failed|HTTPError/i;
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

/**
 * Installs with the fallback described above. Returns { ok, headless } where headless means the
 * Electron binary was skipped.
 */
export async function install(root = projectRoot, log = console.log) {
  const { lockUsable } = inspectInstall(root);
  const args = installArgs(lockUsable);
  const alreadySkipping = process.env.ELECTRON_SKIP_BINARY_DOWNLOAD === '1';
  log(`setup: npm ${args[0]}${alreadySkipping ? ' (ELECTRON_SKIP_BINARY_DOWNLOAD=1 is already set)' : ''} …`);
  const first = await npmInstall(args, {});
  if (first.code === 0) return { ok: true, headless: alreadySkipping };
  if (alreadySkipping || !electronDownloadFailed(first.tail)) {
    log(`setup: npm ${args[0]} failed (exit ${first.code}); see the npm output above.`);
    return { ok: false, headless: alreadySkipping };
  }
  log(
    'setup: the Electron binary could not be downloaded (no access to its release host).\n' +
      'setup: retrying with ELECTRON_SKIP_BINARY_DOWNLOAD=1 — everything installs except the Electron binary,\n' +
      'setup: so `npm start` will run the headless demo and `npm test` works as usual.',
  );
  const second = await npmInstall(args, { ELECTRON_SKIP_BINARY_DOWNLOAD: '1' });
  if (second.code === 0) {
    log('setup: installed without the Electron binary (headless). To add it later, run');
    log('setup: `node node_modules/electron/install.js` where github.com is reachable (or set ELECTRON_MIRROR).');
    return { ok: true, headless: true };
  }
  log(`setup: npm ${args[0]} failed again (exit ${second.code}); see the npm output above.`);
  return { ok: false, headless: true };
}

async function main(argv) {
  if (argv.includes('--check')) {
    const state = inspectInstall(projectRoot);
    if (state.installed) return 0;
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
