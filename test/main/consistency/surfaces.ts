/**
 * Every surface's answer to the same questions about one mirror at one pinned instant: the IPC handlers' DTOs (what
 * the window shows), the CLI's `--json` (what cron and scripts see), the recorded alert episodes, and the tray's
 * menu model. `disagreements` compares them and names each fact on which two surfaces differ; it knows nothing of
 * how any surface computes its answer.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { MenuItemConstructorOptions } from 'electron';
import { mirrorFile } from '../../../main/adapters/data-dir';
import { openDemoOrg, type DemoOrg } from '../../../main/services/demo/demo-org';
import { readTrayView } from '../../../main/app/tray/tray-view';
import { openEpisodes } from '../../../main/core/alerts/index';
import { loadEpisodes } from '../../../main/db/alerts/index';
import { alertsHandlers } from '../../../main/ipc/domains/alerts';
import { mirrorHandlers } from '../../../main/ipc/domains/mirror';
import { usageHandlers } from '../../../main/ipc/domains/usage';
import type { SandboxSize } from '../../../main/sandbox/index';
import { AlertsListDto } from '../../../preload/contract-alerts';
import { UsageSeriesDto } from '../../../preload/contract-usage';
import { KeyInventoryRowDto, OrgTreeDto, OverviewDto, SpendSummaryDto } from '../../../preload/contract';
import { runBuiltCli } from '../../helpers/built-cli';

export const PROFILE = 'acme';

export interface PinnedOrg {
  size: SandboxSize;
  nowMs: number;
  dataDir: string;
  demo: DemoOrg;
  close(): Promise<void>;
}

/** The sandbox org of `size`, synced into a profile's mirror on a clock held at `nowMs` (the sync records alerts). */
export async function openPinnedOrg(size: SandboxSize, nowMs: number): Promise<PinnedOrg> {
  const root = mkdtempSync(join(tmpdir(), `clade-consistency-${size}-`));
  const dataDir = join(root, 'data');
  const demo = await openDemoOrg({ mirrorFile: mirrorFile(dataDir, PROFILE), size, frozenAt: new Date(nowMs) });
  return {
    size,
    nowMs,
    dataDir,
    demo,
    close: async () => {
      await demo.close();
      rmSync(root, { recursive: true, force: true });
    },
  };
}

export interface KeyAnswer {
  id: string;
  status: string;
  verdict: string;
  reason: string;
}

export interface Answers {
  inventory: KeyAnswer[];
  /** Key id → the tree badge's verdict. */
  treeVerdicts: Map<string, string>;
  /** Key id → the rules of the conditions `check --json` finds for it. */
  checkKeyRules: Map<string, string[]>;
  /** Key id → the title of its expiry condition in `check --json`. */
  checkExpiryTitles: Map<string, string>;
  spend: {
    /** Month-to-date cents (decimal strings) per source: org total and by workspace id. */
    overview: { org: string; byWorkspace: Map<string, string> };
    tree: { org: string | null; byWorkspace: Map<string, string> };
    summaryChannel: { org: string; byWorkspace: Map<string, string> };
    /** `report cost --group-by workspace --json` over the month so far. */
    report: { org: string; byWorkspace: Map<string, string> };
    /** The tray menu's "<Month>: $X spent" amount, and the overview's figure formatted the same way. */
    trayText: string | null;
  };
  forecast: {
    overview: string | null;
    summaryChannel: string | null;
    trayText: string | null;
    overviewCaps: string[];
    trayCaps: string[];
  };
  alerts: {
    /** Open episodes recorded by the sync (no `check` has run). */
    episodes: number;
    overview: number;
    alertCentre: number;
    cliAlerts: number;
    tray: number;
    /** Conditions `check --json` finds at the pinned instant. */
    check: number;
  };
  reconciliation: { billedCents: string | null; estimateCents: string; differenceCents: string | null };
}

const cents = (value: string): bigint => {
  const [whole, fraction = ''] = value.split('.');
  const sign = whole!.startsWith('-') ? -1n : 1n;
  return sign * (BigInt(whole!.replace('-', '')) * 1_000_000_000n + BigInt((fraction + '000000000').slice(0, 9)));
};

