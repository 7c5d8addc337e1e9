import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createKeyVaultService } from '../../../../main/services/key-vault';
import {
  readStoredWebhookUrl,
  resolveWebhook,
  saveWebhookUrl,
  WebhookUrlRefused,
} from '../../../../main/services/webhooks/webhook-store';
import { createFailingSecretStore, createMemoryProfileStore, createMemorySecretStore } from '../../../helpers/keyring';

const URL = 'https://hooks.slack.com/services/T0AAAA/B0BBBB/abcdefghijklmnopqrstuvwx';
const dir = mkdtempSync(join(tmpdir(), 'clade-webhook-store-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('where the webhook URL is kept', () => {
  it('in the keychain under <profile>.webhook; a refused URL is not stored', async () => {
    const secrets = createMemorySecretStore();
    expect(await saveWebhookUrl(secrets, 'acme', URL)).toBe('hooks.slack.com');
    expect(await readStoredWebhookUrl(secrets, 'acme')).toBe(URL);
    await expect(saveWebhookUrl(secrets, 'beta', 'http://example.com/x')).rejects.toBeInstanceOf(WebhookUrlRefused);
    expect([...secrets.items.keys()]).toEqual(['acme.webhook']);
  });

  it('never asks the keychain for a profile without a webhook; a named file wins over the keychain', async () => {
    const failing = createFailingSecretStore(() => new Error('the keychain must not be asked'));
    expect(await resolveWebhook({ profileId: 'acme', format: null, secrets: failing })).toBeNull();
    const file = join(dir, 'url');
    writeFileSync(file, 'https://relay.example.net/h/1\n');
    chmodSync(file, 0o600);
    expect(
      await resolveWebhook({
        profileId: 'acme',
        format: 'slack',
        webhookFile: file,
        fileFormat: 'json',
        secrets: failing,
      }),
    ).toEqual({ target: { url: 'https://relay.example.net/h/1', format: 'json' }, source: 'file' });
    const secrets = createMemorySecretStore();
    await saveWebhookUrl(secrets, 'acme', URL);
    expect(await resolveWebhook({ profileId: 'acme', format: 'json', secrets })).toEqual({
      target: { url: URL, format: 'json' },
      source: 'keychain',
    });
  });

  it('is deleted with the profile', async () => {
    const secrets = createMemorySecretStore({ acme: 'sk-ant-admin01-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx' });
    await saveWebhookUrl(secrets, 'acme', URL);
    const vault = createKeyVaultService({
      dataDir: dir,
      secrets,
      verify: async () => ({ orgId: 'org', orgName: 'Acme' }),
      clock: { now: () => 0 },
      profiles: createMemoryProfileStore(),
      trail: () => null,
    });
    await vault.removeProfile('acme');
    expect(secrets.items.has('acme.webhook')).toBe(false);
  });
});
