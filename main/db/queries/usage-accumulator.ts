/**
 * Sums for a usage chart, per group and bucket: the charted tokens, the token breakdown, the estimate (BigInt
 * picocents) and the billed amount (BigInt nanocents), then the groups and totals in the contract's shape.
 */
import type { TokenBreakdown, UsageGroup, UsageSeries, UsageSeriesQuery } from '../../../preload/contract-usage';
import { nanocentsToCents, roundToWholeCents } from '../../core/money';
import { nanocentsToPicocents, picocentsToCents } from '../../core/pricing';

const NANOCENTS_PER_CENT = 1_000_000_000n;
const PICOCENTS_PER_CENT = 1_000_000_000_000n;

export interface TokenSums {
  uncached: number;
  cw1h: number;
  cw5m: number;
  cread: number;
  output: number;
}

interface GroupAcc {
  tokens: number[];
  estimate: bigint[];
  billed: bigint[];
  breakdown: TokenBreakdown;
  estimateTotal: bigint;
  billedTotal: bigint;
  billedTokenTotal: bigint;
  /** Billed for what no estimate prices (web search, code execution, …), by the cost report's cost type. */
  billedUncovered: Map<string, bigint>;
  unpriced: number;
}

const emptyBreakdown = (): TokenBreakdown => ({ input: 0, output: 0, cacheRead: 0, cacheWrite: 0, total: 0 });

function metricTokens(metric: UsageSeriesQuery['metric'], row: TokenSums, total: number): number {
  switch (metric) {
    case 'input':
      return row.uncached;
    case 'output':
      return row.output;
    case 'cache_read':
      return row.cread;
    case 'cache_write':
      return row.cw1h + row.cw5m;
    default:
      return total;
  }
}

export class UsageAccumulator {
  private readonly groups = new Map<string | null, GroupAcc>();
  private readonly unpricedModels = new Set<string>();

  constructor(
    private readonly bucketCount: number,
    private readonly metric: UsageSeriesQuery['metric'],
  ) {}

  /** Tokens of one row in bucket `i`, with their estimate (null: no known price, counted as unpriced under `unpricedAs`). */
  addTokens(grp: string | null, i: number, row: TokenSums, estimate: bigint | null, unpricedAs: string): void {
    if (i < 0 || i >= this.bucketCount) return;
    const group = this.group(grp);
    const total = row.uncached + row.cw1h + row.cw5m + row.cread + row.output;
    group.tokens[i]! += metricTokens(this.metric, row, total);
    group.breakdown.input += row.uncached;
    group.breakdown.output += row.output;
    group.breakdown.cacheRead += row.cread;
    group.breakdown.cacheWrite += row.cw1h + row.cw5m;
    group.breakdown.total += total;
    if (estimate === null) {
      group.unpriced += total;
      if (total > 0) this.unpricedModels.add(unpricedAs);
    } else {
      group.estimate[i]! += estimate;
      group.estimateTotal += estimate;
    }
  }

  /** A billed amount of the cost report's `costType` ('tokens' is what the estimate covers). */
  addBilled(grp: string | null, i: number, nanocents: bigint, costType: string | null): void {
    if (i < 0 || i >= this.bucketCount) return;
    const group = this.group(grp);
    group.billed[i]! += nanocents;
    group.billedTotal += nanocents;
    if (costType === 'tokens') group.billedTokenTotal += nanocents;
    else
      group.billedUncovered.set(
        costType ?? 'other',
        (group.billedUncovered.get(costType ?? 'other') ?? 0n) + nanocents,
      );
  }

