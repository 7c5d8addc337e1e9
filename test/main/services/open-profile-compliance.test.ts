/** The window's live profile reads the Compliance API feed into its trail at each sync. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { openWindowData } from '../../../main/services/open-profile';
import { searchAuditEvents } from '../../../main/db/audit/index';
import { readProfileSetting } from '../../../main/db/settings/profile-settings';
import { startSandbox } from '../../../main/sandbox/index';

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

describe('window data and the compliance feed', () => {
  it('a live profile whose org has the feed gets its activities in the trail, and the probe says available', async () => {
    const sandbox = await startSandbox({ seed: 9, compliance: true, seededEvents: false });
    cleanups.push(() => sandbox.close());
    const dataDir = mkdtempSync(join(tmpdir(), 'clade-window-compliance-'));
    const data = await openWindowData({
      dataDir,
      profileId: 'default',
      readStoredKey: async () => sandbox.adminKey,
      baseURL: sandbox.url,
      requestsPerMinute: null,
      log: vi.fn(),
    });
    cleanups.push(async () => {
      await data.close();
      await data.ready;
      rmSync(dataDir, { recursive: true, force: true });
    });
    await data.ready;
    expect(readProfileSetting(data.db, 'compliance.probe')).toMatchObject({ status: 'available' });
    expect(searchAuditEvents(data.db, 'source:compliance').events.length).toBeGreaterThan(0);
  });
});
