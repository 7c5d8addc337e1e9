import { homedir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultDataDir, mirrorFile } from '../../../main/adapters/data-dir';

describe('defaultDataDir (the folder the app and the CLI share)', () => {
  it.each([
    ['linux', {}, join(homedir(), '.config', 'clade-admin')],
    ['linux', { XDG_CONFIG_HOME: '/x/cfg' }, '/x/cfg/clade-admin'],
    ['darwin', {}, join(homedir(), 'Library', 'Application Support', 'clade-admin')],
    ['win32', { APPDATA: 'C:/Users/a/AppData/Roaming' }, join('C:/Users/a/AppData/Roaming', 'clade-admin')],
  ] as const)("on %s with %o it is Electron's userData", (platform, env, expected) => {
    expect(defaultDataDir(env, platform)).toBe(expected);
  });

  it('CLADE_DATA_DIR overrides the platform default', () => {
    expect(defaultDataDir({ CLADE_DATA_DIR: '/tmp/d' }, 'linux')).toBe('/tmp/d');
  });

  it('keeps one mirror file per profile', () => {
    expect(mirrorFile('/d', 'work')).toBe(join('/d', 'profiles', 'work', 'mirror.sqlite'));
    expect(mirrorFile('/d', 'work')).not.toBe(mirrorFile('/d', 'home'));
  });
});