  /** Groups, largest first (billed, else estimate, for cost; the charted tokens otherwise), and the totals. */
  finish(
    billed: boolean,
    name: { key: (grp: string | null) => string; label: (grp: string | null) => string },
  ): Pick<UsageSeries, 'groups' | 'totals'> {
    const entries = [...this.groups.entries()];
    const sortValue = (g: GroupAcc): bigint =>
      this.metric === 'cost'
        ? billed
          ? nanocentsToPicocents(g.billedTotal)
          : g.estimateTotal
        : BigInt(g.tokens.reduce((a, b) => a + b, 0));
    entries.sort(([ga, a], [gb, b]) => {
      const [va, vb] = [sortValue(a), sortValue(b)];
      return vb > va ? 1 : vb < va ? -1 : name.label(ga).localeCompare(name.label(gb));
    });
    const groups: UsageGroup[] = entries.map(([grp, g]) => ({
      key: name.key(grp),
      label: name.label(grp),
      tokens: g.tokens,
      estimateCents: g.estimate.map(picocentsToCents),
      billedCents: billed ? g.billed.map(nanocentsToCents) : null,
      totals: {
        tokens: g.breakdown,
        ...money(billed, g.estimateTotal, g.billedTotal, g.billedTokenTotal, g.billedUncovered),
        unpricedTokens: g.unpriced,
      },
    }));
    const all = [...this.groups.values()];
    const sum = (pick: (g: GroupAcc) => bigint): bigint => all.reduce((total, g) => total + pick(g), 0n);
    const tokens = emptyBreakdown();
    for (const g of all)
      for (const k of Object.keys(tokens) as Array<keyof TokenBreakdown>) tokens[k] += g.breakdown[k];
    return {
      groups,
      totals: {
        tokens,
        ...money(
          billed,
          sum((g) => g.estimateTotal),
          sum((g) => g.billedTotal),
          sum((g) => g.billedTokenTotal),
          mergeUncovered(all),
        ),
        unpricedTokens: all.reduce((total, g) => total + g.unpriced, 0),
        unpricedModels: [...this.unpricedModels].sort(),
      },
    };
  }

  private group(grp: string | null): GroupAcc {
    let group = this.groups.get(grp);
    if (!group) {
      const n = this.bucketCount;
      group = {
        tokens: new Array<number>(n).fill(0),
        estimate: new Array<bigint>(n).fill(0n),
        billed: new Array<bigint>(n).fill(0n),
        breakdown: emptyBreakdown(),
        estimateTotal: 0n,
        billedTotal: 0n,
        billedTokenTotal: 0n,
        billedUncovered: new Map(),
        unpriced: 0,
      };
      this.groups.set(grp, group);
    }
    return group;
  }
}

/**
 * The money fields of a totals object; billed ones are null where billed cost cannot be split this way. The
 * reconciliation adds up as shown: Difference is the whole-cent Billed minus the whole-cent Estimate (the figures
 * on screen), then each billed part no estimate covers (web search, code execution, …) with its amount, and what
 * remains is "unexplained" (list prices vs. the invoice, discounts, usage the report filled late).
 */
function money(
  billed: boolean,
  estimate: bigint,
  billedTotal: bigint,
  billedTokens: bigint,
  uncovered: ReadonlyMap<string, bigint>,
) {
  if (!billed) {
    return {
      estimateCents: picocentsToCents(estimate),
      billedCents: null,
      billedTokenCents: null,
      differenceCents: null,
      notEstimated: [],
      unexplainedCents: null,
    };
  }
  const shownBilled = roundToWholeCents(billedTotal, NANOCENTS_PER_CENT);
  const shownEstimate = roundToWholeCents(estimate, PICOCENTS_PER_CENT);
  const parts = [...uncovered.entries()]
    .filter(([, amount]) => amount !== 0n)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([costType, amount]) => ({ costType, cents: roundToWholeCents(amount, NANOCENTS_PER_CENT) }));
  const difference = shownBilled - shownEstimate;
  return {
    estimateCents: picocentsToCents(estimate),
    billedCents: nanocentsToCents(billedTotal),
    billedTokenCents: nanocentsToCents(billedTokens),
    differenceCents: difference.toString(),
    notEstimated: parts.map((part) => ({ costType: part.costType, cents: part.cents.toString() })),
    unexplainedCents: (difference - parts.reduce((sum, part) => sum + part.cents, 0n)).toString(),
  };
}

function mergeUncovered(groups: readonly GroupAcc[]): Map<string, bigint> {
  const merged = new Map<string, bigint>();
  for (const group of groups)
    for (const [costType, amount] of group.billedUncovered) merged.set(costType, (merged.get(costType) ?? 0n) + amount);
  return merged;
}
