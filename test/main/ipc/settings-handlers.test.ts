import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createProfilesFile } from '../../../main/adapters/profiles-file';
import { ensureMirrorFile, mirrorFile } from '../../../main/adapters/data-dir';
import { createWindowProfiles, createWindowVault, initialProfileId } from '../../../main/services/profiles';
import { openMirror, type MirrorDb } from '../../../main/db/open';
import { readProfileSetting } from '../../../main/db/settings/profile-settings';
import { dispatch } from '../../../main/ipc/dispatch';
import { createHandlers } from '../../../main/ipc/create-handlers';
import { sampleInfo } from './fixtures';

const FAKE_KEY = 'sk-ant-admin01-TESTsettingsHandlers0000000000000000';
const cleanups: Array<() => void> = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0).reverse()) cleanup();
});

/** Main as the window sees it: a data dir with profiles.json, a keychain in memory, one open mirror per active profile. */
function setup(options: { withProfiles?: boolean } = {}) {
  const dataDir = mkdtempSync(join(tmpdir(), 'clade-settings-'));
  const stored = new Map<string, string>();
  const secrets = {
    get: async (id: string) => stored.get(id) ?? null,
    set: async (id: string, key: string) => void stored.set(id, key),
    delete: async (id: string) => stored.delete(id),
  };
  const profilesFile = createProfilesFile(dataDir);
  let active = 'default';
  let db: MirrorDb | null = openMirror(ensureMirrorFile(dataDir, active));
  const activate = vi.fn(async (id: string) => {
    db?.close();
    db = null;
    active = id;
    db = openMirror(ensureMirrorFile(dataDir, id));
  });
  cleanups.push(() => {
    db?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });
  const onSyncSettingsChanged = vi.fn();
  const profiles = createWindowProfiles({
    dataDir,
    secrets,
    profiles: profilesFile,
    clock: { now: () => 1_790_000_000_000 },
    active: () => active,
    activate,
  });
  const vault = createWindowVault({
    profileId: () => active,
    secrets,
    profiles: profilesFile,
    verify: async () => ({ orgId: 'org_x', orgName: 'X' }),
    clock: Date,
  });
  const handlers = createHandlers({
    appInfo: () => sampleInfo,
    mirror: () => db,
    now: () => 1_790_000_000_000,
    vault,
    onKeyChanged: async () => undefined,
    ...(options.withProfiles === false ? {} : { profiles }),
    onSyncSettingsChanged,
  });
  const call = (channel: string, request?: unknown) => dispatch(handlers, channel, request, 'ipc', vi.fn());
  return { dataDir, stored, profilesFile, activate, onSyncSettingsChanged, call, db: () => db!, active: () => active };
}

function settingEvents(
  db: MirrorDb,
): Array<{ type: string; summary: string; before_json: string | null; after_json: string | null }> {
  return db
    .prepare(`SELECT type, summary, before_json, after_json FROM audit_events WHERE source = 'local' ORDER BY id`)
    .all() as never;
}

