/**
 * The team webhook across every runner (#24): the app's alert loop, `clade-admin check` (keychain or --webhook-file)
 * and a direct call of deliverAlertWebhooks (what serve-metrics' sync loop calls) post each episode once, against a
 * loopback receiver; and the `alerts webhook` commands keep the URL out of argv, the mirror and the output.
 */
import { chmodSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { CommanderError } from 'commander';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ensureMirrorFile } from '../../../main/adapters/data-dir';
import { startTrayAndAlerts } from '../../../main/app/tray/tray-and-alerts';
import { defaultAlertRules, RULE_IDS } from '../../../main/core/alerts/index';
import { CliError } from '../../../main/cli/errors';
import type { CliIO } from '../../../main/cli/io';
import { buildProgram } from '../../../main/cli/program';
import { saveAlertRules } from '../../../main/db/alerts/index';
import { openMirror } from '../../../main/db/open';
import { deliverAlertWebhooks } from '../../../main/services/webhooks/deliver-alert-webhooks';
import { createWebhookService } from '../../../main/services/webhooks/webhook-service';
import { createTrayElectronDouble } from '../../helpers/electron-double-tray';
import { createMemorySecretStore } from '../../helpers/keyring';
import { findSecretTraces } from '../../helpers/secret-scan';
import { startWebhookReceiver, type WebhookReceiver } from '../../helpers/webhook-receiver';
import { seedCost, syncSnapshot, workspace } from '../db/alerts/seed-mirror';

const at = (iso: string): number => Date.parse(iso);
const FAST = { attempts: 3, baseDelayMs: 5, maxDelayMs: 50, timeoutMs: 2_000 };
const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

async function cli(args: string[], secrets: ReturnType<typeof createMemorySecretStore>, stdin = ''): Promise<Run> {
  let stdout = '';
  let stderr = '';
  const input = new PassThrough();
  input.end(stdin);
  const io: CliIO = {
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { write: (text: string) => (stderr += text) },
    stdin: input,
    env: {},
  };
  const program = buildProgram(io, { webhooks: { secrets: () => secrets, retry: FAST } });
  try {
    await program.parseAsync(args, { from: 'user' });
    return { code: io.exitCode ?? 0, stdout, stderr };
  } catch (error) {
    if (error instanceof CommanderError) return { code: 2, stdout, stderr };
    if (error instanceof CliError)
      return { code: error.exitCode, stdout, stderr: `${stderr}clade-admin: ${error.message}\n` };
    throw error;
  }
}

/** A data folder with profile `acme` whose org is over its budget (spend thresholds only). */
function dataDirOverBudget(): { dataDir: string; mirrorFile: string } {
  const dataDir = mkdtempSync(join(tmpdir(), 'clade-webhook-cli-'));
  dirs.push(dataDir);
  const mirrorFile = ensureMirrorFile(dataDir, 'acme');
  const db = openMirror(mirrorFile);
  syncSnapshot(db, at('2026-11-23T20:00:00Z'), {
    org: { id: 'org_acme', name: 'Acme' },
    workspaces: [workspace('wrkspc_prod', 'Production')],
  });
  seedCost(db, '2026-10-01', '2026-11-24', () => [{ workspace_id: 'wrkspc_prod', amount: '15000' }]);
  const rules = defaultAlertRules('UTC');
  rules.budgets.orgMonthlyUsd = '2000';
  rules.disabledRules = RULE_IDS.filter((rule) => rule !== 'spend-threshold');
  rules.sync.staleAfterHours = 72;
  saveAlertRules(db, rules, 'UTC');
  db.close();
  return { dataDir, mirrorFile };
}