export async function collectAnswers(org: PinnedOrg): Promise<Answers> {
  const { db } = org.demo;
  const now = () => org.nowMs;
  const mirror = mirrorHandlers({ mirror: () => db, now });
  const ctx = { channel: 'clade:keys/inventory' as const, via: 'ipc' as const };
  const inventory = (await mirror['clade:keys/inventory'](undefined as never, ctx)).map((row) =>
    KeyInventoryRowDto.parse(row),
  );
  const tree = OrgTreeDto.parse(await mirror['clade:org/tree'](undefined as never, ctx));
  const overview = OverviewDto.parse(await mirror['clade:overview/summary'](undefined as never, ctx));
  const summary = SpendSummaryDto.parse(await mirror['clade:spend/summary'](undefined as never, ctx));
  const alertCentre = AlertsListDto.parse(
    await alertsHandlers({ mirror: () => db, now, timeZone: () => 'UTC' })['clade:alerts/list'](
      undefined as never,
      ctx,
    ),
  );
  const monthStart = new Date(org.nowMs).toISOString().slice(0, 8) + '01';
  const today = new Date(org.nowMs).toISOString().slice(0, 10);
  const series = UsageSeriesDto.parse(
    await usageHandlers({ mirror: () => db, now })['clade:usage/series'](
      {
        range: { kind: 'custom', from: monthStart, to: today },
        bucket: 'day',
        groupBy: 'workspace',
        metric: 'cost',
      } as never,
      ctx,
    ),
  );
  const tray = readTrayView(
    db,
    { nowMs: org.nowMs, timeZone: 'UTC', syncing: false, canSync: true },
    {
      syncNow: () => undefined,
      pauseAlerts: () => undefined,
      resumeAlerts: () => undefined,
      openWindow: () => undefined,
      quit: () => undefined,
    },
  );
  const labels = tray.menu.map((item: MenuItemConstructorOptions) => item.label ?? '');

  const cli = (args: string[]) => runBuiltCli(['--data-dir', org.dataDir, '--profile', PROFILE, '--json', ...args]);
  const [checkRun, alertsRun, reportRun] = await Promise.all([
    cli(['check', '--now', new Date(org.nowMs).toISOString()]),
    cli(['alerts']),
    cli(['report', 'cost', '--from', monthStart, '--to', today, '--group-by', 'workspace']),
  ]);
  const check = JSON.parse(checkRun.stdout) as {
    conditions: Array<{ rule: string; targetKind: string; targetId: string; title: string }>;
  };
  const checkKeyRules = new Map<string, string[]>();
  const checkExpiryTitles = new Map<string, string>();
  // The key hygiene rules (a production key change is an event about a key, not a verdict on it).
  const hygieneRules = new Set(['key-expiry', 'key-expired-active', 'key-rotation', 'key-dormant', 'key-orphaned']);
  for (const condition of check.conditions.filter((c) => c.targetKind === 'key' && hygieneRules.has(c.rule))) {
    checkKeyRules.set(condition.targetId, [...(checkKeyRules.get(condition.targetId) ?? []), condition.rule]);
    if (condition.rule === 'key-expiry') checkExpiryTitles.set(condition.targetId, condition.title);
  }
  const report = JSON.parse(reportRun.stdout) as {
    rows: Array<{ workspace_id: string | null; amount_cents: string; currency: string }>;
  };

  const treeWorkspaces = new Map<string, string>();
  for (const workspace of tree.workspaces)
    if (workspace.spend && workspace.id) treeWorkspaces.set(workspace.id, workspace.spend.cents);
  const treeVerdicts = new Map<string, string>();
  for (const key of [...tree.workspaces.flatMap((w) => w.keys), ...(tree.organizationKeys ?? [])]) {
    if (key.hygiene) treeVerdicts.set(key.id, key.hygiene.verdict);
  }
  const reportByWorkspace = new Map<string, string>();
  let reportTotal = 0n;
  for (const row of report.rows.filter((r) => r.currency === 'USD')) {
    reportTotal += cents(row.amount_cents);
    reportByWorkspace.set(row.workspace_id ?? 'default', row.amount_cents);
  }
  const spentLine = labels.find((label) => / spent$/.test(label)) ?? null;
  const forecastLine = labels.find((label) => label.startsWith('Forecast: ')) ?? null;
  const openLine = labels.find((label) => / open alerts?$/.test(label));
  return {
    inventory: inventory.map((row) => ({ id: row.id, status: row.status, verdict: row.verdict, reason: row.reason })),
    treeVerdicts,
    checkKeyRules,
    checkExpiryTitles,
    spend: {
      overview: {
        org: overview.monthToDateCents,
        byWorkspace: new Map(overview.byWorkspace.filter((w) => w.workspaceId).map((w) => [w.workspaceId!, w.cents])),
      },
      tree: { org: tree.spend?.cents ?? null, byWorkspace: treeWorkspaces },
      summaryChannel: {
        org: summary.monthToDateCents,
        byWorkspace: new Map(summary.byWorkspace.filter((w) => w.workspaceId).map((w) => [w.workspaceId!, w.cents])),
      },
      report: { org: formatCentsExact(reportTotal), byWorkspace: reportByWorkspace },
      trayText: spentLine === null ? null : spentLine.replace(/^.*: (\$[\d,.]+) spent$/, '$1'),
    },
    forecast: {
      overview: overview.forecastCents,
      summaryChannel: summary.forecastCents,
      trayText: forecastLine === null ? null : forecastLine.replace(/^Forecast: (\$[\d,.]+) by month end$/, '$1'),
      overviewCaps: overview.forecastCaps,
      trayCaps: labels.filter((label) => / capped at its /.test(label)).map((label) => label.trim()),
    },
    alerts: {
      episodes: openEpisodes(loadEpisodes(db)).length,
      overview: overview.alerts.open,
      alertCentre: alertCentre.open.length,
      cliAlerts: (JSON.parse(alertsRun.stdout) as { episodes: unknown[] }).episodes.length,
      tray: openLine ? Number(openLine.split(' ')[0]) : 0,
      check: check.conditions.length,
    },
    reconciliation: {
      billedCents: series.totals.billedCents,
      estimateCents: series.totals.estimateCents,
      differenceCents: series.totals.differenceCents,
    },
  };
}

