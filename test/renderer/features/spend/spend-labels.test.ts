import { describe, expect, it } from 'vitest';
import { billedCoverageNote, costBasisNote, unpricedNote } from '../../../../renderer/features/spend/spend-labels';
import { usageAnswer } from './spend-fixture';

const query = {
  range: { kind: 'preset', preset: '30d' },
  bucket: 'day',
  groupBy: 'workspace',
  metric: 'cost',
} as const;

describe('unpricedNote', () => {
  it('counts unpriced tiers per tier and names models without a published price', () => {
    const data = usageAnswer(query);
    data.totals.unpricedModels = [
      'claude-fable-5-2',
      'claude-opus-5 (priority tier)',
      'claude-sonnet-5 (priority tier)',
      'claude-opus-5 (flex tier)',
    ];
    data.totals.unpricedTokens = 1_234_567;
    expect(unpricedNote(data)).toBe(
      '1,234,567 tokens without a known price are not in the estimate: Priority Tier (billed outside the cost report) on 2 models; the flex tier on 1 model; no published price for claude-fable-5-2.',
    );
    data.totals.unpricedTokens = 0;
    expect(unpricedNote(data)).toBeNull();
  });
});

describe('costBasisNote', () => {
  it('says which cost exists: billed and estimate by day, estimate only per key or per hour', () => {
    expect(costBasisNote(usageAnswer(query))).toMatch(/^Billed = Anthropic's daily cost report\. Estimate = /);
    expect(costBasisNote(usageAnswer({ ...query, groupBy: 'key' }))).toMatch(
      /^Estimate only: .*never per API key\. Estimate per key = .*shared out/,
    );
    expect(costBasisNote(usageAnswer({ ...query, bucket: 'hour' }))).toMatch(
      /^Estimate only: billed cost is reported per day, never per hour\./,
    );
  });
});

describe('billedCoverageNote', () => {
  it('says nothing when the cost report covers the range, and names the covered days when it does not', () => {
    const data = usageAnswer(query);
    expect(billedCoverageNote(data)).toBeNull();
    data.billedCoverage = { fromMs: data.fromMs, toMs: data.toMs - 3_600_000 }; // synced during the last day
    expect(billedCoverageNote(data)).toBeNull();
    data.billedCoverage = { fromMs: data.fromMs + 86_400_000, toMs: data.toMs };
    expect(billedCoverageNote(data)).toBe(
      'Billed cost in the local copy covers 2026-11-20 to 2026-11-20 (UTC); days outside it show no billed cost, so the difference there is not meaningful.',
    );
    data.billedCoverage = null;
    expect(billedCoverageNote(data)).toMatch(/not been synced yet/);
    expect(billedCoverageNote(usageAnswer({ ...query, groupBy: 'key' }))).toBeNull();
  });
});
