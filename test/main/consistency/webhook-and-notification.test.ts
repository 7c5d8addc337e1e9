/**
 * One truth on every surface: an episode's title and body read the same in the desktop notification and in the team
 * webhook's JSON body (both redacted and sanitised by the same functions), whatever the org named its things.
 */
import { describe, expect, it } from 'vitest';
import { episodeNotification } from '../../../main/app/notifier';
import type { Episode } from '../../../main/core/alerts/index';
import { webhookBody } from '../../../main/core/webhooks/webhook-message';

const hostile = [
  'Prod\u001b[2K\r\u001b[32mALL CLEAR',
  '<!channel> deploy',
  'name \u202eevil',
  'key sk-ant-admin01-AbCdEfGhIjKlMnOpQrStUvWxYz012345',
  'plain',
];

function episode(name: string): Episode {
  return {
    id: `key-expiry:k1@1`,
    conditionId: 'key-expiry:k1',
    rule: 'key-expiry',
    severity: 'warning',
    targetKind: 'key',
    targetId: 'k1',
    targetName: name,
    title: `Key ${name} expires in 3 days`,
    body: `Workspace ${name}: rotate it before it stops working.`,
    view: { view: 'keys', id: 'k1' },
    openedAtMs: 1,
    lastSeenAtMs: 1,
    closedAtMs: null,
    notifiedAtMs: null,
    heldBy: null,
    heldUntilMs: null,
  };
}

describe('webhook JSON and desktop notification agree on every episode text', () => {
  it.each(hostile)('%j', (name) => {
    const e = episode(name);
    const note = episodeNotification(e);
    const body = webhookBody('json', { kind: 'episode', episode: e }, { profileId: 'acme', orgName: 'Acme' }) as {
      alert: { title: string; body: string };
    };
    expect(body.alert.title).toBe(note.title);
    expect(body.alert.body).toBe(note.body);
    for (const raw of ['\u001b', '\u202e', '\r']) expect(body.alert.title + body.alert.body).not.toContain(raw);
  });
});
