import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type Database from 'better-sqlite3';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { defaultAlertRules, RULE_IDS, type AlertRules, type Episode } from '../../../../main/core/alerts/index';
import { saveAlertRules, saveEpisodes } from '../../../../main/db/alerts/index';
import { openMirror } from '../../../../main/db/open';
import { recordAlertCycle } from '../../../../main/services/alerts/evaluate-alerts';
import { deliverAlertWebhooks } from '../../../../main/services/webhooks/deliver-alert-webhooks';
import type { WebhookTarget } from '../../../../main/core/webhooks/webhook-url';
import { findSecretTraces, textHasSecretTrace } from '../../../helpers/secret-scan';
import { startWebhookReceiver, type WebhookReceiver } from '../../../helpers/webhook-receiver';
import { memoryMirror, seedCost, syncSnapshot, workspace } from '../../db/alerts/seed-mirror';

const at = (iso: string): number => Date.parse(iso);
const FAST = { attempts: 3, baseDelayMs: 5, maxDelayMs: 50, timeoutMs: 2_000 };
const ADMIN_KEY = 'sk-ant-admin01-AbCdEfGhIjKlMnOpQrStUvWxYz0123456789-abcdefghijklmnop-QRSTUVWX';
const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

/** An org over its $2,000 budget (spend thresholds only), named `orgName`. */
function overBudget(db: Database.Database, orgName = 'Acme', edit: (rules: AlertRules) => void = () => undefined) {
  syncSnapshot(db, at('2026-11-23T20:00:00Z'), {
    org: { id: 'org_acme', name: orgName },
    workspaces: [workspace('wrkspc_prod', 'Production')],
  });
  seedCost(db, '2026-10-01', '2026-11-24', () => [{ workspace_id: 'wrkspc_prod', amount: '15000' }]);
  const rules = defaultAlertRules('UTC');
  rules.budgets.orgMonthlyUsd = '2000';
  rules.disabledRules = RULE_IDS.filter((rule) => rule !== 'spend-threshold');
  rules.sync.staleAfterHours = 72;
  edit(rules);
  saveAlertRules(db, rules, 'UTC');
  return db;
}

