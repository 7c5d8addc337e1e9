import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createProfilesFile, deleteProfileMirror, mirrorFilePaths } from '../../../main/adapters/profiles-file';
import { recordVerification } from '../../../main/core/vault/profiles';

const T0 = Date.UTC(2026, 10, 23, 9, 0, 0);

const tempRoots: string[] = [];
afterAll(() => {
  for (const root of tempRoots) rmSync(root, { recursive: true, force: true });
});

function tempDataDir(): string {
  const root = mkdtempSync(join(tmpdir(), 'clade-profiles-'));
  tempRoots.push(root);
  return join(root, 'data');
}

describe('createProfilesFile', () => {
  it('starts empty (only the demo profile) when no file exists, without creating one', () => {
    const dataDir = tempDataDir();
    const file = createProfilesFile(dataDir);
    expect(file.list().map((p) => p.id)).toEqual(['demo']);
    expect(existsSync(file.path)).toBe(false);
  });

  it('adds, lists, relabels and removes profiles, persisted in <dataDir>/profiles.json', () => {
    const dataDir = tempDataDir();
    const file = createProfilesFile(dataDir);
    expect(file.path).toBe(join(dataDir, 'profiles.json'));
    expect(file.add({ id: 'acme', label: 'Acme' }, T0)).toMatchObject({ id: 'acme', label: 'Acme', orgId: null });
    file.add({ id: 'beta' }, T0);
    expect(file.relabel('acme', 'Acme (prod)').label).toBe('Acme (prod)');
    // A second handle on the same folder (the CLI next to the app) sees the same registry.
    const other = createProfilesFile(dataDir);
    expect(other.list().map((p) => [p.id, p.label])).toEqual([
      ['demo', 'Demo org (sandbox)'],
      ['acme', 'Acme (prod)'],
      ['beta', 'beta'],
    ]);
    expect(other.remove('beta')).toBe(true);
    expect(other.remove('beta')).toBe(false);
    expect(file.get('beta')).toBeUndefined();
    expect(JSON.parse(readFileSync(file.path, 'utf8'))).toMatchObject({ version: 1, profiles: [{ id: 'acme' }] });
  });

  it('writes the file with mode 0600 and its folder with 0700, and leaves no temp file behind', () => {
    const dataDir = tempDataDir();
    const file = createProfilesFile(dataDir);
    file.write(
      recordVerification({ version: 1, profiles: [] }, { profileId: 'p', orgId: 'o', orgName: 'O', nowMs: T0 }),
    );
    file.add({ id: 'q' }, T0);
    expect(statSync(file.path).mode & 0o777).toBe(0o600);
    expect(statSync(dataDir).mode & 0o777).toBe(0o700);
    expect(readdirSync(dataDir)).toEqual(['profiles.json']);
  });

  it('replaces a world-readable file by a 0600 one on the next write (atomic rename)', () => {
    const dataDir = tempDataDir();
    mkdirSync(dataDir, { recursive: true });
    const path = join(dataDir, 'profiles.json');
    writeFileSync(path, JSON.stringify({ version: 1, profiles: [] }), { mode: 0o644 });
    createProfilesFile(dataDir).add({ id: 'p' }, T0);
    expect(statSync(path).mode & 0o777).toBe(0o600);
  });

  it('refuses a corrupt file with a clear message instead of silently starting over', () => {
    const dataDir = tempDataDir();
    mkdirSync(dataDir, { recursive: true });
    writeFileSync(join(dataDir, 'profiles.json'), '{"version": 1, "profiles": [');
    expect(() => createProfilesFile(dataDir).list()).toThrow(/profiles\.json is not valid JSON; fix or move it aside/);
  });
});

describe('deleteProfileMirror', () => {
  it('deletes the SQLite mirror with its -wal, -shm and -journal files, its audit head and seal file, and the emptied profile folder', () => {
    const dataDir = tempDataDir();
    const paths = mirrorFilePaths(dataDir, 'acme');
    expect(paths.map((p) => p.slice(dataDir.length))).toEqual([
      '/profiles/acme/mirror.sqlite',
      '/profiles/acme/mirror.sqlite-wal',
      '/profiles/acme/mirror.sqlite-shm',
      '/profiles/acme/mirror.sqlite-journal',
      '/profiles/acme/mirror.sqlite.audit-head.json',
      '/profiles/acme/mirror.sqlite.audit-seal',
    ]);
    mkdirSync(join(dataDir, 'profiles', 'acme'), { recursive: true });
    const present = [...paths.slice(0, 3), paths[4] as string];
    for (const p of present) writeFileSync(p, 'x');
    expect(deleteProfileMirror(dataDir, 'acme')).toEqual(present);
    expect(existsSync(join(dataDir, 'profiles', 'acme'))).toBe(false);
  });

  it("keeps other profiles' mirrors and other files of the profile", () => {
    const dataDir = tempDataDir();
    for (const id of ['acme', 'beta']) {
      mkdirSync(join(dataDir, 'profiles', id), { recursive: true });
      writeFileSync(mirrorFilePaths(dataDir, id)[0] as string, 'x');
    }
    writeFileSync(join(dataDir, 'profiles', 'acme', 'export.csv'), 'x');
    deleteProfileMirror(dataDir, 'acme');
    expect(readdirSync(join(dataDir, 'profiles', 'acme'))).toEqual(['export.csv']);
    expect(existsSync(mirrorFilePaths(dataDir, 'beta')[0] as string)).toBe(true);
  });

  it('refuses a profile id that could escape the data folder', () => {
    expect(() => deleteProfileMirror(tempDataDir(), '../x')).toThrow(/Invalid profile id/);
  });
});
