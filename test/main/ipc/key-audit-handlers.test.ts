/**
 * The window's key channels record the admin's action in the audit trail of the profile the key belongs to,
 * never in the demo mirror the window may be showing, and never the key itself.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createWindowVault } from '../../../main/services/profiles';
import { createSdkVerifier } from '../../../main/adapters/anthropic/verify-key';
import { EMPTY_REGISTRY, type ProfileRegistry } from '../../../main/core/vault/profiles';
import { searchAuditEvents, verifyAuditChain } from '../../../main/db/audit/index';
import type { SecretStorePort } from '../../../main/core/vault/ports';
import { findAuditSeal } from '../../../main/services/audit-seal';
import { openMirror, type MirrorDb } from '../../../main/db/open';
import { createHandlers } from '../../../main/ipc/create-handlers';
import { dispatch } from '../../../main/ipc/dispatch';
import { startSandbox, type RunningSandbox } from '../../../main/sandbox/index';
import { findSecretTraces } from '../../helpers/secret-scan';
import { sampleInfo } from './fixtures';

const NOW = Date.UTC(2026, 10, 23, 9, 14);
let sandbox: RunningSandbox;
let root: string;
beforeAll(async () => {
  sandbox = await startSandbox({ seed: 6 });
  root = mkdtempSync(join(tmpdir(), 'clade-key-ipc-audit-'));
});
afterAll(async () => {
  await sandbox.close();
  rmSync(root, { recursive: true, force: true });
});

/** The keychain of the latest setup: the admin key and, beside it, the trail's audit seal. */
let keychain: SecretStorePort;

function setup(showing: MirrorDb | null, mirrorFile: string) {
  const stored = new Map<string, string>();
  let registry: ProfileRegistry = EMPTY_REGISTRY;
  keychain = {
    get: async (id) => stored.get(id) ?? null,
    set: async (id, key) => void stored.set(id, key),
    delete: async (id) => stored.delete(id),
  };
  const vault = createWindowVault({
    profileId: 'acme',
    secrets: keychain,
    profiles: { read: () => registry, write: (next) => void (registry = next) },
    verify: createSdkVerifier(sandbox.url),
    clock: { now: () => NOW },
    trail: () => ({ mirrorFile, open: showing }),
  });
  const handlers = createHandlers({
    appInfo: () => sampleInfo,
    mirror: () => showing,
    now: () => NOW,
    vault,
    onKeyChanged: vi.fn(async () => undefined),
  });
  return (channel: string, request?: unknown) => dispatch(handlers, channel, request, 'ipc', vi.fn());
}

describe('key channels in the audit trail', () => {
  it("records connected, replaced and cleared in the profile's own mirror, created on demand, not in the demo mirror shown", async () => {
    const demo = openMirror(join(root, 'demo.sqlite'));
    const file = join(root, 'profiles', 'acme', 'mirror.sqlite');
    mkdirSync(join(root, 'profiles', 'acme'), { recursive: true });
    expect(existsSync(file)).toBe(false);
    const call = setup(demo, file);
    await expect(call('clade:key/set', { key: sandbox.adminKey })).resolves.toMatchObject({ ok: true });
    await expect(call('clade:key/set', { key: sandbox.adminKey })).resolves.toMatchObject({ ok: true });
    await expect(call('clade:key/clear')).resolves.toMatchObject({ ok: true, value: { present: false } });
    await expect(call('clade:key/clear')).resolves.toMatchObject({ ok: true }); // nothing to clear: nothing recorded

    expect(searchAuditEvents(demo, '').events).toEqual([]);
    demo.close();
    const db = openMirror(file, { readonly: true });
    try {
      const events = searchAuditEvents(db, 'source:local').events;
      expect(events.map((e) => e.type).sort()).toEqual(['key.connected', 'key.removed', 'key.replaced']);
      expect(events.find((e) => e.type === 'key.connected')!.after).toMatchObject({
        profileId: 'acme',
        keyHint: `sk-ant-admin01-…${sandbox.adminKey.slice(-4)}`,
        via: 'window',
      });
      // Keyed with the seal made when the key change opened this profile's mirror (#19).
      const seal = await findAuditSeal(db, {
        profileId: 'acme',
        secrets: keychain,
        preferKeychain: true,
        sealFile: `${file}.audit-seal`,
      });
      expect(verifyAuditChain(db, { seal })).toMatchObject({ ok: true, seal: { store: 'keychain' } });
    } finally {
      db.close();
    }
    expect(findSecretTraces(root, sandbox.adminKey)).toEqual([]);
  });

  it("writes through the window's open mirror when it is that profile's", async () => {
    const file = join(root, 'live.sqlite');
    const live = openMirror(file);
    const call = setup(live, file);
    await expect(call('clade:key/set', { key: sandbox.adminKey })).resolves.toMatchObject({ ok: true });
    expect(searchAuditEvents(live, 'type:key.connected').events).toHaveLength(1);
    live.close();
  });

  it('a refused key records nothing', async () => {
    const file = join(root, 'refused.sqlite');
    const call = setup(null, file);
    await expect(
      call('clade:key/set', { key: 'sk-ant-admin01-TESTcccccccccccccccccccccccccccccccccccccccccccccccccc-AAAA' }),
    ).resolves.toMatchObject({ ok: false });
    expect(existsSync(file)).toBe(false);
  });
});
