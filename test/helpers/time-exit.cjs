// Runs a command with stdin closed and prints one JSON line: its exit code, its stderr, when it first wrote to stderr
// and when it exited (ms after the start). A command still running after CAP_MS is killed and reported with
// `exitMs: null`, so a hang shows up as a clear failure rather than a session timeout.
//   node test/helpers/time-exit.cjs <file> [args…]
const { spawn } = require('node:child_process');

const CAP_MS = 15_000;
const [file, ...args] = process.argv.slice(2);
const started = Date.now();
const child = spawn(file, args, { stdio: ['ignore', 'ignore', 'pipe'] });
let stderr = '';
let firstStderrMs = null;
child.stderr.on('data', (chunk) => {
  firstStderrMs ??= Date.now() - started;
  stderr += chunk;
});
const cap = setTimeout(() => child.kill('SIGKILL'), CAP_MS);
child.on('exit', (code, signal) => {
  clearTimeout(cap);
  const exitMs = signal === 'SIGKILL' ? null : Date.now() - started;
  process.stdout.write(`${JSON.stringify({ code, signal, stderr, firstStderrMs, exitMs })}\n`);
});
