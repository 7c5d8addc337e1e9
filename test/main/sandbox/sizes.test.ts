// Generated org sizes: demo / mid / large counts, realistic sparsity, and large serving first pages
// without materialising its history (report rows are generated on demand).
import { describe, expect, it } from 'vitest';
import { startSandbox } from '../../../main/sandbox';
import * as api from '../../fixtures/admin-api/schemas';
import { FIXED_NOW, rawGet } from './sdk-client';

describe.each([
  ['demo', 12, 25, 4, 120],
  ['mid', 100, 300, 20, 180],
  ['large', 500, 2000, 100, 400],
] as const)('size %s', (size, users, keys, workspaces, days) => {
  it(`has ${users} users, ${keys} keys, ${workspaces} named workspaces and ${days} days of usage`, async () => {
    const sb = await startSandbox({ size, now: FIXED_NOW, freezeClock: true, seededEvents: false });
    try {
      const m = sb.model;
      expect([...m.users.values()].filter((u) => u.removedAtMs === null)).toHaveLength(users);
      expect(m.apiKeys.size).toBe(keys);
      // named workspaces + the default one + one archived leftover
      expect(m.workspaces.size).toBe(workspaces + 2);
      const active = [...m.workspaces.values()].filter((w) => !w.isDefault && w.archivedAtMs === null);
      expect(active.length).toBeLessThanOrEqual(100);
      const first = await rawGet(sb, '/v1/organizations/api_keys?limit=1000');
      expect(api.pageOf(api.apiKeyNew).parse(first.body).data.length).toBe(Math.min(keys, 1000));
      const start = new Date(m.historyStartMs).toISOString();
      const oldest = await rawGet(sb, `/v1/organizations/usage_report/messages?starting_at=${start}&limit=1`);
      expect((oldest.body as { data: Array<{ starting_at: string }> }).data[0]!.starting_at).toBe(start);
      expect(Math.round((FIXED_NOW.getTime() - m.historyStartMs) / 86_400_000)).toBe(days + 1);
    } finally {
      await sb.close();
    }
  });
});

describe('usage sparsity', () => {
  it('on a weekday about a third of the keys carry traffic, and a few keys carry most of it', async () => {
    const sb = await startSandbox({ size: 'mid', now: FIXED_NOW, freezeClock: true, seededEvents: false });
    try {
      // 2026-11-16 … 2026-11-20 are Monday … Friday
      const res = await rawGet(
        sb,
        '/v1/organizations/usage_report/messages?starting_at=2026-11-16T00:00:00Z&ending_at=2026-11-20T00:00:00Z&group_by[]=api_key_id',
      );
      const days = (
        res.body as { data: Array<{ results: Array<{ api_key_id: string | null; uncached_input_tokens: number }> }> }
      ).data;
      for (const day of days) {
        const keyed = day.results.filter((r) => r.api_key_id !== null);
        const share = keyed.length / sb.model.apiKeys.size;
        expect(share).toBeGreaterThan(0.15);
        expect(share).toBeLessThan(0.5);
        const sorted = keyed.map((r) => r.uncached_input_tokens).sort((a, b) => b - a);
        const total = sorted.reduce((a, b) => a + b, 0);
        const topTenth = sorted.slice(0, Math.ceil(sorted.length / 10)).reduce((a, b) => a + b, 0);
        expect(topTenth / total).toBeGreaterThan(0.4);
      }
    } finally {
      await sb.close();
    }
  });
});
