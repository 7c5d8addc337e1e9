/**
 * `clade-admin serve-metrics` as users run it (the built CLI) over the demo org: the URL it prints, promtool's
 * verdict on what it serves, its figures against the CLI's own `--json` answers (one truth), the token guard,
 * a real Prometheus scraping it (and answering every query of the Grafana dashboard), and a clean stop on SIGTERM.
 */
import type { ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mirrorFile } from '../../../main/adapters/data-dir';
import { openMirror } from '../../../main/db/open';
import { readOverview } from '../../../main/db/queries/overview';
import { ROOT, runBuiltCli, startBuiltCli } from '../../helpers/built-cli';
import {
  parsePrometheusText,
  promtool,
  sampleOf,
  startPrometheus,
  sumOf,
  waitFor,
  type RunningPrometheus,
  type Sample,
} from './prom-helpers';

const root = mkdtempSync(join(tmpdir(), 'clade-metrics-'));
const dataDir = join(root, 'data');
const cli = (...args: string[]) => runBuiltCli(['--data-dir', dataDir, '--profile', 'demo', ...args]);
const json = async (...args: string[]) => {
  const result = await cli(...args, '--json');
  expect(result.code, result.stderr).toBe(0);
  return JSON.parse(result.stdout) as Record<string, unknown>;
};

async function scrape(url: string, token?: string): Promise<{ status: number; body: string }> {
  const response = await fetch(url, token === undefined ? {} : { headers: { authorization: `Bearer ${token}` } });
  return { status: response.status, body: await response.text() };
}

async function stop(child: ChildProcess | undefined): Promise<number | null> {
  if (!child || child.exitCode !== null) return child?.exitCode ?? null;
  child.kill('SIGTERM');
  const [code] = (await once(child, 'close')) as [number | null];
  return code;
}

/** Production's id and month-to-date dollars as the mirror holds them (the overview read model, in process). */
function mirrorFigures(): { productionId: string; productionUsd: number } {
  const db = openMirror(mirrorFile(dataDir, 'demo'), { readonly: true });
  try {
    const production = readOverview(db, Date.now()).byWorkspace.find((w) => w.name === 'Production')!;
    return { productionId: production.workspaceId!, productionUsd: Number(production.cents) / 100 };
  } finally {
    db.close();
  }
}

