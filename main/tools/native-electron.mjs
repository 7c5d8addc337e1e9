// Stages an Electron-ABI build of better-sqlite3 next to (never over) the Node-ABI build in
// node_modules, so `npm test` and the CLI keep working after `npm start` (stack.md §11, approach 1):
//
//   .native/electron/<electron-version>/better_sqlite3.node   + better_sqlite3.json (what it was built from)
//
// main/db/native-binding.ts picks that file when running inside Electron. Best effort and idempotent:
// when the Electron headers cannot be downloaded (offline machines) it prints ONE line and exits 0,
// and the app falls back to the Node build only. It builds in a scratch copy of the package with
// node-gyp, with npm's `nodedir` removed from the environment: with nodedir set, a "rebuild for
// Electron" silently compiles against Node's headers (stack.md §7), so the result is checked for
// Electron's ABI before it is staged. A failed compile is remembered for a day (last-failure.json) so
// `npm start` does not spend a minute on it every time; `node main/tools/native-electron.mjs --force` retries.
import { spawn } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdirSync, readFileSync, rmdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { isMainModule, projectRoot } from './lib/project.mjs';

const HEADERS_URL = 'https://electronjs.org/headers';
const BUILD_TIMEOUT_MS = 10 * 60 * 1000;
const FAILURE_MEMORY_MS = 24 * 60 * 60 * 1000; // a failed compile is not retried on every `npm start` for a day

function readJson(file) {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return undefined;
  }
}

/** Electron's version and module ABI from the installed electron package, or undefined. */
export function electronInfo(root) {
  const dir = join(root, 'node_modules', 'electron');
  const version = readJson(join(dir, 'package.json'))?.version;
  if (!version) return undefined;
  let abi;
  try {
    abi = readFileSync(join(dir, 'abi_version'), 'utf8').trim();
  } catch {
    abi = undefined;
  }
  if (!abi) {
    try {
      abi = String(createRequire(join(root, 'package.json'))('node-abi').getAbi(version, 'electron'));
    } catch {
      return undefined;
    }
  }
  return { version, abi };
}

export function stagedDir(root, electronVersion) {
  return join(root, '.native', 'electron', electronVersion);
}

/** True when a compiled addon registers itself for the given module ABI (node_register_module_v<abi>). */
export function exportsAbi(binary, abi) {
  return binary.includes(Buffer.from(`node_register_module_v${abi}\0`));
}

/** True when the staged file exists and was built for this electron + better-sqlite3 pair. */
export function isStagedCurrent(root, info, betterSqliteVersion) {
  const dir = stagedDir(root, info.version);
  const marker = readJson(join(dir, 'better_sqlite3.json'));
  return (
    existsSync(join(dir, 'better_sqlite3.node')) &&
    marker?.electron === info.version &&
    marker?.abi === info.abi &&
    marker?.betterSqlite3 === betterSqliteVersion
  );
}

/** A compile failure remembered for this electron + better-sqlite3 pair within the last day, if any. */
export function recentFailure(root, info, betterSqliteVersion, now = Date.now()) {
  const failure = readJson(join(stagedDir(root, info.version), 'last-failure.json'));
  if (failure?.betterSqlite3 !== betterSqliteVersion || failure?.abi !== info.abi) return undefined;
  return now - Date.parse(failure.at) < FAILURE_MEMORY_MS ? failure : undefined;
}

function rememberFailure(root, info, betterSqliteVersion, reason) {
  const dir = stagedDir(root, info.version);
  mkdirSync(dir, { recursive: true });
  const failure = {
    electron: info.version,
    abi: info.abi,
    betterSqlite3: betterSqliteVersion,
    reason,
    at: new Date().toISOString(),
  };
  writeFileSync(join(dir, 'last-failure.json'), `${JSON.stringify(failure, null, 2)}\n`);
}

/** node-gyp's environment for an Electron build: npm's nodedir removed, Electron as the target. */
export function electronBuildEnv(baseEnv, info) {
  const env = {};
  for (const [key, value] of Object.entries(baseEnv)) {
    if (!/^npm_config_(nodedir|target|runtime|disturl|dist_url)$/i.test(key)) env[key] = value;
  }
  return { ...env, npm_config_runtime: 'electron', npm_config_target: info.version, npm_config_disturl: HEADERS_URL };
}

/** The most telling part of a failed build log, for the one-line notice. */
export function summarizeFailure(log) {
  if (/network connectivity|ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ETIMEDOUT|ECONNRESET/i.test(log)) {
    const url = /gyp http GET (\S+)/.exec(log)?.[1] ?? HEADERS_URL;
    return `the Electron headers could not be downloaded from ${url}`;
  }
  if (/build timed out/.test(log)) return 'the build timed out';
  const lines = log
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
  const error = lines.find((line) => /^gyp ERR! stack Error:/.test(line)) ?? lines.at(-1) ?? 'no output';
  return error.replace(/^gyp ERR! (stack )?/, '').slice(0, 160);
}

