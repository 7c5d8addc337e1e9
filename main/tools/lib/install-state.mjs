// Decides whether node_modules already holds what package-lock.json asks for, without running npm.
// npm writes node_modules/.package-lock.json (the "hidden lockfile") after every install; when each
// non-optional package of the real lockfile is there at the same version, an install would be a no-op.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

function readJson(file) {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return undefined;
  }
}

const DEPENDENCY_FIELDS = ['dependencies', 'devDependencies', 'optionalDependencies', 'peerDependencies'];

/** True when package.json declares the same dependency ranges as the lockfile's root entry. */
export function manifestMatchesLock(manifest, lock) {
  const lockRoot = lock?.packages?.[''];
  if (!lockRoot) return false;
  return DEPENDENCY_FIELDS.every((field) => {
    const wanted = manifest?.[field] ?? {};
    const locked = lockRoot[field] ?? {};
    const names = new Set([...Object.keys(wanted), ...Object.keys(locked)]);
    return [...names].every((name) => wanted[name] === locked[name]);
  });
}

/**
 * Compares the lockfile with the hidden lockfile. Returns the first difference as a sentence, or
 * undefined when they agree. Optional packages (other platforms' binaries) may be absent.
 */
export function firstLockDifference(lock, hidden) {
  const wanted = lock?.packages ?? {};
  const have = hidden?.packages ?? {};
  for (const [path, entry] of Object.entries(wanted)) {
    if (path === '' || entry.link) continue;
    const installed = have[path];
    if (!installed) {
      if (entry.optional) continue;
      return `${path} is missing`;
    }
    if (entry.version && installed.version !== entry.version) {
      return `${path} is ${installed.version ?? 'unknown'}, the lockfile wants ${entry.version}`;
    }
  }
  return undefined;
}

/**
 * Reads the project's files and answers { installed, reason, lockUsable }.
 * lockUsable tells setup whether `npm ci` can be used (a lockfile in step with package.json).
 */
export function inspectInstall(root) {
  const lockFile = join(root, 'package-lock.json');
  const manifest = readJson(join(root, 'package.json'));
  const lock = existsSync(lockFile) ? readJson(lockFile) : undefined;
  const lockUsable = lock !== undefined && manifestMatchesLock(manifest, lock);
  if (!existsSync(join(root, 'node_modules')))
    return { installed: false, reason: 'node_modules is missing', lockUsable };
  if (!lock) return { installed: false, reason: 'there is no package-lock.json', lockUsable };
  if (!lockUsable) return { installed: false, reason: 'package.json and package-lock.json differ', lockUsable };
  const hidden = readJson(join(root, 'node_modules', '.package-lock.json'));
  if (!hidden) return { installed: false, reason: 'node_modules/.package-lock.json is missing', lockUsable };
  const difference = firstLockDifference(lock, hidden);
  if (difference) return { installed: false, reason: difference, lockUsable };
  return { installed: true, reason: 'node_modules matches package-lock.json', lockUsable };
}
