/**
 * #19 "terminal injection" and "spreadsheet formulas", end to end: org members name a key, a workspace and
 * themselves with escape sequences, CR, LF, NUL and bidi overrides, and sign up with a formula-shaped email; the
 * names arrive through the sandbox's control API (`POST /events`), a real sync brings them into a mirror, and every
 * surface that shows them is read back: `check`, `alerts` and `audit search` (through the in-process runCli, the bin's own entry),
 * a desktop notification and the tray (the app's notifier and tray over Electron doubles), the audit CSV export
 * (CLI, default and --raw) and the spend CSV (the renderer's writer over the read model the window is given).
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createElectronNotifier } from '../../../main/app/notifier';
import { createAppTray } from '../../../main/app/tray/tray';
import { readTrayView } from '../../../main/app/tray/tray-view';
import { runCliInMemory } from '../../helpers/memory-cli';
import { openEpisodes } from '../../../main/core/alerts/index';
import { loadEpisodes } from '../../../main/db/alerts/index';
import { mirrorFile } from '../../../main/adapters/data-dir';
import { openMirror } from '../../../main/db/open';
import { readUsageSeries } from '../../../main/db/queries/usage-series';
import { startSandbox, type RunningSandbox } from '../../../main/sandbox/index';
import { usageToCsv } from '../../../renderer/features/spend/spend-csv';
import { createTrayElectronDouble } from '../../helpers/electron-double-tray';

const ESC = '\u001b';
/** Erases the line, returns the cursor, prints a green all-clear, forges a line of its own and flips the text. */
const KEY_NAME = `ok${ESC}[2K\r${ESC}[32mALL CLEAR\nCRITICAL  none\u202e`;
/** Still a production workspace by name (the default rule matches "prod"), with NUL, an OSC title and an isolate. */
const WORKSPACE_NAME = `prod\u0000${ESC}]0;pwned\u0007\u2066ws`;
const USER_NAME = `Mallory\r${ESC}[1A\u202eadmin`;
/** A valid email that a spreadsheet would compute. */
const EMAIL = '-2+3+cmd@evil.example';
/** A key name the old spend CSV rule took for a negative number (it began with -1), so it was never defused. */
const FORMULA_KEY = '-1+HYPERLINK("http://evil.example","Q3")';

/** What a terminal or a text renderer would obey: any control character but the line feed, and bidi controls. */
const OBEYED = /[^\P{Cc}\n]|[\p{Bidi_Control}\u2028\u2029]/u;

let sandbox: RunningSandbox;
let dataDir: string;
let prodWorkspaceId: string;