function runQuiet(command, args, { cwd, env, timeoutMs }) {
  return new Promise((resolve) => {
    let log = '';
    const child = spawn(command, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    const timer = setTimeout(() => {
      log += '\nbuild timed out';
      child.kill('SIGKILL');
    }, timeoutMs);
    const keep = (chunk) => {
      log = (log + chunk.toString()).slice(-65536);
    };
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    child.on('error', (error) => {
      clearTimeout(timer);
      resolve({ code: 127, log: `${log}\n${String(error)}` });
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code: code ?? 1, log });
    });
  });
}

function removeIfEmpty(dir) {
  try {
    rmdirSync(dir);
  } catch {
    // not empty or already gone: leave it
  }
}

function findNodeGyp(root) {
  const local = join(root, 'node_modules', 'node-gyp', 'bin', 'node-gyp.js');
  return existsSync(local) ? local : undefined;
}

/**
 * Builds and stages the Electron-ABI binding. Resolves { status, message } with status
 * 'current' | 'staged' | 'unavailable'; never rejects.
 */
export async function stageElectronBinding({
  root = projectRoot,
  env = process.env,
  timeoutMs = BUILD_TIMEOUT_MS,
  force = false,
} = {}) {
  const info = electronInfo(root);
  const packageDir = join(root, 'node_modules', 'better-sqlite3');
  const betterSqliteVersion = readJson(join(packageDir, 'package.json'))?.version;
  if (!info || !betterSqliteVersion) {
    return { status: 'unavailable', message: 'electron or better-sqlite3 is not installed; Node build only.' };
  }
  if (isStagedCurrent(root, info, betterSqliteVersion)) {
    return { status: 'current', message: `Electron ${info.version} build of better-sqlite3 is staged.` };
  }
  const failed = force ? undefined : recentFailure(root, info, betterSqliteVersion);
  if (failed) {
    return {
      status: 'unavailable',
      message: `the last build for Electron ${info.version} failed (${failed.reason}); Node build only. Retry: node main/tools/native-electron.mjs --force`,
    };
  }
  const nodeGyp = findNodeGyp(root);
  if (!nodeGyp) return { status: 'unavailable', message: 'node-gyp is not installed; Node build only.' };

  const buildEnv = electronBuildEnv(env, info);
  const target = [`--target=${info.version}`, '--runtime=electron', `--dist-url=${HEADERS_URL}`];
  // Headers first (--ensure: reuse node-gyp's cached copy): offline, this fails in a second, before any copying.
  const headers = await runQuiet(process.execPath, [nodeGyp, 'install', '--ensure', ...target], {
    cwd: root,
    env: buildEnv,
    timeoutMs,
  });
  if (headers.code !== 0) {
    return {
      status: 'unavailable',
      message: `could not build for Electron ${info.version} (${summarizeFailure(headers.log)}); Node build only.`,
    };
  }
  const scratch = join(root, '.native', 'build', `better-sqlite3-${betterSqliteVersion}-electron-${info.version}`);
  try {
    rmSync(scratch, { recursive: true, force: true });
    cpSync(packageDir, scratch, { recursive: true, filter: (src) => !src.startsWith(join(packageDir, 'build')) });
    const result = await runQuiet(process.execPath, [nodeGyp, 'rebuild', '--release', ...target], {
      cwd: scratch,
      env: buildEnv,
      timeoutMs,
    });
    if (result.code !== 0) {
      const reason = summarizeFailure(result.log);
      rememberFailure(root, info, betterSqliteVersion, reason);
      return {
        status: 'unavailable',
        message: `could not build for Electron ${info.version} (${reason}); Node build only.`,
      };
    }
    const built = join(scratch, 'build', 'Release', 'better_sqlite3.node');
    if (!existsSync(built) || !exportsAbi(readFileSync(built), info.abi)) {
      rememberFailure(root, info, betterSqliteVersion, `the result did not target Electron's ABI ${info.abi}`);
      return {
        status: 'unavailable',
        message: `the build did not target Electron's ABI ${info.abi}; Node build only.`,
      };
    }
    const dir = stagedDir(root, info.version);
    mkdirSync(dir, { recursive: true });
    copyFileSync(built, join(dir, 'better_sqlite3.node'));
    const marker = {
      electron: info.version,
      abi: info.abi,
      betterSqlite3: betterSqliteVersion,
      builtAt: new Date().toISOString(),
    };
    writeFileSync(join(dir, 'better_sqlite3.json'), `${JSON.stringify(marker, null, 2)}\n`);
    rmSync(join(dir, 'last-failure.json'), { force: true });
    return {
      status: 'staged',
      message: `staged better-sqlite3 ${betterSqliteVersion} for Electron ${info.version} (ABI ${info.abi}).`,
    };
  } catch (error) {
    return {
      status: 'unavailable',
      message: `could not stage the Electron build (${error instanceof Error ? error.message : String(error)}); Node build only.`,
    };
  } finally {
    rmSync(scratch, { recursive: true, force: true });
    removeIfEmpty(join(root, '.native', 'build'));
  }
}

if (isMainModule(import.meta.url)) {
  stageElectronBinding({ force: process.argv.includes('--force') }).then((result) => {
    console.log(`native-electron: ${result.message}`);
    process.exit(0);
  });
}