describe('settings channels: values', () => {
  it('reads the defaults and the accepted ranges from the catalogue, and the profiles without any key', async () => {
    const { call, stored } = setup();
    stored.set('default', FAKE_KEY);
    const result = await call('clade:settings/get');
    expect(result).toEqual({
      ok: true,
      value: {
        activeProfileId: 'default',
        profiles: [
          { id: 'demo', label: 'Demo org (sandbox)', orgName: null, demo: true, active: false, keyStored: false },
          { id: 'default', label: 'default', orgName: null, demo: false, active: true, keyStored: true },
        ],
        values: {
          'sync.intervalMinutes': 15,
          'sync.historyDays': 90,
          'sync.requestsPerMinute': 60,
          'audit.retentionDays': null,
        },
        limits: {
          'sync.intervalMinutes': { min: 5, max: 1440 },
          'sync.historyDays': { min: 1, max: 400 },
          'sync.requestsPerMinute': { min: 1, max: 600 },
          'audit.retentionDays': { min: 1, max: 36500 },
        },
      },
    });
    expect(JSON.stringify(result)).not.toContain(FAKE_KEY);
  });

  it('stores a valid interval, tells the scheduler, records the change in the trail, and answers the new values', async () => {
    const { call, db, onSyncSettingsChanged } = setup();
    const result = await call('clade:settings/set', { name: 'sync.intervalMinutes', value: 30 });
    expect(result).toMatchObject({ ok: true, value: { values: { 'sync.intervalMinutes': 30 } } });
    expect(readProfileSetting(db(), 'sync.intervalMinutes')).toBe(30);
    expect(onSyncSettingsChanged).toHaveBeenCalledOnce();
    const events = settingEvents(db());
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      type: 'settings.changed',
      summary: expect.stringContaining('sync.intervalMinutes'),
    });
    expect(JSON.parse(events[0]!.before_json!)).toEqual({ 'sync.intervalMinutes': 15 });
    expect(JSON.parse(events[0]!.after_json!)).toEqual({ 'sync.intervalMinutes': 30 });
  });

  it('refuses an out-of-range interval as bad-request with a message for the field, storing and recording nothing', async () => {
    const { call, db, onSyncSettingsChanged } = setup();
    const result = await call('clade:settings/set', { name: 'sync.intervalMinutes', value: 2 });
    expect(result).toEqual({
      ok: false,
      error: { code: 'bad-request', message: 'Sync interval must be a whole number of minutes from 5 to 1440.' },
    });
    await expect(call('clade:settings/set', { name: 'sync.historyDays', value: 12.5 })).resolves.toMatchObject({
      ok: false,
      error: { code: 'bad-request', message: expect.stringContaining('from 1 to 400') },
    });
    await expect(call('clade:settings/set', { name: 'sync.historyDays', value: null })).resolves.toMatchObject({
      ok: false,
      error: { code: 'bad-request' },
    });
    expect(readProfileSetting(db(), 'sync.intervalMinutes')).toBe(15);
    expect(settingEvents(db())).toHaveLength(0);
    expect(onSyncSettingsChanged).not.toHaveBeenCalled();
  });

  it('refuses a setting the window may not change before it reaches the handler', async () => {
    const { call } = setup();
    await expect(call('clade:settings/set', { name: 'compliance.probe', value: null })).resolves.toMatchObject({
      ok: false,
      error: { code: 'bad-request' },
    });
  });

  it('sets audit retention to a number of days and back to "keep everything" (null), without waking the scheduler', async () => {
    const { call, db, onSyncSettingsChanged } = setup();
    await expect(call('clade:settings/set', { name: 'audit.retentionDays', value: 365 })).resolves.toMatchObject({
      ok: true,
      value: { values: { 'audit.retentionDays': 365 } },
    });
    await expect(call('clade:settings/set', { name: 'audit.retentionDays', value: null })).resolves.toMatchObject({
      ok: true,
      value: { values: { 'audit.retentionDays': null } },
    });
    expect(settingEvents(db())).toHaveLength(2);
    expect(onSyncSettingsChanged).not.toHaveBeenCalled();
  });

  it('stores the sync rate in its range and refuses one outside it with the field message', async () => {
    const { call, db } = setup();
    await expect(call('clade:settings/set', { name: 'sync.requestsPerMinute', value: 120 })).resolves.toMatchObject({
      ok: true,
      value: { values: { 'sync.requestsPerMinute': 120 } },
    });
    expect(readProfileSetting(db(), 'sync.requestsPerMinute')).toBe(120);
    const refused = await call('clade:settings/set', { name: 'sync.requestsPerMinute', value: 601 });
    expect(JSON.stringify(refused)).toMatch(/sync rate must be a whole number of requests a minute from 1 to 600/);
    expect(readProfileSetting(db(), 'sync.requestsPerMinute')).toBe(120);
    expect(settingEvents(db())).toHaveLength(1);
  });

  it('records nothing when a value is set to what it already is', async () => {
    const { call, db, onSyncSettingsChanged } = setup();
    await call('clade:settings/set', { name: 'sync.intervalMinutes', value: 15 });
    expect(settingEvents(db())).toHaveLength(0);
    expect(onSyncSettingsChanged).not.toHaveBeenCalled();
  });

  it('stores a longer history for the next syncs without re-arming the timer (that would only delay the next sync)', async () => {
    const { call, db, onSyncSettingsChanged } = setup();
    await expect(call('clade:settings/set', { name: 'sync.historyDays', value: 180 })).resolves.toMatchObject({
      ok: true,
      value: { values: { 'sync.historyDays': 180 } },
    });
    expect(readProfileSetting(db(), 'sync.historyDays')).toBe(180);
    expect(settingEvents(db())).toHaveLength(1);
    expect(onSyncSettingsChanged).not.toHaveBeenCalled();
  });
});

