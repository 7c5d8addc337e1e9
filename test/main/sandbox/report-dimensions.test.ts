// Every documented group_by[] dimension and filter of usage_report/messages (admin-api.md §4.1), as a table.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type Anthropic from '@anthropic-ai/sdk';
import { PageCursor } from '@anthropic-ai/sdk/pagination';
import type { RunningSandbox } from '../../../main/sandbox';
import * as rep from '../../fixtures/admin-api/report-schemas';
import { sdkFor, startFrozen } from './sdk-client';

type Row = ReturnType<typeof rep.usageResult.parse> & { speed?: string | null };

let sandbox: RunningSandbox;
let client: Anthropic;
const RANGE = { starting_at: '2026-10-26T00:00:00Z', ending_at: '2026-11-16T00:00:00Z', limit: 31 };
const FAST = { headers: { 'anthropic-beta': 'fast-mode-2026-02-01' } };

beforeAll(async () => {
  sandbox = await startFrozen({ size: 'mid', seed: 8, seededEvents: false });
  client = sdkFor(sandbox);
});
afterAll(() => sandbox.close());

async function rows(query: Record<string, unknown>, fast = false): Promise<Row[]> {
  const out: Row[] = [];
  for await (const b of client.getAPIList('/v1/organizations/usage_report/messages', PageCursor<unknown>, {
    query: { ...RANGE, ...query },
    ...(fast ? FAST : {}),
  })) {
    const bucket = b as { results: unknown[] };
    for (const r of bucket.results)
      out.push(
        (fast ? rep.usageResult.extend({ speed: rep.usageResult.shape.model }) : rep.usageResult).parse(r) as Row,
      );
  }
  return out;
}
const total = (rs: Row[]) =>
  rs.reduce((a, r) => a + r.uncached_input_tokens + r.output_tokens + r.cache_read_input_tokens, 0);

const DIMENSIONS = [
  // dimension, may it be null when grouped (documented null meaning)
  ['api_key_id', true], // Workbench / playground usage
  ['workspace_id', true], // default workspace
  ['model', false],
  ['service_tier', false],
  ['context_window', false],
  ['inference_geo', false],
  ['account_id', true], // non-OAuth usage
  ['service_account_id', true], // non-federated usage
  ['speed', false], // beta
] as const;

let overall = 0;
beforeAll(async () => {
  overall = total(await rows({}));
});

describe.each(DIMENSIONS)('group_by[]=%s', (dim, nullable) => {
  it('sums to the ungrouped total, fills only its own field', async () => {
    const fast = dim === 'speed';
    const grouped = await rows({ group_by: [dim] }, fast);
    expect(total(grouped)).toBe(overall);
    const others = DIMENSIONS.map(([d]) => d).filter((d) => d !== dim && (d !== 'speed' || fast));
    for (const r of grouped) for (const o of others) expect(r[o as keyof Row], `${o} stays null`).toBeNull();
    const values = grouped.map((r) => r[dim as keyof Row]);
    expect(values.some((v) => v !== null)).toBe(true);
    if (!nullable) expect(values.every((v) => v !== null)).toBe(true);
  });
});

const FILTERS = [
  ['api_key_ids', 'api_key_id'],
  ['workspace_ids', 'workspace_id'],
  ['models', 'model'],
  ['service_tiers', 'service_tier'],
  ['context_window', 'context_window'],
  ['inference_geos', 'inference_geo'],
  ['account_ids', 'account_id'],
  ['service_account_ids', 'service_account_id'],
  ['speeds', 'speed'],
] as const;

describe.each(FILTERS)('filter %s[]', (param, dim) => {
  it('keeps only rows with the chosen value, and value-by-value filters add up to the whole', async () => {
    const fast = dim === 'speed';
    const grouped = await rows({ group_by: [dim] }, fast);
    const values = [
      ...new Set(grouped.map((r) => r[dim as keyof Row] as string | null).filter((v): v is string => v !== null)),
    ];
    expect(values.length).toBeGreaterThan(0);
    const chosen = values[0]!;
    const filtered = await rows({ group_by: [dim], [param]: [chosen] }, fast);
    expect(filtered.every((r) => r[dim as keyof Row] === chosen)).toBe(true);
    expect(total(filtered)).toBe(total(grouped.filter((r) => r[dim as keyof Row] === chosen)));
    if (values.length <= 12) {
      const nullPart = total(grouped.filter((r) => r[dim as keyof Row] === null));
      let sum = nullPart;
      for (const v of values) sum += total(await rows({ [param]: [v] }, fast));
      expect(sum).toBe(overall);
    }
  });
});

it('filters the default workspace by its real id (its rows report workspace_id null)', async () => {
  const def = [...sandbox.model.workspaces.values()].find((w) => w.isDefault)!;
  const filtered = await rows({ group_by: ['workspace_id'], workspace_ids: [def.id] });
  expect(filtered.length).toBeGreaterThan(0);
  expect(filtered.every((r) => r.workspace_id === null)).toBe(true);
});
