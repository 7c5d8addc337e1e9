import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type Database from 'better-sqlite3';
import { dispatch } from '../../../main/ipc/dispatch';
import { webhooksHandlers } from '../../../main/ipc/domains/webhooks';
import { readProfileSetting } from '../../../main/db/settings/profile-settings';
import { createWebhookService } from '../../../main/services/webhooks/webhook-service';
import type { Handlers } from '../../../main/ipc/handler-types';
import { createMemorySecretStore } from '../../helpers/keyring';
import { textHasSecretTrace } from '../../helpers/secret-scan';
import { startWebhookReceiver, type WebhookReceiver } from '../../helpers/webhook-receiver';
import { memoryMirror } from '../db/alerts/seed-mirror';

describe('clade:webhooks/* handlers', () => {
  let receiver: WebhookReceiver;
  let db: Database.Database;
  beforeEach(async () => {
    receiver = await startWebhookReceiver();
    db = memoryMirror();
  });
  afterEach(() => receiver.close());

  const setup = (mirror: () => Database.Database | null = () => db) => {
    const secrets = createMemorySecretStore();
    const logs: string[] = [];
    const service = createWebhookService({
      secrets,
      profileId: () => 'acme',
      mirror,
      now: () => Date.parse('2026-11-23T20:00:00Z'),
      log: (message) => logs.push(message),
    });
    const handlers = webhooksHandlers({ webhooks: service }) as unknown as Handlers;
    const call = (channel: string, payload?: unknown) =>
      dispatch(handlers, channel, payload, 'ipc', (m) => logs.push(m));
    return { secrets, call, logs };
  };

  it('takes the URL once and never answers with it: status shows the host and format only; test posts', async () => {
    const { secrets, call } = setup();
    expect(await call('clade:webhooks/status')).toMatchObject({ ok: true, value: { configured: false, host: null } });
    const set = await call('clade:webhooks/set', { url: receiver.url, format: 'json' });
    expect(set).toMatchObject({ ok: true, value: { configured: true, format: 'json' } });
    expect(JSON.stringify(set)).toMatch(/"host":"127\.0\.0\.1:\d+"/);
    expect(textHasSecretTrace(JSON.stringify(set), receiver.url)).toBe(false);
    expect(secrets.items.get('acme.webhook')).toContain(receiver.url);
    expect(readProfileSetting(db, 'webhook.format')).toBe('json');
    const tested = await call('clade:webhooks/test');
    expect(tested).toEqual({ ok: true, value: { delivered: true, error: null } });
    expect(receiver.bodies[0]).toMatchObject({ source: 'clade-admin', type: 'test' });
    const status = await call('clade:webhooks/status');
    expect(textHasSecretTrace(JSON.stringify(status), receiver.url)).toBe(false);
    expect(await call('clade:webhooks/set-format', { format: 'slack' })).toMatchObject({ value: { format: 'slack' } });
    expect(await call('clade:webhooks/remove')).toMatchObject({ ok: true, value: { configured: false } });
    expect(secrets.items.has('acme.webhook')).toBe(false);
  });

  it('refuses a plain-http URL with a message for the admin that does not quote it', async () => {
    const { secrets, call } = setup();
    const refused = await call('clade:webhooks/set', { url: 'http://hooks.example.com/SECRETPATH', format: 'slack' });
    expect(refused).toEqual({
      ok: false,
      error: {
        code: 'bad-request',
        message:
          'Webhook URL refused: webhooks go only to https URLs (or http on a loopback address for tests), not http://hooks.example.com.',
      },
    });
    expect(secrets.items.size).toBe(0);
  });

  it('says unavailable when the mirror is not open yet, or the window has no webhook service', async () => {
    const { call } = setup(() => null);
    expect(await call('clade:webhooks/set', { url: receiver.url, format: 'slack' })).toMatchObject({
      ok: false,
      error: { code: 'unavailable' },
    });
    const none = webhooksHandlers({}) as unknown as Handlers;
    expect(await dispatch(none, 'clade:webhooks/status', undefined, 'ipc', () => undefined)).toMatchObject({
      ok: false,
      error: { code: 'unavailable', message: 'Team webhooks cannot be set up in this window.' },
    });
  });
});
