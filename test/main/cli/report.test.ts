/**
 * `clade-admin report claude-code` and `report cost --group-by api_key` (an estimate), with `--sort` and `--top`,
 * against the demo and mid sandbox orgs synced once per org on a pinned clock. Expectations come from the
 * sandbox's own reports (fetched over HTTP, summed here), the mirror's raw Claude Code rows, and the list prices of
 * admin-api.md §6 typed below, never from the code under test; the per-key estimate is also compared with the usage chart's per-key figures
 * (one truth on every surface).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mirrorFile } from '../../../main/adapters/data-dir';
import { runCli } from '../../../main/cli/run';
import type { CliIO } from '../../../main/cli/io';
import { readUsageSeries } from '../../../main/db/queries/usage-series';
import { mirrorHandlers } from '../../../main/ipc/domains/mirror';
import { KeyEstimateDto } from '../../../preload/contract';
import { openDemoOrg, type DemoOrg } from '../../../main/services/demo/demo-org';

const PINNED = Date.parse('2026-11-24T10:00:00Z');
const PROFILE = 'acme';
const DAYS = ['2026-11-20', '2026-11-21', '2026-11-22'];
const YESTERDAY = '2026-11-23';

/** admin-api.md §6, USD per million tokens: input, 5m write, 1h write, cache read, output (as of Nov 2026). */
const LIST_PRICES: Record<string, [string, string, string, string, string]> = {
  'claude-opus-5-5': ['4', '5', '8', '0.20', '20'],
  'claude-opus-5': ['5', '6.25', '10', '0.50', '25'],
  'claude-opus-4-6': ['5', '6.25', '10', '0.50', '25'],
  'claude-sonnet-5-5': ['2', '2.50', '4', '0.10', '10'],
  'claude-sonnet-5': ['2', '2.50', '4', '0.20', '10'],
  'claude-sonnet-4-6': ['3', '3.75', '6', '0.30', '15'],
  'claude-sonnet-4-5-20250929': ['3', '3.75', '6', '0.30', '15'],
  'claude-haiku-4-5-20251001': ['1', '1.25', '2', '0.10', '5'],
};
/** "0.20" USD per MTok × n tokens → picocents (1 USD/MTok per token = 1e-4 cents = 1e8 picocents). */
function listPicocents(usdPerMTok: string, tokens: number): bigint {
  const [whole, fraction = ''] = usdPerMTok.split('.');
  const hundredths = BigInt(whole!) * 100n + BigInt(fraction.padEnd(2, '0'));
  return hundredths * BigInt(tokens) * 1_000_000n;
}
const nextDay = (day: string): string =>
  new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
const picocentsOf = (cents: string): bigint => {
  const [whole, fraction = ''] = cents.split('.');
  return BigInt(whole!) * 10n ** 12n + BigInt(fraction.padEnd(12, '0'));
};

function memoryIo(home: string): CliIO & { out: () => string; err: () => string } {
  let out = '';
  let err = '';
  return {
    stdin: Readable.from([]),
    stdout: { write: (text: string) => ((out += text), true) },
    stderr: { write: (text: string) => ((err += text), true) },
    env: { HOME: home },
    out: () => out,
    err: () => err,
  };
}

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