describe('team webhook across the app, check and serve-metrics', () => {
  let receiver: WebhookReceiver;
  beforeEach(async () => {
    receiver = await startWebhookReceiver();
  });
  afterEach(() => receiver.close());

  it('posts one message per episode whichever runner gets there first, and the URL stays out of the mirror', async () => {
    const { dataDir, mirrorFile } = dataDirOverBudget();
    const secrets = createMemorySecretStore();
    const base = ['--data-dir', dataDir, '--profile', 'acme'];

    const refused = await cli([...base, 'alerts', 'webhook', 'set'], secrets, 'http://hooks.example.com/x');
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('webhooks go only to https URLs');
    const inArgv = await cli([...base, 'alerts', 'webhook', 'set', receiver.url], secrets);
    expect(inArgv.code).toBe(2);
    expect(inArgv.stderr).not.toContain(receiver.url);

    const set = await cli([...base, 'alerts', 'webhook', 'set', '--format', 'slack'], secrets, `${receiver.url}\n`);
    expect(set).toMatchObject({ code: 0 });
    expect(set.stdout).toContain('alerts go to 127.0.0.1:');
    expect(set.stdout + set.stderr).not.toContain('/services/');
    expect([...secrets.items.keys()]).toContain('acme.webhook');

    const status = await cli([...base, 'alerts', 'webhook', 'status'], secrets);
    expect(status.stdout).toMatch(/alerts go to 127\.0\.0\.1:\d+ \(slack format; URL in the OS keychain\)/);
    const test = await cli([...base, 'alerts', 'webhook', 'test'], secrets);
    expect(test).toMatchObject({ code: 0 });
    expect((receiver.bodies[0] as { text: string }).text).toContain('Test message from Clade Admin');

    // 1. The app's alert loop: its cycle records the episode and the webhook service posts it.
    const db = openMirror(mirrorFile);
    const deliveries: Array<Promise<unknown>> = [];
    const service = createWebhookService({
      secrets,
      profileId: () => 'acme',
      mirror: () => db,
      now: () => at('2026-11-23T20:05:00Z'),
      log: () => undefined,
      timeZone: 'UTC',
    });
    const tray = startTrayAndAlerts({
      electron: createTrayElectronDouble(),
      assetsDir: '/app/assets',
      mirror: () => db,
      now: () => at('2026-11-23T20:05:00Z'),
      timeZone: 'UTC',
      openView: () => undefined,
      quit: () => undefined,
      log: () => undefined,
      timers: { setInterval: () => 0, clearInterval: () => undefined },
      webhooks: { deliver: (...args) => (deliveries.push(service.deliver(...args)), deliveries.at(-1)! as never) },
    });
    await Promise.all(deliveries);
    tray.runCycle();
    await Promise.all(deliveries);
    tray.stop();
    const afterApp = receiver.bodies.length;
    expect(afterApp).toBe(2);
    expect((receiver.bodies[1] as { text: string }).text).toContain('Acme has reached its monthly budget');

    // 2. A cron `check` a minute later, and 3. serve-metrics' loop calling the delivery function: nothing new.
    const check = await cli([...base, 'check', '--now', '2026-11-23T20:06:00Z', '--json'], secrets);
    expect(JSON.parse(check.stdout).webhook).toMatchObject({ posted: 0, error: null });
    const direct = await deliverAlertWebhooks({
      db,
      profileId: 'acme',
      webhook: { url: receiver.url, format: 'slack' },
      nowMs: at('2026-11-23T20:07:00Z'),
      timeZone: 'UTC',
    });
    expect(direct.posted).toEqual([]);
    db.close();
    expect(receiver.bodies).toHaveLength(2);
    expect(findSecretTraces(dataDir, receiver.url)).toEqual([]);

    const removed = await cli([...base, 'alerts', 'webhook', 'remove'], secrets);
    expect(removed.stdout).toContain('Removed the team webhook');
    expect(secrets.items.has('acme.webhook')).toBe(false);
    expect((await cli([...base, 'alerts', 'webhook', 'status'], secrets)).stdout).toContain('has no team webhook');
  });

  it('check posts from a 0600 --webhook-file (json format), and refuses a file others can read', async () => {
    const { dataDir } = dataDirOverBudget();
    const secrets = createMemorySecretStore();
    const file = join(dataDir, 'webhook-url');
    writeFileSync(file, `# team channel\n${receiver.url}\n`, { mode: 0o644 });
    chmodSync(file, 0o644);
    const base = ['--data-dir', dataDir, '--profile', 'acme', 'check', '--now', '2026-11-23T20:05:00Z'];
    const open = await cli([...base, '--webhook-file', file], secrets);
    expect(open.code).toBe(2);
    expect(open.stderr).toContain('is readable by group or others (mode 0644)');
    expect(receiver.bodies).toHaveLength(0);

    chmodSync(file, 0o600);
    const posted = await cli([...base, '--webhook-file', file, '--webhook-format', 'json', '--json'], secrets);
    expect(JSON.parse(posted.stdout).webhook).toMatchObject({
      posted: 1,
      host: expect.stringMatching(/^127\.0\.0\.1:/),
    });
    expect(receiver.bodies[0]).toMatchObject({
      source: 'clade-admin',
      type: 'alert',
      alert: { rule: 'spend-threshold' },
    });
    const again = await cli(
      ['--data-dir', dataDir, '--profile', 'acme', 'check', '--now', '2026-11-23T20:06:00Z', '--webhook-file', file],
      secrets,
    );
    expect(again.stderr).not.toContain('warning');
    expect(receiver.bodies).toHaveLength(1);
    expect(secrets.items.size).toBe(0);
    expect(readdirSync(join(dataDir, 'profiles', 'acme')).some((name) => name.includes('webhook'))).toBe(false);
  });
});
