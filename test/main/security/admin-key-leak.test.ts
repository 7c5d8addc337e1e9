/**
 * Issue 6 acceptance: with a KNOWN fake admin key, drive the product end to end (sandbox, CLI through the built bin
 * inside a private gnome-keyring session, the window's IPC handlers through the real gateway, the alert notifier on
 * the Electron double), then scan the data dir (SQLite with WAL/journal, profiles.json, audit head, exports, logs),
 * every CLI output, every IPC response and every notification: no trace of the key may be anywhere. Controls prove
 * the scan would have found it: the keychain holds it (secret-tool, inside the session) and a planted copy is caught.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mirrorFile } from '../../../main/adapters/data-dir';
import { runAppAlertCycle } from '../../../main/services/alerts/alert-cycle';
import { createElectronNotifier } from '../../../main/app/notifier';
import { defaultAlertRules } from '../../../main/core/alerts/index';
import { saveAlertRules } from '../../../main/db/alerts/index';
import { openMirror } from '../../../main/db/open';
import { ensureBuiltCli } from '../../helpers/built-cli';
import {
  createKeyringDirs,
  removeKeyringDirs,
  runInKeyringSession,
  type KeyringDirs,
  type StepResult,
} from '../../helpers/keyring';
import { createTrayElectronDouble } from '../../helpers/electron-double-tray';
import type { RecordedLogLine, RecordedPush, RecordedResponse } from '../../helpers/recording-gateway';
import { findSecretTraces, textHasSecretTrace } from '../../helpers/secret-scan';

/** The known fake key the sandbox accepts. Fake by construction (TEST…), long and distinctive like a real one. */
const KEY = 'sk-ant-admin01-TESTLEAKCANARYRNl2_3Anp-10LibAADy2ygmghVO4Vl_kgObo207CiBywJ5PBw3iZz0CgGovI0hTd1iEsQ7xlAA';
/** A well-shaped admin key the sandbox does not know (the "wrong key" error paths). */
const WRONG_KEY =
  'sk-ant-admin01-TESTWRONGKEYkeF8TNGxGT5h6b5T_ayGLxMK-V3jdeDjfHUOtULh8p1pP0Fv7jqYYCaSIodGKzKy22noQw8m0GAA';
/** A regular API key pasted where an Admin key belongs. */
const API_KEY = 'sk-ant-api03-TESTLEAKCANARYP7PZ47W9s-3cVVQhJbWtOwC_woQCuoJD50sG4AYTqLVsuISV0OG0NI2-9ip7qeL7SfQ8mgngAA';
const SECRETS = { KEY, WRONG_KEY, API_KEY };
const PROFILE = 'acme';
const IPC_CHILD = join(__dirname, 'ipc-child.ts');

interface Recorded {
  label: string;
  text: string;
}

interface Scenario {
  dirs: KeyringDirs;
  sandboxReady: { url: string; adminKey: string; controlUrl: string; controlToken: string };
  steps: Map<string, StepResult>;
  /** Every CLI output and every IPC child's output: must hold no key. */
  outputs: Recorded[];
  ipcResponses: RecordedResponse[];
  ipcLogs: RecordedLogLine[];
  ipcPushes: RecordedPush[];
  /** What openWindowData made of the stored key in each IPC run ('live' when it synced the profile). */
  ipcModes: string[];
  notifications: Recorded[];
  /** Files of the data dir with a trace, scanned while the mirror was open (WAL present) and after it closed. */
  tracesWhileOpen: Record<string, string[]>;
  /** The mirror folder's files at that moment (proves the -wal file was there to be scanned). */
  filesWhileOpen: string[];
  commands: { check: boolean; alerts: boolean };
}

let sandbox: ChildProcess | null = null;
let scenario: Scenario;