async function control(path: string, body: unknown): Promise<{ applied: Array<Record<string, string>> }> {
  const res = await fetch(`${sandbox.controlUrl}${path}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${sandbox.controlToken}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
  return (await res.json()) as { applied: Array<Record<string, string>> };
}

function cli(...args: string[]) {
  return runCliInMemory(['--data-dir', dataDir, '--base-url', sandbox.url, ...args], {
    ANTHROPIC_ADMIN_KEY: sandbox.adminKey,
  });
}

/** How each name must read: every control and bidi character written out as its `\uXXXX` escape. */
const SHOWN = new Map([
  [KEY_NAME, 'ok\\u001b[2K\\u000d\\u001b[32mALL CLEAR\\u000aCRITICAL  none\\u202e'],
  [WORKSPACE_NAME, 'prod\\u0000\\u001b]0;pwned\\u0007\\u2066ws'],
  [USER_NAME, 'Mallory\\u000d\\u001b[1A\\u202eadmin'],
]);

/** The text shows each hostile name only escaped, and nothing in it would be obeyed. */
function expectDefused(text: string, ...names: string[]): void {
  expect(text).not.toMatch(OBEYED);
  for (const name of names) expect(text).toContain(SHOWN.get(name));
}

/**
 * Two syncs, as an org lives. Before the first, with the Compliance feed on: the member signs up with the formula
 * email and their chosen name, and acts once (the feed records them as the actor: the audit CSV's actor_email).
 * Then the feed is switched off, so the next changes reach the trail as the journal's differences, whose summaries
 * name the key and the workspace: the member renames the production workspace, creates a key in it, and renames
 * the busiest key (its spend row in the CSV) to a formula.
 */
beforeAll(async () => {
  sandbox = await startSandbox({ size: 'demo', seed: 19, port: 0, seededEvents: false, compliance: true });
  dataDir = mkdtempSync(join(tmpdir(), 'clade-hostile-'));
  const [invited] = (await control('/events', { events: [{ type: 'user_invited', email: EMAIL, role: 'admin' }] }))
    .applied;
  const [joined] = (
    await control('/events', { events: [{ type: 'user_joined', invite_id: invited!.invite_id, name: USER_NAME }] })
  ).applied;
  const actor = { actor_user_id: joined!.user_id };
  const member = [...sandbox.model.users.values()].find((u) => u.role === 'user' && u.removedAtMs === null)!;
  await control('/events', { events: [{ type: 'role_changed', user_id: member.id, role: 'developer', ...actor }] });
  const first = await cli('sync', '--history', '7');
  expect(first.code, first.stderr).toBe(0);

  await control('/compliance', { enabled: false });
  const workspaces = [...sandbox.model.workspaces.values()].filter((w) => !w.isDefault && w.archivedAtMs === null);
  prodWorkspaceId = (workspaces.find((w) => /prod/i.test(w.name)) ?? workspaces[0]!).id;
  const busiest = [...sandbox.model.apiKeys.values()]
    .filter((k) => k.status === 'active' && k.traffic.lastTrafficMs === null)
    .sort((a, b) => b.traffic.scale * b.traffic.dailyActivity - a.traffic.scale * a.traffic.dailyActivity)[0]!;
  await control('/events', {
    events: [
      { type: 'workspace_renamed', workspace_id: prodWorkspaceId, name: WORKSPACE_NAME, ...actor },
      {
        type: 'key_created',
        workspace_id: prodWorkspaceId,
        name: KEY_NAME,
        created_by_user_id: joined!.user_id,
        ...actor,
      },
      { type: 'key_renamed', api_key_id: busiest.id, name: FORMULA_KEY, ...actor },
    ],
  });
  const second = await cli('sync', '--history', '7');
  expect(second.code, second.stderr).toBe(0);
}, 120_000);

afterAll(async () => {
  await sandbox?.close();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

describe('hostile org names reach every surface escaped, never obeyed', () => {
  it('check: the alerts naming the key, the workspace and the new admin', async () => {
    const { stdout } = await cli('check');
    expect(stdout).toContain('created in prod');
    expect(stdout).toContain(`New organization admin: ${EMAIL}`);
    expectDefused(stdout, KEY_NAME, WORKSPACE_NAME, USER_NAME);
  });

  it('alerts: the recorded episodes; --json still carries the names exactly', async () => {
    const { stdout } = await cli('alerts');
    expectDefused(stdout, KEY_NAME, WORKSPACE_NAME, USER_NAME);
    // The JSON shape is not escaped field by field, only by the CLI's write layer, in JSON's own \uXXXX: the same
    // document to a parser, nothing a terminal would obey to a person who prints it.
    const jsonRun = await cli('--json', 'alerts');
    expect(jsonRun.stdout).not.toMatch(OBEYED);
    const json = JSON.parse(jsonRun.stdout) as { episodes: Array<{ title: string }> };
    expect(json.episodes.map((e) => e.title)).toContain(`Key "${KEY_NAME}" created in ${WORKSPACE_NAME}`);
  });

  it('audit search: the journal and compliance lines of the changes', async () => {
    const { stdout } = await cli('audit', 'search', '--limit', '1000');
    expect(stdout.split('\n').filter((line) => line.includes('ALL CLEAR')).length).toBeGreaterThan(0);
    expectDefused(stdout, KEY_NAME, WORKSPACE_NAME);
    // One event, one line: the key's line feed did not start a line that looks like an alert.
    expect(stdout).not.toMatch(/^CRITICAL/m);
  });

  it('a desktop notification and the tray', () => {
    const db = openMirror(mirrorFile(dataDir, 'default'));
    try {
      const electron = createTrayElectronDouble();
      const open = openEpisodes(loadEpisodes(db)).filter((e) => /created in|admin:/.test(e.title));
      createElectronNotifier(electron, { openView: () => undefined }).notifyEpisodes(open);
      const texts = electron.notifications.map((n) => `${n.options.title}\n${n.options.body}`).join('\n');
      expectDefused(texts, KEY_NAME, WORKSPACE_NAME, USER_NAME);

      const tray = createAppTray(electron, { assetsDir: '/assets', onClick: () => undefined });
      const moment = { nowMs: Date.now(), timeZone: 'UTC', syncing: false, canSync: true };
      const noop = () => undefined;
      tray.show(
        readTrayView(db, moment, {
          syncNow: noop,
          pauseAlerts: noop,
          resumeAlerts: noop,
          openWindow: noop,
          quit: noop,
        }),
      );
      const labels = electron.trays[0]!.labels().join('\n');
      expectDefused(labels, WORKSPACE_NAME);
      expectDefused(electron.trays[0]!.tooltip);
    } finally {
      db.close();
    }
  });

  it('the audit CSV export defuses the formula-shaped email by default; --raw writes it exactly', async () => {
    const cell = (file: string) => readFileSync(file, 'utf8').split('\r\n');
    const safe = join(dataDir, 'safe.csv');
    const raw = join(dataDir, 'raw.csv');
    const alias = join(dataDir, 'alias.csv');
    expect((await cli('audit', 'export', 'source:compliance', '--format', 'csv', '--out', safe)).code).toBe(0);
    expect((await cli('audit', 'export', 'source:compliance', '--format', 'csv', '--out', raw, '--raw')).code).toBe(0);
    const aliasRun = await cli(
      'audit',
      'export',
      'source:compliance',
      '--format',
      'csv',
      '--out',
      alias,
      '--spreadsheet-safe',
    );
    expect(aliasRun.code, aliasRun.stderr).toBe(0);
    expect(cell(safe).some((row) => row.includes(`,'${EMAIL},`))).toBe(true);
    expect(cell(safe).some((row) => row.includes(`,${EMAIL},`))).toBe(false);
    expect(cell(raw).some((row) => row.includes(`,${EMAIL},`))).toBe(true);
    expect(readFileSync(alias, 'utf8')).toBe(readFileSync(safe, 'utf8'));
  });

  it('the spend CSV the window saves defuses the formula-shaped key name', () => {
    const db = openMirror(mirrorFile(dataDir, 'default'));
    try {
      const series = readUsageSeries(
        db,
        { range: { kind: 'preset', preset: '7d' }, bucket: 'day', groupBy: 'key', metric: 'cost' },
        Date.now(),
      );
      // The window labels a key "name (workspace)": the cell starts with the member's formula.
      const label = series.groups.map((g) => g.label).find((l) => l.startsWith(FORMULA_KEY))!;
      expect(label).toBeDefined();
      const rows = usageToCsv(series).split('\r\n');
      const quoted = `"'${label.replace(/"/g, '""')}"`;
      expect(rows.some((row) => row.includes(`,${quoted},`))).toBe(true);
      // No label cell of any row begins with what a spreadsheet would compute.
      expect(rows.slice(1).filter((row) => /^[^,]*,"?[-=+@]/.test(row))).toEqual([]);
    } finally {
      db.close();
    }
  });
});
