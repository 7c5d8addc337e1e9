// Runs after `npm install` / `npm ci`: builds the app and CLI so `npx clade-admin` works at once,
// and links the CLI into node_modules/.bin (npm does not link a package's own bin into itself).
import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, rmSync, symlinkSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const viteBin = join(root, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js');
if (!existsSync(viteBin)) {
  console.error('prepare: dev dependencies are not installed; skipping the build.');
  process.exit(0);
}
try {
  execFileSync(process.execPath, [viteBin, 'build', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' });
} catch {
  // electron-vite has already printed the build errors; a Node stack trace of execFileSync adds nothing.
  console.error('prepare: the build failed (see the errors above).');
  process.exit(1);
}
const cli = join(root, 'out', 'main', 'cli.js');
chmodSync(cli, 0o755);
const binDir = join(root, 'node_modules', '.bin');
mkdirSync(binDir, { recursive: true });
const link = join(binDir, 'clade-admin');
rmSync(link, { force: true });
symlinkSync(relative(binDir, cli), link);