beforeAll(async () => {
  const cli = ensureBuiltCli();
  const dirs = createKeyringDirs();
  const inputs = join(dirs.root, 'inputs'); // outside every scanned folder: the keys arrive from here, as a user's file would
  mkdirSync(inputs);
  const files = { key: join(inputs, 'key.txt'), wrong: join(inputs, 'wrong.txt'), api: join(inputs, 'api.txt') };
  writeFileSync(files.key, `${KEY}\n`);
  writeFileSync(files.wrong, `${WRONG_KEY}\n`);
  writeFileSync(files.api, `${API_KEY}\n`);

  const started = await startSandboxServe(cli);
  sandbox = started.child;
  const ready = started.ready;
  const help = await runNode([cli, '--help']);
  const commands = { check: /^\s+check\b/m.test(help), alerts: /^\s+alerts\b/m.test(help) };

  const clade = `'${process.execPath}' '${cli}' --data-dir '${dirs.dataDir}' --base-url '${ready.url}' --profile ${PROFILE}`;
  const today = new Date();
  const day = (offset: number) =>
    new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate() + offset))
      .toISOString()
      .slice(0, 10);
  const ipcEnv = `LEAK_PROFILE=${PROFILE} LEAK_SANDBOX_URL='${ready.url}' LEAK_KEY_FILE='${files.key}' LEAK_WRONG_KEY_FILE='${files.wrong}' LEAK_API_KEY_FILE='${files.api}'`;
  const ipcChild = (phase: string) => `${ipcEnv} '${process.execPath}' --import tsx '${IPC_CHILD}' ${phase}`;
  const revoke = `curl -sf -X POST -H 'authorization: Bearer ${ready.controlToken}' '${ready.controlUrl}/admin-key/revoke'`;
  const exports = join(dirs.dataDir, 'exports');
  const plan: Array<[string, string]> = [
    ['key set', `${clade} --json key set < '${files.key}'`],
    ['key status --json', `${clade} --json key status`],
    ['key status', `${clade} key status`],
    ['sync (stored key)', `${clade} --json sync --history 7`],
    ['status --json', `${clade} --json status`],
    ['status', `${clade} status`],
    ['report cost', `${clade} --json report cost --from ${day(-6)} --to ${day(0)}`],
    ['report usage', `${clade} --json report usage --from ${day(-6)} --to ${day(0)} --group-by api_key`],
    ['audit search', `${clade} --json audit search`],
    ['audit export csv', `mkdir -p '${exports}' && ${clade} --json audit export --format csv --out '${exports}/x.csv'`],
    ['audit export jsonl', `${clade} --json audit export --format jsonl --out '${exports}/x.jsonl'`],
    ['audit search for the key', `${clade} --json audit search "$(cat '${files.key}')"`],
    [
      'audit export of the key',
      `${clade} --json audit export --format jsonl --out '${exports}/key.jsonl' "$(cat '${files.key}')"`,
    ],
    ['audit search with the key as a bad date', `${clade} --json audit search "after:$(cat '${files.key}')"`],
    ['audit verify', `${clade} audit verify`],
    ...(commands.alerts ? ([['alerts', `${clade} --json alerts`]] as Array<[string, string]>) : []),
    ...(commands.check ? ([['check', `${clade} --json check`]] as Array<[string, string]>) : []),
    ['sync (ANTHROPIC_ADMIN_KEY)', `ANTHROPIC_ADMIN_KEY="$(cat '${files.key}')" ${clade} --json sync`],
    ['sync (wrong ANTHROPIC_ADMIN_KEY)', `ANTHROPIC_ADMIN_KEY="$(cat '${files.wrong}')" ${clade} --json sync`],
    ['sync (wrong key, CLADE_DEBUG)', `CLADE_DEBUG=1 ANTHROPIC_ADMIN_KEY="$(cat '${files.wrong}')" ${clade} sync`],
    ['profile list', `${clade} --json profile list`],
    ['profile add', `${clade} --json profile add second --label 'Second Org'`],
    ['profile relabel', `${clade} profile relabel ${PROFILE} 'Leak Test Org'`],
    ['key set (wrong key)', `${clade} key set < '${files.wrong}'`],
    ['key set (regular API key)', `${clade} --json key set < '${files.api}'`],
    ['key set (as an argument)', `${clade} key set "$(cat '${files.wrong}')"`],
    // A key pasted where it does not belong: commander and our own usage errors quote the offending argument.
    ['key as the profile id', `${clade} --profile "$(cat '${files.key}')" status`],
    ['key in an unknown option', `${clade} sync --admin-key="$(cat '${files.key}')"`],
    ['key as a command', `${clade} "$(cat '${files.wrong}')"`],
    ['key as an option value', `${clade} sync --history "$(cat '${files.wrong}')"`],
    ['ipc (connected)', ipcChild('connected')],
    ['control: secret-tool lookup', `secret-tool lookup service clade-admin account ${PROFILE}`],
    ['control: revoke the key', revoke],
    ['sync (revoked key)', `${clade} --json sync --full`],
    ['status after revocation', `${clade} --json status`],
    ...(commands.check ? ([['check after revocation', `${clade} --json check`]] as Array<[string, string]>) : []),
    ['ipc (revoked)', ipcChild('revoked')],
    ['key remove', `${clade} --json key remove`],
    ['control: secret-tool lookup after remove', `secret-tool lookup service clade-admin account ${PROFILE}`],
  ];
  const results = await runInKeyringSession(
    'unlocked',
    dirs,
    plan.map(([, step]) => step),
    150_000,
  );
  const steps = new Map(plan.map(([label], i) => [label, results[i]!]));
  const outputs = plan
    .filter(([label]) => !label.startsWith('control:'))
    .map(([label]) => ({ label, text: `${steps.get(label)!.stdout}\n${steps.get(label)!.stderr}` }));
  const ipc = ['ipc (connected)', 'ipc (revoked)'].map((label) =>
    JSON.parse(steps.get(label)!.stdout || '{"responses":[],"logs":[],"pushes":[]}'),
  );

  const { notifications, tracesWhileOpen, filesWhileOpen } = runAlertNotifications(dirs.dataDir);
  scenario = {
    dirs,
    sandboxReady: ready,
    steps,
    outputs,
    ipcResponses: ipc.flatMap((run) => run.responses as RecordedResponse[]),
    ipcLogs: ipc.flatMap((run) => run.logs as RecordedLogLine[]),
    ipcPushes: ipc.flatMap((run) => run.pushes as RecordedPush[]),
    ipcModes: ipc.map((run) => run.mode as string),
    notifications,
    tracesWhileOpen,
    filesWhileOpen,
    commands,
  };
  // LEAK_TEST_DUMP=file.json keeps what was scanned for a human to read (never the control steps, which hold the key).
  if (process.env.LEAK_TEST_DUMP) {
    const { outputs: o, ipcResponses: r, ipcLogs: l, ipcPushes: p, notifications: n } = scenario;
    writeFileSync(
      process.env.LEAK_TEST_DUMP,
      JSON.stringify({ commands, outputs: o, ipcResponses: r, ipcLogs: l, ipcPushes: p, notifications: n }, null, 1),
    );
  }
}, 200_000);

