/** The exact numbers behind the chart: totals per group over the range, with a totals row. The chart's text alternative. */
import type { UsageSeries } from '../../../preload/contract';
import { formatCents } from '../../lib/format';
import { GROUP_LABELS } from './spend-labels';

export const formatTokens = (n: number): string => n.toLocaleString('en-US');

type Totals = UsageSeries['groups'][number]['totals'];

function Cells({
  totals,
  billed,
  unpriced,
  currency,
}: {
  totals: Totals;
  billed: boolean;
  unpriced: boolean;
  currency: string;
}) {
  return (
    <>
      <td className="num">{formatTokens(totals.tokens.input)}</td>
      <td className="num">{formatTokens(totals.tokens.output)}</td>
      <td className="num">{formatTokens(totals.tokens.cacheRead)}</td>
      <td className="num">{formatTokens(totals.tokens.cacheWrite)}</td>
      <td className="num">{formatTokens(totals.tokens.total)}</td>
      {billed && <td className="num">{formatCents(totals.billedCents ?? '0', currency)}</td>}
      <td className="num">{formatCents(totals.estimateCents, currency)}</td>
      {billed && <td className="num">{formatCents(totals.differenceCents ?? '0', currency)}</td>}
      {unpriced && <td className="num">{formatTokens(totals.unpricedTokens)}</td>}
    </>
  );
}

export function UsageTable({ data, caption }: { data: UsageSeries; caption: string }) {
  const billed = data.billed === 'available';
  const unpriced = data.totals.unpricedTokens > 0;
  return (
    <div className="spend-table-scroll" role="region" aria-label="Usage and cost table" tabIndex={0}>
      <table className="table spend-table">
        <caption className="muted">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{GROUP_LABELS[data.groupBy]}</th>
            <th scope="col" className="num">
              Input tokens
            </th>
            <th scope="col" className="num">
              Output tokens
            </th>
            <th scope="col" className="num">
              Cache read
            </th>
            <th scope="col" className="num">
              Cache write
            </th>
            <th scope="col" className="num">
              Total tokens
            </th>
            {billed && (
              <th scope="col" className="num">
                Billed
              </th>
            )}
            <th scope="col" className="num">
              {billed ? 'Estimate' : 'Estimate (no billed cost here)'}
            </th>
            {billed && (
              <th scope="col" className="num">
                Difference (billed − estimate)
              </th>
            )}
            {unpriced && (
              <th scope="col" className="num">
                Tokens without a known price
              </th>
            )}
          </tr>
        </thead>
        <tbody>
          {data.groups.map((group) => (
            <tr key={group.key}>
              <th scope="row">{group.label}</th>
              <Cells totals={group.totals} billed={billed} unpriced={unpriced} currency={data.currency} />
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">All {data.groups.length} groups</th>
            <Cells totals={data.totals} billed={billed} unpriced={unpriced} currency={data.currency} />
          </tr>
        </tfoot>
      </table>
    </div>
  );
}