function formatCentsExact(nanocents: bigint): string {
  const sign = nanocents < 0n ? '-' : '';
  const abs = nanocents < 0n ? -nanocents : nanocents;
  const fraction = (abs % 1_000_000_000n).toString().padStart(9, '0').replace(/0+$/, '');
  return `${sign}${abs / 1_000_000_000n}${fraction ? `.${fraction}` : ''}`;
}

/** "$1,234.57": a cents amount the way every surface writes dollars (half away from zero, to the cent). */
export function dollars(centsText: string): string {
  const nano = cents(centsText);
  const wholeCents = (nano + (nano < 0n ? -500_000_000n : 500_000_000n)) / 1_000_000_000n;
  const abs = wholeCents < 0n ? -wholeCents : wholeCents;
  const text = `${(abs / 100n).toLocaleString('en-US')}.${(abs % 100n).toString().padStart(2, '0')}`;
  return `${wholeCents < 0n ? '-' : ''}$${text}`;
}

const sameAmount = (a: string | null | undefined, b: string | null | undefined) =>
  a != null && b != null && cents(a) === cents(b);

/** Which rule each verdict stands for; the judgement shows the most urgent one. */
const VERDICT_RULES: Record<string, string[]> = {
  expired: ['key-expired-active'],
  expiring: ['key-expiry'],
  orphaned: ['key-orphaned'],
  dormant: ['key-dormant'],
  'rotate-soon': ['key-rotation'],
};
const URGENCY = ['expired', 'expiring', 'orphaned', 'dormant', 'rotate-soon'];