describe('settings channels: profiles', () => {
  it('adds a profile from its label (id derived, never the demo id), stores it in profiles.json, records it', async () => {
    const { call, dataDir, db } = setup();
    const first = await call('clade:settings/add-profile', { label: 'Acme Prod' });
    expect(first).toMatchObject({
      ok: true,
      value: {
        profiles: expect.arrayContaining([
          expect.objectContaining({ id: 'acme-prod', label: 'Acme Prod', active: false, keyStored: false }),
        ]),
      },
    });
    await call('clade:settings/add-profile', { label: 'Acme  Prod' });
    await call('clade:settings/add-profile', { label: 'Demo' });
    const registry = JSON.parse(readFileSync(join(dataDir, 'profiles.json'), 'utf8')) as {
      profiles: Array<{ id: string }>;
    };
    expect(registry.profiles.map((p) => p.id).sort()).toEqual(['acme-prod', 'acme-prod-2', 'demo-2']);
    expect(settingEvents(db()).map((e) => e.summary)).toEqual(Array(3).fill('Changed setting profile.added'));
  });

  it("refuses an empty label with the vault's message", async () => {
    const { call } = setup();
    await expect(call('clade:settings/add-profile', { label: '   ' })).resolves.toMatchObject({
      ok: false,
      error: { code: 'bad-request', message: expect.stringContaining('label') },
    });
  });

  it('switches the active profile: main reopens the data, the choice is remembered, the new mirror records it', async () => {
    const { call, dataDir, activate, db } = setup();
    await call('clade:settings/add-profile', { label: 'Acme' });
    await call('clade:settings/set', { name: 'sync.intervalMinutes', value: 60 });
    const result = await call('clade:settings/switch-profile', { profileId: 'acme' });
    expect(activate).toHaveBeenCalledWith('acme');
    expect(result).toMatchObject({
      ok: true,
      value: { activeProfileId: 'acme', values: { 'sync.intervalMinutes': 15 } },
    });
    expect(db().name).toBe(mirrorFile(dataDir, 'acme'));
    expect(initialProfileId(dataDir, {})).toBe('acme');
    expect(initialProfileId(dataDir, { CLADE_PROFILE: 'other' })).toBe('other');
    expect(settingEvents(db()).map((e) => e.summary)).toEqual(['Changed setting profile.active']);
    // Back to default: its own interval is still there.
    await expect(call('clade:settings/switch-profile', { profileId: 'default' })).resolves.toMatchObject({
      ok: true,
      value: { values: { 'sync.intervalMinutes': 60 } },
    });
  });

  it('opens the default profile when the remembered choice is unreadable or not a profile id', async () => {
    const { dataDir } = setup();
    writeFileSync(join(dataDir, 'active-profile.json'), '{"profileId": "../../etc"}');
    expect(initialProfileId(dataDir, {})).toBe('default');
    writeFileSync(join(dataDir, 'active-profile.json'), 'not json');
    expect(initialProfileId(dataDir, {})).toBe('default');
  });

  it('refuses to switch to a profile that does not exist', async () => {
    const { call, activate } = setup();
    await expect(call('clade:settings/switch-profile', { profileId: 'nope' })).resolves.toMatchObject({
      ok: false,
      error: { code: 'not-found' },
    });
    expect(activate).not.toHaveBeenCalled();
  });

  it('removes a profile with its key, keeping its mirror unless asked, and refuses the active and the demo profile', async () => {
    const { call, stored, dataDir } = setup();
    await call('clade:settings/add-profile', { label: 'Old org' });
    await call('clade:settings/add-profile', { label: 'Gone org' });
    stored.set('old-org', FAKE_KEY);
    ensureMirrorFile(dataDir, 'old-org');
    openMirror(mirrorFile(dataDir, 'old-org')).close();
    openMirror(ensureMirrorFile(dataDir, 'gone-org')).close();

    const kept = await call('clade:settings/remove-profile', { profileId: 'old-org', deleteMirror: false });
    expect(kept).toMatchObject({ ok: true });
    expect(stored.has('old-org')).toBe(false);
    expect(existsSync(mirrorFile(dataDir, 'old-org'))).toBe(true);
    expect((kept as { value: { profiles: Array<{ id: string }> } }).value.profiles.map((p) => p.id)).toEqual([
      'demo',
      'gone-org',
      'default',
    ]);

    await call('clade:settings/remove-profile', { profileId: 'gone-org', deleteMirror: true });
    expect(existsSync(mirrorFile(dataDir, 'gone-org'))).toBe(false);

    await expect(
      call('clade:settings/remove-profile', { profileId: 'default', deleteMirror: true }),
    ).resolves.toMatchObject({
      ok: false,
      error: { code: 'bad-request', message: expect.stringContaining('Switch to another profile') },
    });
    await expect(
      call('clade:settings/remove-profile', { profileId: 'demo', deleteMirror: false }),
    ).resolves.toMatchObject({ ok: false, error: { code: 'bad-request' } });
  });

  it('connects the key of the ACTIVE profile after a switch', async () => {
    const { call, stored } = setup();
    await call('clade:settings/add-profile', { label: 'Acme' });
    await call('clade:settings/switch-profile', { profileId: 'acme' });
    await expect(call('clade:key/set', { key: FAKE_KEY })).resolves.toMatchObject({
      ok: true,
      value: { present: true },
    });
    expect([...stored.keys()]).toEqual(['acme']);
    const listed = await call('clade:settings/get');
    expect(listed).toMatchObject({
      ok: true,
      value: {
        profiles: expect.arrayContaining([
          expect.objectContaining({ id: 'acme', keyStored: true, orgName: 'X', active: true }),
        ]),
      },
    });
    expect(JSON.stringify(listed)).not.toContain(FAKE_KEY);
  });

  it('without a profiles port: values still work, the list is empty and profile changes are unavailable', async () => {
    const { call } = setup({ withProfiles: false });
    await expect(call('clade:settings/get')).resolves.toMatchObject({
      ok: true,
      value: { activeProfileId: 'default', profiles: [] },
    });
    await expect(call('clade:settings/add-profile', { label: 'X' })).resolves.toMatchObject({
      ok: false,
      error: { code: 'unavailable' },
    });
  });
});

describe('settings channels while the mirror is being prepared', () => {
  it('answers values null and refuses a change as unavailable', async () => {
    const handlers = createHandlers({
      appInfo: () => sampleInfo,
      mirror: () => null,
      now: () => 0,
      vault: createWindowVault({
        profileId: 'default',
        secrets: { get: async () => null, set: async () => undefined, delete: async () => false },
        profiles: { read: () => ({ version: 1, profiles: [] }), write: () => undefined },
        verify: async () => ({ orgId: 'o', orgName: 'o' }),
        clock: Date,
      }),
      onKeyChanged: async () => undefined,
    });
    await expect(dispatch(handlers, 'clade:settings/get', undefined, 'ipc', vi.fn())).resolves.toMatchObject({
      ok: true,
      value: { values: null },
    });
    await expect(
      dispatch(handlers, 'clade:settings/set', { name: 'sync.intervalMinutes', value: 30 }, 'ipc', vi.fn()),
    ).resolves.toMatchObject({ ok: false, error: { code: 'unavailable' } });
  });
});
