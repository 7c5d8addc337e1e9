// `npm start`: one command that works on any machine.
//   1. installs dependencies when node_modules does not match the lockfile (setup.mjs, with the
//      Electron-download fallback);
//   2. builds when out/ is missing or older than the sources;
//   3. opens the Electron app when an Electron binary AND a display exist (after staging the
//      Electron-ABI better-sqlite3, see native-electron.mjs), otherwise says why and runs the
//      headless demo (`clade-admin demo`: the demo org tree, the same data the app shows without a key).
// Options: --headless (always run the demo). Errors are reported in one sentence, never a stack trace.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { findDisplay, findElectronBinary, planLaunch, staleBuildReason } from './lib/launch-plan.mjs';
import { isMainModule, projectRoot } from './lib/project.mjs';
import { stageElectronBinding } from './native-electron.mjs';

/** Runs a child with our terminal, forwarding Ctrl-C / SIGTERM; resolves its exit code. */
function runInherited(command, args, env = process.env) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: projectRoot, env, stdio: ['inherit', 'inherit', 'inherit'] });
    const forward = (signal) => child.kill(signal);
    process.on('SIGINT', forward);
    process.on('SIGTERM', forward);
    const done = (code) => {
      process.off('SIGINT', forward);
      process.off('SIGTERM', forward);
      resolve(code);
    };
    child.on('error', (error) => {
      console.error(`start: could not run ${command}: ${error.message}`);
      done(127);
    });
    child.on('close', (code, signal) => done(code ?? (signal ? 130 : 1)));
  });
}

const node = (script, args = []) => runInherited(process.execPath, [join(projectRoot, script), ...args]);

async function ensureInstalled() {
  const code = await node('main/tools/setup.mjs', ['--check']);
  if (code !== 0)
    throw new Error(
      'installing the dependencies failed (see the npm output above); fix that and run `npm start` again',
    );
}

async function ensureBuilt() {
  const reason = staleBuildReason(projectRoot);
  if (!reason) return;
  console.log(`start: building (${reason}) …`);
  // prepare.mjs builds with electron-vite and links node_modules/.bin/clade-admin.
  if ((await node('main/tools/prepare.mjs')) !== 0) throw new Error('the build failed (see the errors above)');
}

async function launchElectron(binary) {
  const staged = await stageElectronBinding({ root: projectRoot });
  console.log(`start: native module: ${staged.message}`);
  if (staged.status === 'unavailable') {
    console.log('start: without an Electron build of better-sqlite3 the app cannot open its local database; once the');
    console.log('start: Electron headers can be downloaded (electronjs.org), `npm start` stages that build by itself.');
  }
  const env = { ...process.env };
  delete env.ELECTRON_RUN_AS_NODE; // would turn the app into a plain Node process
  return runInherited(binary, ['.'], env);
}

async function runHeadlessDemo(reasons) {
  console.log('start: the app window cannot open here, so this runs the headless demo instead:');
  for (const reason of reasons) console.log(`  - ${reason}`);
  console.log('start: `clade-admin demo` — the demo org the app shows when no key is stored:\n');
  return node('out/main/cli.js', ['demo']);
}

export async function start(argv) {
  await ensureInstalled();
  await ensureBuilt();
  const plan = planLaunch({
    electron: findElectronBinary(projectRoot),
    display: findDisplay(),
    forceHeadless: argv.includes('--headless'),
  });
  return plan.mode === 'electron' ? launchElectron(plan.binary) : runHeadlessDemo(plan.reasons);
}

if (isMainModule(import.meta.url)) {
  start(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (error) => {
      console.error(`start: ${error instanceof Error ? error.message : String(error)}`);
      process.exit(1);
    },
  );
}