describe('clade-admin serve-metrics over the demo org', () => {
  let served: ChildProcess;
  let url: string;
  let guarded: ChildProcess;
  let guardedPort: number;
  const token = randomBytes(24).toString('hex');
  const tokenFile = join(root, 'token');
  let samples: Sample[];
  let body: string;
  let prometheusStarting: Promise<RunningPrometheus>;

  beforeAll(async () => {
    const demo = await runBuiltCli(['--data-dir', dataDir, 'demo']);
    expect(demo.code, demo.stderr).toBe(0);
    // Budgets, so the budget series (and the dashboard's budget queries) have something to say.
    const { productionId } = mirrorFigures();
    for (const [key, value] of [
      ['budgets.orgMonthlyUsd', '5000'],
      [`budgets.workspaceMonthlyUsd.${productionId}`, '1500'],
    ]) {
      const set = await cli('config', 'set', key!, value!);
      expect(set.code, set.stderr).toBe(0);
    }
    writeFileSync(tokenFile, `${token}\n`, { mode: 0o600 });
    const [plain, guard] = await Promise.all([
      startBuiltCli(['--data-dir', dataDir, '--profile', 'demo', 'serve-metrics', '--port', '0']),
      startBuiltCli([
        '--data-dir',
        dataDir,
        '--profile',
        'demo',
        'serve-metrics',
        '--port',
        '0',
        '--bind',
        '0.0.0.0',
        '--token-file',
        tokenFile,
      ]),
    ]);
    served = plain.child;
    url = plain.firstLine;
    guarded = guard.child;
    guardedPort = Number(/:(\d+)\/metrics$/.exec(guard.firstLine)![1]);
    const scraped = await scrape(url);
    expect(scraped.status).toBe(200);
    body = scraped.body;
    samples = parsePrometheusText(body);
    // Started now, so its first scrape (Prometheus applies new targets after up to 5 s) overlaps the other tests.
    prometheusStarting = startPrometheus(
      mkdtempSync(join(root, 'prometheus-')),
      [
        'global: { scrape_interval: 1s, evaluation_interval: 1s }',
        `rule_files: ['${join(ROOT, 'assets', 'prometheus', 'clade-admin-rules.yml')}']`,
        'scrape_configs:',
        '  - job_name: clade-admin',
        `    static_configs: [{ targets: ['${new URL(url).host}'] }]`,
        '  - job_name: clade-admin-guarded',
        `    authorization: { type: Bearer, credentials_file: '${tokenFile}' }`,
        `    static_configs: [{ targets: ['127.0.0.1:${guardedPort}'] }]`,
      ].join('\n'),
    );
    // Awaited by its own tests; a failure to start is theirs to report, not an unhandled rejection.
    prometheusStarting.catch(() => undefined);
  }, 40_000);

  afterAll(async () => {
    await stop(served);
    await stop(guarded);
    await prometheusStarting?.then(
      (p) => p.stop(),
      () => undefined,
    );
    rmSync(root, { recursive: true, force: true });
  });

  it('prints its scrape URL, on loopback by default', () => {
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/metrics$/);
  });

  it('serves text that promtool check metrics accepts', async () => {
    expect(body).toContain('clade_admin_spend_month_to_date_usd{workspace="Production"}');
    // No key, key hint or e-mail address is ever a label or a value.
    expect(body).not.toMatch(/sk-ant|@/);
    const checked = await promtool(['check', 'metrics'], body);
    expect(checked.output).toBe('');
    expect(checked.code).toBe(0);
  });

  it("gives the CLI's --json figure for each fact it shares with the CLI", async () => {
    const [limits, users, invites, keys, alerts] = await Promise.all([
      json('limits'),
      json('users'),
      json('invites', '--status', 'pending'),
      json('keys'),
      json('alerts'),
    ]);
    const spend = limits.spend as { monthToDateCents: string; forecastCents: string };
    const usd = (cents: string) => Number(cents) / 100;
    expect(sampleOf(samples, 'clade_admin_spend_month_to_date_usd', { workspace: '' })).toBeCloseTo(
      usd(spend.monthToDateCents),
      6,
    );
    expect(sampleOf(samples, 'clade_admin_spend_forecast_month_end_usd', { workspace: '' })).toBeCloseTo(
      usd(spend.forecastCents),
      6,
    );
    const spendLimits = limits.spendLimits as Array<{ scope: string; name: string; amountCents: string }>;
    expect(spendLimits.length).toBeGreaterThan(1);
    for (const limit of spendLimits) {
      const workspace = limit.scope === 'organization' ? '' : limit.name;
      expect(sampleOf(samples, 'clade_admin_spend_limit_usd', { workspace })).toBe(usd(limit.amountCents));
    }
    expect(sampleOf(samples, 'clade_admin_budget_usd', { workspace: '' })).toBe(5000);
    expect(sampleOf(samples, 'clade_admin_budget_usd', { workspace: 'Production' })).toBe(1500);

    const roles = new Map<string, number>();
    for (const user of users.users as Array<{ role: string }>) roles.set(user.role, (roles.get(user.role) ?? 0) + 1);
    expect(roles.size).toBeGreaterThan(1);
    for (const [role, count] of roles) expect(sampleOf(samples, 'clade_admin_members', { role })).toBe(count);
    expect(sumOf(samples, 'clade_admin_members', () => true)).toBe((users.users as unknown[]).length);
    expect(sampleOf(samples, 'clade_admin_invites_pending')).toBe((invites.invites as unknown[]).length);

    const keyRows = keys.keys as Array<{ workspaceName: string; status: string; verdict: string }>;
    for (const key of keyRows) {
      const same = keyRows.filter(
        (k) => k.workspaceName === key.workspaceName && k.status === key.status && k.verdict === key.verdict,
      ).length;
      expect(
        sampleOf(samples, 'clade_admin_api_keys', {
          workspace: key.workspaceName,
          status: key.status,
          verdict: key.verdict,
        }),
      ).toBe(same);
    }
    expect(sumOf(samples, 'clade_admin_api_keys', () => true)).toBe(keyRows.length);

    const episodes = alerts.episodes as Array<{ severity: string }>;
    expect(episodes.length).toBeGreaterThan(0);
    for (const severity of ['info', 'warning', 'critical'])
      expect(sampleOf(samples, 'clade_admin_open_alerts', { severity })).toBe(
        episodes.filter((e) => e.severity === severity).length,
      );

    // The access checklist: `posture --json` exits 1 on the demo org (it fails items by design).
    const posture = await cli('posture', '--json');
    expect(posture.code, posture.stderr).toBe(1);
    const report = JSON.parse(posture.stdout) as { score: number; items: Array<{ id: string; status: string }> };
    expect(sampleOf(samples, 'clade_admin_posture_score')).toBe(report.score);
    for (const item of report.items) {
      const passing = samples.find((x) => x.name === 'clade_admin_posture_item_passing' && x.labels.item === item.id);
      expect(passing?.value).toBe(item.status === 'not_applicable' ? undefined : item.status === 'pass' ? 1 : 0);
    }
  });

  it('counts the tokens `report usage` sums over the same 30 days', async () => {
    const to = new Date().toISOString().slice(0, 10);
    const from = new Date(Date.parse(`${to}T00:00:00Z`) - 29 * 86_400_000).toISOString().slice(0, 10);
    const report = await json('report', 'usage', '--group-by', 'model', '--from', from, '--to', to);
    const rows = report.rows as Array<{ model: string; output_tokens: number; total_tokens: number }>;
    expect(rows.length).toBeGreaterThan(1);
    for (const row of rows) {
      const ofModel = (type?: string) =>
        sumOf(samples, 'clade_admin_tokens', (l) => l.model === row.model && (type === undefined || l.type === type));
      expect(ofModel('output')).toBe(row.output_tokens);
      expect(ofModel()).toBe(row.total_tokens);
    }
  });

  it('answers 401 without the right bearer token where a token guards it, and the figures with it', async () => {
    const guardedUrl = `http://127.0.0.1:${guardedPort}/metrics`;
    const wrong = await scrape(guardedUrl, `${token.slice(0, -1)}x`);
    expect(wrong.status).toBe(401);
    expect(wrong.body).not.toContain('clade_admin');
    expect((await scrape(guardedUrl)).status).toBe(401);
    expect((await scrape(guardedUrl, token.slice(0, 10))).status).toBe(401);
    const right = await scrape(guardedUrl, token);
    expect(right.status).toBe(200);
    expect(right.body).toContain('clade_admin_spend_month_to_date_usd');
  });

  it.each([['0.0.0.0'], ['192.168.1.10']])('refuses --bind %s without a token file', async (address) => {
    const refused = await cli('serve-metrics', '--port', '0', '--bind', address);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('--token-file');
    expect(refused.stdout).toBe('');
  });

  it('refuses --webhook-file without --sync-every (it would evaluate no alerts to post)', async () => {
    const refused = await cli('serve-metrics', '--port', '0', '--webhook-file', join(root, 'no-such-file'));
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('--webhook-file needs --sync-every');
    expect(refused.stdout).toBe('');
  });

  it('has a Grafana dashboard whose every query names metrics the endpoint serves', () => {
    const served = new Set(samples.map((s) => s.name));
    for (const expr of [...dashboardQueries(), ...dashboardVariableQueries()]) {
      const names = expr.match(/\bclade_admin_[a-z0-9_]+/g) ?? [];
      expect(names.length, expr).toBeGreaterThan(0);
      for (const name of names) expect(served, `${name} in ${expr}`).toContain(name);
    }
  });

  describe('scraped by a real Prometheus', () => {
    let prometheus: RunningPrometheus;

    beforeAll(async () => {
      prometheus = await prometheusStarting;
    }, 20_000);
    afterAll(async () => {
      await prometheus?.stop();
    });

    it("gives a demo workspace's month-to-date spend equal to the mirror's figure", async () => {
      const value = await waitFor('a scrape of Production spend', async () => {
        const answer = await prometheus.query(
          'clade_admin_spend_month_to_date_usd{workspace="Production",job="clade-admin"}',
        );
        return answer.data.result.length > 0 ? answer.data.result : null;
      });
      expect(value).toHaveLength(1);
      expect(value[0]!.metric.job).toBe('clade-admin');
      expect(Number(value[0]!.value[1])).toBeCloseTo(mirrorFigures().productionUsd, 6);
      const guardedUp = await waitFor('a scrape with the token', async () => {
        const answer = await prometheus.query('up{job="clade-admin-guarded"}');
        return answer.data.result.length > 0 ? answer.data.result[0]!.value[1] : null;
      });
      expect(guardedUp).toBe('1');
    });

    it('answers every query of the Grafana dashboard with data, and loads the rules file', async () => {
      // Two scrapes, so increase() over the request counter has two points.
      await waitFor('two scrapes', async () => {
        const answer = await prometheus.query('count_over_time(clade_admin_invites_pending{job="clade-admin"}[1m])');
        return Number(answer.data.result[0]?.value[1] ?? 0) >= 2 ? true : null;
      });
      for (const expr of dashboardQueries()) {
        const query = expr
          .replaceAll('$__rate_interval', '1m')
          .replaceAll('$instance', '.*')
          .replaceAll('$workspace', '.*');
        const answer = await prometheus.query(query);
        expect(answer.status, `${query}: ${answer.error}`).toBe('success');
        expect(answer.data.result.length, query).toBeGreaterThan(0);
      }
      const rules = (await (await fetch(`${prometheus.url}/api/v1/rules`)).json()) as {
        data: { groups: Array<{ rules: Array<{ name: string; health: string }> }> };
      };
      const loaded = rules.data.groups.flatMap((group) => group.rules);
      expect(loaded.length).toBe(9);
      expect(loaded.every((rule) => rule.health !== 'err')).toBe(true);
    });
  });

  it('stops cleanly on SIGTERM', async () => {
    expect(await stop(served)).toBe(0);
    expect(await stop(guarded)).toBe(0);
  });
});

function dashboardQueries(): string[] {
  const dashboard = JSON.parse(readFileSync(join(ROOT, 'assets', 'grafana', 'clade-admin.json'), 'utf8')) as {
    panels: Array<{ type: string; targets?: Array<{ expr: string }> }>;
  };
  const exprs = dashboard.panels.flatMap((panel) => (panel.targets ?? []).map((target) => target.expr));
  expect(exprs.length).toBeGreaterThan(10);
  return exprs;
}

/** The dashboard's variables that ask Prometheus (label_values over a metric). */
function dashboardVariableQueries(): string[] {
  const dashboard = JSON.parse(readFileSync(join(ROOT, 'assets', 'grafana', 'clade-admin.json'), 'utf8')) as {
    templating: { list: Array<{ type: string; definition?: string }> };
  };
  const queries = dashboard.templating.list.filter((v) => v.type === 'query').map((v) => v.definition ?? '');
  expect(queries.length).toBeGreaterThan(0);
  return queries;
}