afterAll(async () => {
  if (sandbox && sandbox.exitCode === null) {
    const closed = new Promise((resolve) => sandbox!.once('close', resolve));
    sandbox.kill('SIGTERM');
    await closed;
  }
  if (scenario) removeKeyringDirs(scenario.dirs);
});

/**
 * The alert cycle the app runs after a sync, on this profile's mirror, with a recording Notification: a budget of
 * $1 makes sure at least one spend alert fires next to whatever the revoked key and the demo org raise. The data dir
 * is scanned while the mirror is open, so its -wal and -shm files are read too.
 */
function runAlertNotifications(
  dataDir: string,
): Pick<Scenario, 'notifications' | 'tracesWhileOpen' | 'filesWhileOpen'> {
  const electron = createTrayElectronDouble();
  const db = openMirror(mirrorFile(dataDir, PROFILE));
  const tracesWhileOpen: Record<string, string[]> = {};
  const filesWhileOpen: string[] = [];
  try {
    const rules = defaultAlertRules('UTC');
    rules.budgets.orgMonthlyUsd = '1';
    saveAlertRules(db, rules, 'UTC');
    const notifier = createElectronNotifier(electron, { openView: () => undefined });
    runAppAlertCycle({ db, nowMs: Date.now(), timeZone: 'UTC', notifier });
    for (const [name, secret] of Object.entries(SECRETS)) tracesWhileOpen[name] = findSecretTraces(dataDir, secret);
    filesWhileOpen.push(...readdirSync(dirname(mirrorFile(dataDir, PROFILE))));
  } finally {
    db.close();
  }
  const notifications = electron.notifications.map((n, i) => ({
    label: `notification ${i}: ${n.options.title ?? ''}`,
    text: JSON.stringify(n.options),
  }));
  return { notifications, tracesWhileOpen, filesWhileOpen };
}

function startSandboxServe(cli: string): Promise<{ child: ChildProcess; ready: Scenario['sandboxReady'] }> {
  return new Promise((resolve, reject) => {
    const env: NodeJS.ProcessEnv = { ...process.env, CLADE_SANDBOX_ADMIN_KEY: KEY };
    for (const name of ['ANTHROPIC_ADMIN_KEY', 'ANTHROPIC_BASE_URL', 'CLADE_DATA_DIR', 'CLADE_PROFILE'])
      delete env[name];
    const child = spawn(process.execPath, [cli, 'sandbox', 'serve', '--compliance', 'on'], {
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stderr!.on('data', (d) => (err += d));
    child.stdout!.on('data', (d) => {
      out += d;
      const newline = out.indexOf('\n');
      if (newline >= 0) resolve({ child, ready: JSON.parse(out.slice(0, newline)) });
    });
    child.on('error', reject);
    child.on('close', (code) => reject(new Error(`sandbox serve exited ${code}: ${err}`)));
  });
}

function runNode(args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'ignore'] });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.on('error', reject);
    child.on('close', () => resolve(out));
  });
}

