import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { dispatch } from '../../../main/ipc/dispatch';
import { createHandlers } from '../../../main/ipc/create-handlers';
import { createWindowVault } from '../../../main/services/profiles';
import { createSdkVerifier } from '../../../main/adapters/anthropic/verify-key';
import { KeychainUnavailableError } from '../../../main/core/vault/errors';
import { EMPTY_REGISTRY, type ProfileRegistry } from '../../../main/core/vault/profiles';
import type { SecretStorePort } from '../../../main/core/vault/ports';
import { startSandbox, type RunningSandbox } from '../../../main/sandbox/index';
import { sampleInfo } from './fixtures';

let sandbox: RunningSandbox;
beforeAll(async () => {
  sandbox = await startSandbox({ seed: 3 });
});
afterAll(async () => {
  await sandbox.close();
});

function setup(secrets?: SecretStorePort) {
  const stored = new Map<string, string>();
  let registry: ProfileRegistry = EMPTY_REGISTRY;
  const onKeyChanged = vi.fn(async () => undefined);
  const log = vi.fn();
  const vault = createWindowVault({
    profileId: 'default',
    secrets: secrets ?? {
      get: async (id) => stored.get(id) ?? null,
      set: async (id, key) => void stored.set(id, key),
      delete: async (id) => stored.delete(id),
    },
    profiles: { read: () => registry, write: (next) => void (registry = next) },
    verify: createSdkVerifier(sandbox.url),
    clock: { now: () => Date.UTC(2026, 10, 23, 9, 14) },
  });
  const handlers = createHandlers({ appInfo: () => sampleInfo, mirror: () => null, now: () => 0, vault, onKeyChanged });
  const call = (channel: string, request?: unknown) => dispatch(handlers, channel, request, 'ipc', log);
  return { stored, onKeyChanged, log, call };
}

describe('key channels', () => {
  it('connect verifies the key, stores it, answers only {present, orgName, verifiedAt}, and switches the data source', async () => {
    const { stored, onKeyChanged, call } = setup();
    const result = await call('clade:key/set', { key: `  ${sandbox.adminKey}\n` });
    expect(result).toEqual({
      ok: true,
      value: { present: true, orgName: expect.any(String), verifiedAt: '2026-11-23T09:14:00.000Z' },
    });
    expect(JSON.stringify(result)).not.toContain(sandbox.adminKey);
    expect(stored.get('default')).toBe(sandbox.adminKey);
    expect(onKeyChanged).toHaveBeenCalledOnce();
    await expect(call('clade:key/status')).resolves.toMatchObject({ ok: true, value: { present: true } });
  });

  it('refuses a regular API key with the explainer of what an Admin key is, storing nothing', async () => {
    const { stored, onKeyChanged, call } = setup();
    const result = await call('clade:key/set', { key: 'sk-ant-api03-TESTaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa' });
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'bad-request', message: expect.stringMatching(/Admin key/i) },
    });
    expect(JSON.stringify(result)).not.toContain('TESTaaaa');
    expect(stored.size).toBe(0);
    expect(onKeyChanged).not.toHaveBeenCalled();
  });

  it('refuses a well-shaped key the API does not accept', async () => {
    const { stored, call } = setup();
    const result = await call('clade:key/set', {
      key: 'sk-ant-admin01-TESTbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb-AAAAAAAA',
    });
    expect(result).toMatchObject({ ok: false, error: { code: 'bad-request' } });
    expect(JSON.stringify(result)).not.toContain('TESTbbbb');
    expect(stored.size).toBe(0);
  });

  it('clear removes the key and switches back', async () => {
    const { stored, onKeyChanged, call } = setup();
    await call('clade:key/set', { key: sandbox.adminKey });
    await expect(call('clade:key/clear')).resolves.toEqual({
      ok: true,
      value: expect.objectContaining({ present: false }),
    });
    expect(stored.size).toBe(0);
    expect(onKeyChanged).toHaveBeenCalledTimes(2);
  });

  it('reports a locked keychain as unavailable with what to do, never as a crash', async () => {
    const locked: SecretStorePort = {
      get: async () => {
        throw new KeychainUnavailableError('locked', 'The keyring is locked.');
      },
      set: async () => {
        throw new KeychainUnavailableError('locked', 'The keyring is locked.');
      },
      delete: async () => false,
    };
    const { call } = setup(locked);
    await expect(call('clade:key/status')).resolves.toMatchObject({ ok: false, error: { code: 'unavailable' } });
  });

  it('refuses a payload without a key before any handler runs', async () => {
    const { onKeyChanged, call } = setup();
    await expect(call('clade:key/set', { label: 'x' })).resolves.toMatchObject({
      ok: false,
      error: { code: 'bad-request' },
    });
    await expect(call('clade:key/set', { key: 'k', extra: 'sk-ant-admin01-TESTzzzz' })).resolves.toBeTruthy();
    expect(onKeyChanged).not.toHaveBeenCalled();
  });
});