describe.each(['demo', 'mid'] as const)('report on the %s org', (size) => {
  let root: string;
  let dataDir: string;
  let org: DemoOrg;

  async function cli(...args: string[]) {
    const io = memoryIo(root);
    const code = await runCli(['--data-dir', dataDir, '--profile', PROFILE, 'report', ...args], io);
    return { code, stdout: io.out(), stderr: io.err() };
  }
  async function json(...args: string[]): Promise<Json> {
    const run = await cli(...args, '--json');
    expect(run.code, run.stderr).toBe(0);
    return JSON.parse(run.stdout) as Json;
  }
  /** Every page of one sandbox report, as the API documents it (admin-api.md §4). */
  async function sandboxPages(path: string, query: Record<string, string | string[]>): Promise<Json[]> {
    const out: Json[] = [];
    let page: string | null = null;
    do {
      const params = new URLSearchParams();
      for (const [k, v] of Object.entries(query)) for (const one of [v].flat()) params.append(k, one);
      if (page) params.set('page', page);
      const res = await fetch(`${org.sandbox.url}${path}?${params}`, {
        headers: { 'x-api-key': org.sandbox.adminKey, 'anthropic-version': '2023-06-01' },
      });
      expect(res.status).toBe(200);
      const body = (await res.json()) as { data: Json[]; has_more: boolean; next_page: string | null };
      out.push(...body.data);
      page = body.has_more ? body.next_page : null;
    } while (page);
    return out;
  }
  /**
   * The Claude Code records the mirror holds for these days, read raw (admin-api.md §4.3 fields, one row per
   * record). Not the live sandbox: it answers past days from the org as it is now, and the demo's scripted
   * changes after the first sync add and remove actors.
   */
  function mirroredClaudeCode(days: string[]): Json[] {
    const raw = new Database(mirrorFile(dataDir, PROFILE), { readonly: true });
    try {
      const rows = raw
        .prepare(
          `SELECT actor_type, actor_id, num_sessions, lines_added, lines_removed, commits, pull_requests, model_breakdown_json
           FROM claude_code_daily WHERE bucket_start_ms >= ? AND bucket_start_ms < ?`,
        )
        .all(Date.parse(`${days[0]}T00:00:00Z`), Date.parse(`${nextDay(days[days.length - 1]!)}T00:00:00Z`)) as Json[];
      return rows.map((r) => ({
        actor:
          r.actor_type === 'user_actor'
            ? { type: 'user_actor', email_address: r.actor_id }
            : { type: 'api_actor', api_key_name: r.actor_id },
        core_metrics: {
          num_sessions: r.num_sessions,
          lines_of_code: { added: r.lines_added, removed: r.lines_removed },
          commits_by_claude_code: r.commits,
          pull_requests_by_claude_code: r.pull_requests,
        },
        model_breakdown: JSON.parse(r.model_breakdown_json),
      }));
    } finally {
      raw.close();
    }
  }
  async function sandboxUsage(day: string, groupBy: string[]): Promise<Json[]> {
    const buckets = await sandboxPages('/v1/organizations/usage_report/messages', {
      starting_at: `${day}T00:00:00Z`,
      ending_at: `${nextDay(day)}T00:00:00Z`,
      bucket_width: '1d',
      'group_by[]': groupBy,
    });
    return buckets.flatMap((b) => b.results as Json[]);
  }
  const usageTokens = (r: Json): number =>
    r.uncached_input_tokens +
    r.output_tokens +
    r.cache_read_input_tokens +
    r.cache_creation.ephemeral_1h_input_tokens +
    r.cache_creation.ephemeral_5m_input_tokens;

  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), `clade-report-${size}-`));
    dataDir = join(root, 'data');
    org = await openDemoOrg({ mirrorFile: mirrorFile(dataDir, PROFILE), size, frozenAt: new Date(PINNED) });
  }, 60_000);
  afterAll(async () => {
    await org?.close();
    rmSync(root, { recursive: true, force: true });
  });

  describe('claude-code', () => {
    it('by user equals the mirrored records (§4.3) summed per actor, with the documented --json shape', async () => {
      const expected = new Map<string, Json>();
      for (const r of mirroredClaudeCode(DAYS)) {
        const id = r.actor.type === 'user_actor' ? r.actor.email_address : `key:${r.actor.api_key_name}`;
        const e = expected.get(id) ?? { sessions: 0, added: 0, removed: 0, commits: 0, prs: 0, tokens: 0, cents: 0 };
        e.sessions += r.core_metrics.num_sessions;
        e.added += r.core_metrics.lines_of_code.added;
        e.removed += r.core_metrics.lines_of_code.removed;
        e.commits += r.core_metrics.commits_by_claude_code;
        e.prs += r.core_metrics.pull_requests_by_claude_code;
        for (const m of r.model_breakdown) {
          e.tokens += m.tokens.input + m.tokens.output + m.tokens.cache_read + m.tokens.cache_creation;
          e.cents += m.estimated_cost.amount;
        }
        expected.set(id, e);
      }
      expect(expected.size).toBeGreaterThan(3);

      const report = await json('claude-code', '--from', DAYS[0]!, '--to', DAYS[2]!, '--group-by', 'user');
      expect(report).toMatchObject({
        kind: 'claude-code',
        groupBy: 'user',
        from: DAYS[0],
        to: DAYS[2],
        complete: true,
      });
      const got = new Map<string, Json>(
        report.rows.map((row: Json) => [
          row.actor.type === 'user_actor' ? row.actor.email_address : `key:${row.actor.api_key_name}`,
          row,
        ]),
      );
      expect([...got.keys()].sort()).toEqual([...expected.keys()].sort());
      for (const [id, e] of expected) {
        const row = got.get(id)!;
        expect(row.num_sessions, id).toBe(e.sessions);
        expect(row.lines_of_code).toEqual({ added: e.added, removed: e.removed });
        expect(row.commits_by_claude_code).toBe(e.commits);
        expect(row.pull_requests_by_claude_code).toBe(e.prs);
        expect(row.total_tokens).toBe(e.tokens);
        expect(Number(row.estimated_cost.amount_cents)).toBeCloseTo(e.cents, 4);
        expect(row.estimated_cost.currency).toBe('USD');
      }
      const sum = (f: (e: Json) => number) => [...expected.values()].reduce((a, e) => a + f(e), 0);
      expect(report.total.num_sessions).toBe(sum((e) => e.sessions));
      expect(report.total.total_tokens).toBe(sum((e) => e.tokens));
      // Members are named from the mirror's users.
      expect(report.rows.some((row: Json) => row.actor.type === 'user_actor' && row.user_name)).toBe(true);
    });

    it('by model equals the mirrored model breakdowns, and sorts by cost largest first with --top', async () => {
      const expected = new Map<string, { tokens: number; cents: number }>();
      for (const r of mirroredClaudeCode(DAYS))
        for (const m of r.model_breakdown) {
          const e = expected.get(m.model) ?? { tokens: 0, cents: 0 };
          e.tokens += m.tokens.input + m.tokens.output + m.tokens.cache_read + m.tokens.cache_creation;
          e.cents += m.estimated_cost.amount;
          expected.set(m.model, e);
        }
      const report = await json('claude-code', '--from', DAYS[0]!, '--to', DAYS[2]!, '--group-by', 'model');
      expect(report.rows.map((r: Json) => r.model)).toEqual([...expected.keys()].sort());
      for (const row of report.rows) {
        expect(row.total_tokens).toBe(expected.get(row.model)!.tokens);
        expect(Number(row.estimated_cost.amount_cents)).toBeCloseTo(expected.get(row.model)!.cents, 4);
      }
      const top = await json(
        'claude-code',
        '--from',
        DAYS[0]!,
        '--to',
        DAYS[2]!,
        '--group-by',
        'model',
        '--sort',
        'cost',
        '--top',
        '2',
      );
      const byCost = [...expected].sort((a, b) => b[1].cents - a[1].cents).map(([model]) => model);
      expect(top.rows.map((r: Json) => r.model)).toEqual(byCost.slice(0, 2));
      expect(top).toMatchObject({ sort: 'cost', top: 2, omitted: expected.size - 2 });
      expect(top.total.total_tokens).toBe(report.total.total_tokens); // --top keeps the whole total
    });

    it('prints an aligned table with names and a total', async () => {
      const run = await cli('claude-code', '--from', DAYS[0]!, '--to', DAYS[2]!, '--sort', 'sessions', '--top', '3');
      expect(run.code, run.stderr).toBe(0);
      const lines = run.stdout.split('\n');
      expect(lines[0]).toContain("Claude Code activity by user (cost: the report's own estimate)");
      expect(lines[1]).toMatch(/^\s+ACTOR\s+NAME\s+DAYS\s+SESSIONS/);
      const total = lines.find((l) => /^\s+Total\s/.test(l))!;
      expect(total).toBeDefined();
      // Sessions column is right-aligned: each body line ends its SESSIONS cell where the header does.
      const end = lines[1]!.indexOf('SESSIONS') + 'SESSIONS'.length;
      const sessions = lines
        .slice(2, 5)
        .map((l) => Number(l.slice(0, end).trim().split(/\s+/).pop()!.replace(/,/g, '')));
      expect(sessions).toEqual([...sessions].sort((a, b) => b - a));
      expect(run.stdout).toMatch(/more actors not shown/);
    });
  });

  describe('cost --group-by api_key (an estimate)', () => {
    it('is labelled an estimate and counts each key\u2019s tokens as the sandbox usage report does', async () => {
      const report = await json('cost', '--from', YESTERDAY, '--to', YESTERDAY, '--group-by', 'api_key');
      expect(report).toMatchObject({
        kind: 'cost',
        groupBy: 'api_key',
        estimate: true,
        currency: 'USD',
        complete: true,
      });
      expect(report.basis).toMatch(/estimate, not billed/);
      const expected = new Map<string | null, number>();
      for (const r of await sandboxUsage(YESTERDAY, ['api_key_id']))
        expected.set(r.api_key_id, (expected.get(r.api_key_id) ?? 0) + usageTokens(r));
      const got = new Map<string | null, number>(report.rows.map((r: Json) => [r.api_key_id, r.total_tokens]));
      expect(got).toEqual(expected);
      expect(report.total.total_tokens).toBe([...expected.values()].reduce((a, b) => a + b, 0));
      // Named keys: every key row carries the mirror's name and workspace.
      for (const row of report.rows.filter((r: Json) => r.api_key_id !== null)) {
        expect(typeof row.api_key_name).toBe('string');
        expect(typeof row.workspace_name).toBe('string');
      }
      // Billed cost of the same day comes alongside: the sandbox's cost report summed.
      const cost = await sandboxPages('/v1/organizations/cost_report', {
        starting_at: `${YESTERDAY}T00:00:00Z`,
        ending_at: `${nextDay(YESTERDAY)}T00:00:00Z`,
      });
      const billed = cost.flatMap((b) => b.results as Json[]).reduce((a, r) => a + Number(r.amount), 0);
      expect(Number(report.billed.amount_cents)).toBeCloseTo(billed, 4);
    });

    it('prices a key of plain standard traffic at the list prices of admin-api.md §6', async () => {
      // A workspace × model day is plain when all of it is standard tier, under 200k context, outside the US geo:
      // then no multiplier applies, and a key's estimate there is its tokens × the list prices exactly.
      const cells = await sandboxUsage(YESTERDAY, [
        'workspace_id',
        'model',
        'service_tier',
        'context_window',
        'inference_geo',
      ]);
      const notPlain = new Set(
        cells
          .filter((c) => usageTokens(c) > 0)
          .filter((c) => c.service_tier !== 'standard' || c.context_window !== '0-200k' || c.inference_geo === 'us')
          .map((c) => JSON.stringify([c.workspace_id, c.model])),
      );
      const perKey = new Map<string, { plain: boolean; picocents: bigint }>();
      for (const r of await sandboxUsage(YESTERDAY, ['api_key_id', 'workspace_id', 'model'])) {
        if (r.api_key_id === null) continue;
        const k = perKey.get(r.api_key_id) ?? { plain: true, picocents: 0n };
        const prices = LIST_PRICES[r.model];
        if (!prices || notPlain.has(JSON.stringify([r.workspace_id, r.model]))) k.plain = false;
        else {
          const [input, w5, w1, read, output] = prices;
          k.picocents +=
            listPicocents(input, r.uncached_input_tokens) +
            listPicocents(w5, r.cache_creation.ephemeral_5m_input_tokens) +
            listPicocents(w1, r.cache_creation.ephemeral_1h_input_tokens) +
            listPicocents(read, r.cache_read_input_tokens) +
            listPicocents(output, r.output_tokens);
        }
        perKey.set(r.api_key_id, k);
      }
      const plain = [...perKey].filter(([, k]) => k.plain && k.picocents > 0n).slice(0, 3);
      expect(plain.length).toBeGreaterThanOrEqual(2);
      const report = await json('cost', '--from', YESTERDAY, '--to', YESTERDAY, '--group-by', 'api_key');
      for (const [id, k] of plain) {
        const row = report.rows.find((r: Json) => r.api_key_id === id);
        expect(picocentsOf(row.estimated_amount_cents), id).toBe(k.picocents);
      }
    });

    it('gives each key the same estimate the usage chart shows per key (one truth)', async () => {
      const report = await json('cost', '--from', DAYS[0]!, '--to', DAYS[2]!, '--group-by', 'api_key');
      const series = readUsageSeries(
        org.db,
        { range: { kind: 'custom', from: DAYS[0]!, to: DAYS[2]! }, bucket: 'day', groupBy: 'key', metric: 'cost' },
        PINNED,
      );
      const chart = new Map(series.groups.map((g) => [g.key === 'no-key' ? null : g.key, g.totals.estimateCents]));
      const cli = new Map(report.rows.map((r: Json) => [r.api_key_id, r.estimated_amount_cents]));
      expect(cli).toEqual(chart);
      expect(report.total.estimated_amount_cents).toBe(series.totals.estimateCents);
    });

    it("matches the key details panel's 30-day estimate (clade:keys/estimate), key by key", async () => {
      const report = await json('cost', '--from', '2026-10-26', '--to', '2026-11-24', '--group-by', 'api_key');
      const handler = mirrorHandlers({ mirror: () => org.db, now: () => PINNED })['clade:keys/estimate'];
      const keyed = report.rows.filter((r: Json) => r.api_key_id !== null);
      const defaultWs = keyed.filter((r: Json) => r.workspace_name === 'Default Workspace').slice(0, 1);
      const sample = [...keyed.slice(0, 3), ...keyed.slice(-2), ...defaultWs];
      expect(sample.length).toBeGreaterThanOrEqual(5);
      for (const row of sample) {
        const panel = KeyEstimateDto.parse(
          await handler({ keyId: row.api_key_id }, { channel: 'clade:keys/estimate', via: 'ipc' }),
        );
        expect(panel, row.api_key_id).toEqual({
          keyId: row.api_key_id,
          fromDay: '2026-10-26',
          toDay: '2026-11-24',
          estimateCents: row.estimated_amount_cents,
          tokens: row.total_tokens,
          unpricedTokens: row.unpriced_tokens,
        });
      }
    });

    it("gives yesterday's top keys in one command, largest first, with names and short ids", async () => {
      const all = await json('cost', '--from', YESTERDAY, '--to', YESTERDAY, '--group-by', 'api_key');
      const byCost = [...all.rows].sort(
        (a: Json, b: Json) =>
          Number(picocentsOf(b.estimated_amount_cents) - picocentsOf(a.estimated_amount_cents)) || 0,
      );
      const args = [
        'cost',
        '--from',
        YESTERDAY,
        '--to',
        YESTERDAY,
        '--group-by',
        'api_key',
        '--sort',
        'cost',
        '--top',
        '5',
      ];
      const top = await json(...args);
      expect(top.rows.map((r: Json) => r.api_key_id)).toEqual(byCost.slice(0, 5).map((r: Json) => r.api_key_id));
      expect(top).toMatchObject({ estimate: true, sort: 'cost', top: 5, omitted: all.rows.length - 5 });
      expect(top.total).toEqual(all.total);

      const run = await cli(...args);
      expect(run.code, run.stderr).toBe(0);
      expect(run.stdout).toMatch(/^ESTIMATED cost per API key \(not billed\)/);
      expect(run.stdout).toMatch(/Total \(estimate\)/);
      expect(run.stdout).toMatch(
        /Billed for these days \(all workspaces and cost types, not per key\): \$[\d,]+\.\d\d USD/,
      );
      expect(run.stdout).toMatch(/note: estimate, not billed/);
      const first = byCost.find((r: Json) => r.api_key_id !== null)!;
      const body = run.stdout.split('\n').slice(2, 7);
      if (top.rows[0].api_key_id !== null) {
        expect(body[0]).toContain(first.api_key_name);
        expect(body[0]).toContain(`${first.api_key_id.slice(0, 13)}…`);
        expect(run.stdout).not.toContain(first.api_key_id);
      }
    });
  });

  describe('empty and bad input', () => {
    it('answers a range before the mirror with no rows, marked incomplete', async () => {
      for (const args of [
        ['claude-code', '--group-by', 'user'],
        ['claude-code', '--group-by', 'model'],
        ['cost', '--group-by', 'api_key'],
      ]) {
        const report = await json(...args, '--from', '2026-01-01', '--to', '2026-01-02');
        expect(report.rows, args.join(' ')).toEqual([]);
        expect(report.complete).toBe(false);
      }
      const run = await cli('claude-code', '--from', '2026-01-01', '--to', '2026-01-01');
      expect(run.code).toBe(0);
      expect(run.stdout).toContain('(no Claude Code activity for these days)');
      expect(run.stdout).toContain('warning: incomplete');
      const keys = await cli('cost', '--group-by', 'api_key', '--from', '2026-01-01', '--to', '2026-01-01');
      expect(keys.stdout).toContain('(no key usage for these days)');
    });

    it('accepts every grouping and order --help offers', async () => {
      const offered: Array<[string, string, string[]]> = [
        ['usage', 'workspace', ['name', 'tokens']],
        ['usage', 'api_key', ['name', 'tokens']],
        ['usage', 'model', ['name', 'tokens']],
        ['cost', 'workspace', ['name', 'cost']],
        ['cost', 'description', ['name', 'cost']],
        ['cost', 'model', ['name', 'cost']],
        ['cost', 'api_key', ['name', 'cost', 'tokens']],
        ['claude-code', 'user', ['name', 'cost', 'tokens', 'sessions']],
        ['claude-code', 'model', ['name', 'cost', 'tokens']],
      ];
      for (const [kind, groupBy, sorts] of offered)
        for (const sort of sorts) {
          const run = await cli(
            kind,
            '--from',
            YESTERDAY,
            '--to',
            YESTERDAY,
            '--group-by',
            groupBy,
            '--sort',
            sort,
            '--top',
            '3',
          );
          expect(run.code, `${kind} ${groupBy} ${sort}: ${run.stderr}`).toBe(0);
          expect(run.stdout).toMatch(/Total/);
        }
    });

    it.each([
      [['cost', '--group-by', 'api_key', '--sort', 'bogus'], 'can be sorted by name, cost, tokens'],
      [['cost', '--group-by', 'workspace', '--sort', 'tokens'], 'can be sorted by name, cost, not "tokens"'],
      [['usage', '--sort', 'cost'], 'can be sorted by name, tokens'],
      [['claude-code', '--group-by', 'model', '--sort', 'sessions'], 'can be sorted by name, cost, tokens'],
      [['claude-code', '--group-by', 'workspace'], 'can be grouped by user, model'],
      [['usage', '--group-by', 'user'], 'can be grouped by workspace, api_key, model'],
      [['cost', '--group-by', 'api_key', '--top', '0'], 'expected a whole number'],
      [['claude-code', '--from', '2026-11-22', '--to', '2026-11-20'], 'is before --from'],
      [['claude-code', '--from', '2026-11-31', '--to', '2026-12-01'], 'not a calendar day: 2026-11-31'],
      [['claude-cod'], 'usage, cost, claude-code'],
    ])('refuses %j with exit 2', async (args, message) => {
      const from = args.includes('--from') ? [] : ['--from', DAYS[0]!, '--to', DAYS[0]!];
      const run = await cli(...args, ...from);
      expect(run.code).toBe(2);
      expect(run.stderr).toContain(message);
      expect(run.stdout).toBe('');
    });
  });
});

describe('report --help', () => {
  it('offers exactly the reports, groupings and orders that work', async () => {
    const io = memoryIo(tmpdir());
    await runCli(['report', '--help'], io);
    const help = io.out().replace(/\s+/g, ' ');
    expect(help).toContain('usage | cost | claude-code');
    expect(help).toContain(
      'usage: workspace | api_key | model; cost: workspace | description | model | api_key; claude-code: user | model',
    );
    expect(help).toContain('cost by api_key is an estimate');
    expect(help).toContain(
      'usage: name | tokens; cost: name | cost (by api_key also tokens); claude-code: name | cost | tokens (by user also sessions)',
    );
    expect(help).toMatch(/--top <n>/);
  });
});