/** Every fact on which two surfaces give different answers, in words; empty when they all agree. */
export function disagreements(a: Answers): string[] {
  const out: string[] = [];
  for (const key of a.inventory) {
    const tree = a.treeVerdicts.get(key.id);
    if (tree !== undefined && tree !== key.verdict)
      out.push(`key ${key.id}: inventory "${key.verdict}", tree "${tree}"`);
    const rules = a.checkKeyRules.get(key.id) ?? [];
    if (key.verdict === 'ok' || key.verdict === 'inactive' || key.verdict === 'default-workspace') {
      if (rules.length > 0) out.push(`key ${key.id}: inventory "${key.verdict}", check finds ${rules.join(', ')}`);
      continue;
    }
    if (!VERDICT_RULES[key.verdict]!.some((rule) => rules.includes(rule)))
      out.push(`key ${key.id}: inventory "${key.verdict}", check finds ${rules.join(', ') || 'nothing'}`);
    for (const moreUrgent of URGENCY.slice(0, URGENCY.indexOf(key.verdict))) {
      if (VERDICT_RULES[moreUrgent]!.some((rule) => rules.includes(rule)))
        out.push(`key ${key.id}: inventory "${key.verdict}", but check finds the more urgent ${moreUrgent}`);
    }
    const title = a.checkExpiryTitles.get(key.id);
    const left = (text: string) => /expires (in [^.]+?)\.?$/.exec(text)?.[1] ?? null;
    if (title !== undefined && left(title) !== left(key.reason))
      out.push(`key ${key.id}: check says "${title}", inventory "${key.reason}"`);
  }

  const { overview, tree, summaryChannel, report, trayText } = a.spend;
  for (const [name, org] of [
    ['tree', tree.org],
    ['spend summary', summaryChannel.org],
    ['report', report.org],
  ] as const) {
    if (!sameAmount(overview.org, org)) out.push(`month-to-date org spend: overview ${overview.org}, ${name} ${org}`);
  }
  if (trayText !== dollars(overview.org))
    out.push(`month-to-date org spend: overview ${dollars(overview.org)}, tray ${trayText}`);
  for (const [workspace, amount] of overview.byWorkspace) {
    if (cents(amount) === 0n) continue;
    for (const [name, other] of [
      ['tree', tree.byWorkspace],
      ['spend summary', summaryChannel.byWorkspace],
      ['report', report.byWorkspace],
    ] as const) {
      if (!sameAmount(amount, other.get(workspace)))
        out.push(`month-to-date spend of ${workspace}: overview ${amount}, ${name} ${other.get(workspace)}`);
    }
  }

  const { forecast } = a;
  if (!sameAmount(forecast.overview, forecast.summaryChannel))
    out.push(`forecast: overview ${forecast.overview}, spend summary ${forecast.summaryChannel}`);
  if (forecast.overview !== null && forecast.trayText !== dollars(forecast.overview))
    out.push(`forecast: overview ${dollars(forecast.overview)}, tray ${forecast.trayText}`);
  if (forecast.overviewCaps.join('|') !== forecast.trayCaps.join('|'))
    out.push(`forecast caps: overview [${forecast.overviewCaps.join('; ')}], tray [${forecast.trayCaps.join('; ')}]`);

  const counts = a.alerts;
  for (const [name, count] of Object.entries(counts)) {
    if (count !== counts.episodes)
      out.push(`open alerts straight after the sync: ${counts.episodes} episodes recorded, ${name} ${count}`);
  }

  const { billedCents, estimateCents, differenceCents } = a.reconciliation;
  if (billedCents !== null) {
    // In whole cents as shown: the difference on screen must be the shown billed minus the shown estimate.
    const shown = (value: string) => BigInt(dollars(value).replace(/[$,.]/g, ''));
    if (differenceCents === null || shown(differenceCents) !== shown(billedCents) - shown(estimateCents)) {
      out.push(
        `reconciliation: billed ${dollars(billedCents)} − estimate ${dollars(estimateCents)} is not the difference shown ${differenceCents === null ? 'none' : dollars(differenceCents)}`,
      );
    }
  }
  return out;
}
