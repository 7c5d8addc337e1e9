import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { openWindowData, type WindowData } from '../../../main/app/window-data';

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

async function open(hasStoredKey: (profileId: string) => Promise<boolean>, log = vi.fn()): Promise<WindowData> {
  const dataDir = mkdtempSync(join(tmpdir(), 'clade-window-data-'));
  const data = await openWindowData({ dataDir, profileId: 'default', hasStoredKey, log });
  cleanups.push(async () => {
    await data.close();
    rmSync(dataDir, { recursive: true, force: true });
  });
  return data;
}

describe('openWindowData', () => {
  it('serves the synced demo org when no key is stored', async () => {
    const data = await open(async () => false);
    expect(data.mode).toBe('demo');
    expect(data.profileId).toBe('demo');
    const tree = data.readOrgTree();
    expect(tree?.workspaces.length).toBeGreaterThanOrEqual(3);
    expect(tree?.syncedAtMs).not.toBeNull();
  });

  it("serves the profile's own (still empty) mirror when a key is stored, without syncing the demo", async () => {
    const data = await open(async (profileId) => profileId === 'default');
    expect(data.mode).toBe('live');
    expect(data.readOrgTree()).toBeNull();
  });

  it('falls back to the demo org, and logs, when the keychain cannot be read', async () => {
    const log = vi.fn();
    const data = await open(async () => {
      throw new Error('keychain locked');
    }, log);
    expect(data.mode).toBe('demo');
    expect(log).toHaveBeenCalledWith(expect.stringContaining('keychain'), expect.any(Error));
  });
});