const step = (label: string): StepResult => {
  const result = scenario.steps.get(label);
  if (!result) throw new Error(`no step "${label}"`);
  return result;
};
const json = (label: string): Record<string, unknown> => JSON.parse(step(label).stdout) as Record<string, unknown>;
const tracesIn = (items: Recorded[], secret: string): string[] =>
  items.filter((item) => textHasSecretTrace(item.text, secret)).map((item) => item.label);

describe('the scenario really used the known key', () => {
  it('runs the sandbox with the key given in CLADE_SANDBOX_ADMIN_KEY', () => {
    expect(scenario.sandboxReady.adminKey).toBe(KEY);
  });

  it('stored and verified the key, synced with it from the keychain and from ANTHROPIC_ADMIN_KEY, and read the mirror', () => {
    expect(json('key set')).toMatchObject({ profile: PROFILE, present: true, orgName: expect.any(String) });
    expect(json('key status --json')).toMatchObject({
      present: true,
      orgName: expect.any(String),
      verifiedAt: expect.any(String),
    });
    for (const label of ['sync (stored key)', 'sync (ANTHROPIC_ADMIN_KEY)']) {
      expect(step(label).code, `${label}: ${step(label).stderr}`).toBe(0);
      expect(json(label)).toMatchObject({ profile: PROFILE, status: 'ok' });
    }
    for (const label of [
      'status --json',
      'report cost',
      'report usage',
      'audit search',
      'audit export csv',
      'audit export jsonl',
      'audit verify',
    ]) {
      expect(step(label).code, `${label}: ${step(label).stderr}`).toBe(0);
    }
    expect(json('audit search')).toBeTruthy();
  });

  it('went through the error paths: wrong key, regular API key, key as an argument, revoked key', () => {
    expect(step('sync (wrong ANTHROPIC_ADMIN_KEY)').code).not.toBe(0);
    expect(step('sync (wrong key, CLADE_DEBUG)').code).not.toBe(0);
    for (const label of ['profile list', 'profile add', 'profile relabel'])
      expect(step(label).code, `${label}: ${step(label).stderr}`).toBe(0);
    expect(step('key set (wrong key)').code).toBe(1);
    expect(step('key set (wrong key)').stderr).toMatch(/401|rejected|invalid/i);
    expect(step('key set (regular API key)').code).toBe(1);
    expect(step('key set (regular API key)').stderr).toMatch(/regular API key/);
    expect(step('key set (as an argument)').code).toBe(2);
    for (const label of [
      'key as the profile id',
      'key in an unknown option',
      'key as a command',
      'key as an option value',
    ]) {
      expect(step(label).code, label).toBe(2);
      expect(step(label).stderr, label).toMatch(/sk-ant-admin01-…\[redacted\]/);
    }
    expect(step('audit search with the key as a bad date').code).toBe(2);
    expect(step('audit search with the key as a bad date').stderr).toMatch(/after: needs a date/);
    expect(step('control: revoke the key').code).toBe(0);
    expect(step('sync (revoked key)').code).not.toBe(0);
    expect(`${step('sync (revoked key)').stdout}${step('sync (revoked key)').stderr}`).toMatch(/401|revoked|invalid/i);
  });

  it('answered every IPC channel through the gateway, including error answers to bad keys', () => {
    for (const label of ['ipc (connected)', 'ipc (revoked)'])
      expect(step(label).code, `${label}: ${step(label).stderr}`).toBe(0);
    const labels = scenario.ipcResponses.map((r) => r.label);
    expect(labels).toEqual(
      expect.arrayContaining(['clade:org/tree', 'clade:mirror/status', 'clade:spend/summary', 'clade:keys/inventory']),
    );
    const byLabel = (label: string) => scenario.ipcResponses.find((r) => r.label === label)?.response;
    expect(byLabel('key.set with the good key (rotation to itself)')).toMatchObject({
      ok: true,
      value: { present: true },
    });
    for (const label of [
      'key.set with a key the API rejects',
      'key.set with a malformed copy of the key',
      'key.set with a regular API key',
      'key.set with the revoked key',
    ]) {
      expect(byLabel(label), label).toMatchObject({
        ok: false,
        error: { code: expect.any(String), message: expect.any(String) },
      });
    }
    expect(byLabel('clade:org/tree')).toMatchObject({ ok: true, value: expect.anything() });
    expect(
      scenario.ipcResponses.filter((r) => (r.response as { ok: boolean }).ok === false).length,
    ).toBeGreaterThanOrEqual(8);
    // The window's own first sync ran on the stored key: done while it was valid, failed once it was revoked.
    expect(scenario.ipcModes).toEqual(['live', 'live']);
    const phases = scenario.ipcPushes.map((p) => (p.payload as { phase: string }).phase);
    expect(phases).toContain('done');
    expect(phases).toContain('failed');
  });

  it('raised alert notifications on this mirror, the rejected key among them', () => {
    expect(scenario.notifications.length).toBeGreaterThanOrEqual(1);
    expect(scenario.notifications.some((n) => /key/i.test(n.text))).toBe(true);
  });

  it('scanned the mirror while it was open, with its write-ahead log', () => {
    expect(scenario.filesWhileOpen).toEqual(expect.arrayContaining(['mirror.sqlite', 'mirror.sqlite-wal']));
  });

  it('left the key in the keychain until `key remove` deleted it (control: the scan target exists where it should)', () => {
    expect(step('control: secret-tool lookup').code).toBe(0);
    expect(step('control: secret-tool lookup').stdout.trim()).toBe(KEY);
    expect(textHasSecretTrace(step('control: secret-tool lookup').stdout, KEY)).toBe(true);
    expect(step('control: secret-tool lookup after remove').stdout.trim()).toBe('');
  });
});