describe('deliverAlertWebhooks against a loopback receiver', () => {
  let receiver: WebhookReceiver;
  let webhook: WebhookTarget;
  beforeEach(async () => {
    receiver = await startWebhookReceiver();
    webhook = { url: receiver.url, format: 'slack' };
  });
  afterEach(() => receiver.close());

  const cycleAndDeliver = async (db: Database.Database, iso: string, target = webhook) => {
    recordAlertCycle(db, at(iso), { defaultTz: 'UTC' });
    return deliverAlertWebhooks({
      db,
      profileId: 'acme',
      webhook: target,
      nowMs: at(iso),
      timeZone: 'UTC',
      retry: FAST,
    });
  };

  it('posts an episode once, then never again on later cycles', async () => {
    const db = overBudget(memoryMirror());
    const first = await cycleAndDeliver(db, '2026-11-23T20:05:00Z');
    expect(first.posted).toHaveLength(1);
    expect((await cycleAndDeliver(db, '2026-11-23T20:06:00Z')).posted).toEqual([]);
    expect(receiver.bodies).toHaveLength(1);
    expect(JSON.stringify(receiver.bodies[0])).toContain('Acme has reached its monthly budget');
  });

  it('posts nothing in quiet hours, the held episode when they end, then the digest once', async () => {
    const db = overBudget(memoryMirror(), 'Acme', (rules) => {
      rules.quietHours = { enabled: true, start: '22:00', end: '07:00', timeZone: 'UTC' };
      rules.digest = { enabled: true, at: '08:30' };
    });
    const night = await cycleAndDeliver(db, '2026-11-23T23:00:00Z');
    expect(night).toMatchObject({ posted: [], held: 1, digestDay: null });
    expect((await cycleAndDeliver(db, '2026-11-24T06:59:00Z')).posted).toEqual([]);
    expect(receiver.bodies).toHaveLength(0);
    expect((await cycleAndDeliver(db, '2026-11-24T07:00:00Z')).posted).toHaveLength(1);
    expect((await cycleAndDeliver(db, '2026-11-24T08:29:00Z')).digestDay).toBeNull();
    expect((await cycleAndDeliver(db, '2026-11-24T08:30:00Z')).digestDay).toBe('2026-11-24');
    expect((await cycleAndDeliver(db, '2026-11-24T09:30:00Z')).digestDay).toBeNull();
    const texts = receiver.bodies.map((body) => (body as { text: string }).text);
    expect(texts).toHaveLength(2);
    expect(texts[1]).toContain('Morning digest: 1 open alert');
  });

  it('retries a 500 and succeeds; honours Retry-After on 429; does not retry a 404 and leaves it due', async () => {
    const db = overBudget(memoryMirror());
    receiver.answers.push({ status: 500 }, { status: 429, headers: { 'retry-after': '0' } });
    const report = await cycleAndDeliver(db, '2026-11-23T20:05:00Z');
    expect(receiver.statuses).toEqual([500, 429, 200]);
    expect(report).toMatchObject({ error: null });
    expect(report.posted).toHaveLength(1);

    const other = overBudget(memoryMirror());
    receiver.answers.push({ status: 404 });
    const refused = await cycleAndDeliver(other, '2026-11-23T20:05:00Z');
    expect(refused.posted).toEqual([]);
    expect(refused.error).toBe('the webhook answered HTTP 404');
    expect(receiver.statuses.slice(3)).toEqual([404]);
    // The claim was released: the next run (past the pause after a failure) posts it.
    expect((await cycleAndDeliver(other, '2026-11-23T20:07:00Z')).posted).toHaveLength(1);
  });

  it('gives up after three failed attempts and keeps the episode due', async () => {
    const db = overBudget(memoryMirror());
    receiver.answers.push({ status: 503 }, { status: 502 }, { status: 500 });
    const report = await cycleAndDeliver(db, '2026-11-23T20:05:00Z');
    expect(report.posted).toEqual([]);
    expect(receiver.statuses).toEqual([503, 502, 500]);
    // Within the pause after a failed run nothing is asked; after it, the episode goes.
    expect((await cycleAndDeliver(db, '2026-11-23T20:05:30Z')).paused).toBe(true);
    expect((await cycleAndDeliver(db, '2026-11-23T20:06:30Z')).posted).toHaveLength(1);
  });

  it('escapes control characters and Slack mrkdwn in org names; the JSON format sanitises too', async () => {
    const db = overBudget(memoryMirror(), '\u001b[2J<!channel> Acme & Co \u202e');
    await cycleAndDeliver(db, '2026-11-23T20:05:00Z');
    const slack = receiver.raw[0]!;
    expect(slack).not.toContain('\u001b');
    expect(slack).not.toContain('\u202e');
    expect(slack).not.toContain('<!channel>');
    const text = (receiver.bodies[0] as { text: string }).text;
    expect(text).toContain('\\u001b[2J&lt;!channel&gt; Acme &amp; Co \\u202e has reached its monthly budget');

    const json = overBudget(memoryMirror(), '\u001b[31m<!here> Beta');
    await cycleAndDeliver(json, '2026-11-23T20:05:00Z', { url: receiver.url, format: 'json' });
    const body = receiver.bodies[1] as { type: string; alert: { title: string; rule: string } };
    expect(body.type).toBe('alert');
    expect(body.alert.rule).toBe('spend-threshold');
    expect(body.alert.title).toBe('\\u001b[31m<!here> Beta has reached its monthly budget');
    expect(receiver.raw[1]).not.toContain('\u001b');
  });

  it('never puts a key or the webhook URL in a body, nor the URL in the mirror or its delivery marks', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'clade-webhook-'));
    dirs.push(dir);
    const db = overBudget(openMirror(join(dir, 'mirror.sqlite')), `Acme ${ADMIN_KEY}`);
    receiver.answers.push({ status: 500 });
    await cycleAndDeliver(db, '2026-11-23T20:05:00Z');
    db.close();
    expect(receiver.raw).toHaveLength(2);
    for (const raw of receiver.raw) {
      expect(textHasSecretTrace(raw, ADMIN_KEY)).toBe(false);
      expect(textHasSecretTrace(raw, receiver.url)).toBe(false);
    }
    // (The org's name itself is mirrored as the API gave it; the URL is nowhere in the data folder.)
    expect(findSecretTraces(dir, receiver.url)).toEqual([]);
    expect(receiver.raw[0]).toContain('sk-ant-admin01-…[redacted]');
  });

  it('folds a burst: the five most severe one by one, the rest in one summary post, each episode once', async () => {
    const db = memoryMirror();
    saveAlertRules(db, defaultAlertRules('UTC'), 'UTC');
    const episodes: Episode[] = Array.from({ length: 8 }, (_, n) => ({
      id: `key-expiry:k${n}@1`,
      conditionId: `key-expiry:k${n}`,
      rule: 'key-expiry',
      severity: n === 7 ? 'critical' : 'warning',
      targetKind: 'key',
      targetId: `k${n}`,
      targetName: `key-${n}`,
      title: `Key key-${n} expires soon`,
      body: 'Rotate it.',
      view: { view: 'keys', id: `k${n}` },
      openedAtMs: 1 + n,
      lastSeenAtMs: 1 + n,
      closedAtMs: null,
      notifiedAtMs: null,
      heldBy: null,
      heldUntilMs: null,
    }));
    saveEpisodes(db, episodes);
    const nowMs = at('2026-11-23T12:00:00Z');
    const json = { url: receiver.url, format: 'json' as const };
    const first = await deliverAlertWebhooks({
      db,
      profileId: 'acme',
      webhook: json,
      nowMs,
      timeZone: 'UTC',
      retry: FAST,
    });
    expect(first.posted).toHaveLength(8);
    expect(receiver.bodies).toHaveLength(6);
    expect((receiver.bodies[0] as { alert: { title: string } }).alert.title).toBe('Key key-7 expires soon');
    const summary = receiver.bodies[5] as { type: string; title: string; alerts: Array<{ targetName: string }> };
    expect(summary.type).toBe('alerts');
    expect(summary.title).toBe('3 more alerts');
    expect(summary.alerts.map((a) => a.targetName)).toEqual(['key-4', 'key-5', 'key-6']);
    const again = await deliverAlertWebhooks({
      db,
      profileId: 'acme',
      webhook: json,
      nowMs,
      timeZone: 'UTC',
      retry: FAST,
    });
    expect(again.posted).toEqual([]);
    expect(receiver.bodies).toHaveLength(6);
  });

  it('two runners on one mirror at the same moment post each episode once (claim before post)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'clade-webhook-'));
    dirs.push(dir);
    const file = join(dir, 'mirror.sqlite');
    const setup = overBudget(openMirror(file));
    recordAlertCycle(setup, at('2026-11-23T20:05:00Z'), { defaultTz: 'UTC' });
    setup.close();
    const app = openMirror(file);
    const cron = openMirror(file);
    receiver.answers.push({ status: 200, delayMs: 150 });
    const nowMs = at('2026-11-23T20:05:00Z');
    const both = await Promise.all(
      [app, cron].map((db) =>
        deliverAlertWebhooks({ db, profileId: 'acme', webhook, nowMs, timeZone: 'UTC', retry: FAST }),
      ),
    );
    app.close();
    cron.close();
    expect(both.map((report) => report.posted.length).sort()).toEqual([0, 1]);
    expect(receiver.bodies).toHaveLength(1);
  });
});