describe('no trace of any key anywhere the product writes or answers', () => {
  it.each(Object.entries(SECRETS))(
    '%s: not in the data dir (SQLite + WAL/SHM/journal, profiles.json, audit head, exports, logs)',
    (name, secret) => {
      expect(scenario.tracesWhileOpen[name]).toEqual([]);
      expect(findSecretTraces(scenario.dirs.dataDir, secret)).toEqual([]);
    },
  );

  it.each(Object.entries(SECRETS))(
    '%s: not in HOME or the XDG config, cache and data folders (keyrings excepted)',
    (_name, secret) => {
      const { home, xdgConfigHome, xdgCacheHome, xdgDataHome } = scenario.dirs;
      for (const dir of [home, xdgConfigHome, xdgCacheHome]) expect(findSecretTraces(dir, secret)).toEqual([]);
      expect(findSecretTraces(xdgDataHome, secret, { skipDirs: ['keyrings'] })).toEqual([]);
    },
  );

  it.each(Object.entries(SECRETS))('%s: not in any CLI stdout or stderr', (_name, secret) => {
    expect(scenario.outputs.length).toBeGreaterThan(20);
    expect(tracesIn(scenario.outputs, secret)).toEqual([]);
  });

  it.each(Object.entries(SECRETS))('%s: not in any IPC response, push or main log line', (_name, secret) => {
    const responses = scenario.ipcResponses.map((r) => ({ label: r.label, text: JSON.stringify(r.response) }));
    expect(tracesIn(responses, secret)).toEqual([]);
    const pushes = scenario.ipcPushes.map((p, i) => ({
      label: `push ${i} ${p.channel}`,
      text: JSON.stringify(p.payload),
    }));
    expect(tracesIn(pushes, secret)).toEqual([]);
    const logs = scenario.ipcLogs.map((line, i) => ({ label: `log ${i}`, text: `${line.printed}\n${line.raw}` }));
    expect(tracesIn(logs, secret)).toEqual([]);
  });

  it.each(Object.entries(SECRETS))('%s: not in any notification', (_name, secret) => {
    expect(tracesIn(scenario.notifications, secret)).toEqual([]);
  });
});

describe('the scan would have caught a leak (controls)', () => {
  it('finds a planted copy in a file of the data dir, in UTF-8, UTF-16 and cut short', () => {
    const dir = join(scenario.dirs.root, 'planted');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'app.log'), `2026-11-23 sync failed for key=${KEY} status=401\n`);
    writeFileSync(join(dir, 'utf16.db'), Buffer.from(`row ${KEY} row`, 'utf16le'));
    writeFileSync(join(dir, 'truncated.txt'), KEY.slice(20, 80));
    writeFileSync(join(dir, 'clean.txt'), 'sk-ant-admin01-…[redacted]');
    expect(
      findSecretTraces(dir, KEY)
        .map((f) => f.slice(dir.length + 1))
        .sort(),
    ).toEqual(['app.log', 'truncated.txt', 'utf16.db']);
  });

  it('finds the key in a recorded response that carries it', () => {
    expect(
      textHasSecretTrace(JSON.stringify({ ok: false, error: { message: `bad key ${WRONG_KEY}` } }), WRONG_KEY),
    ).toBe(true);
  });
});
