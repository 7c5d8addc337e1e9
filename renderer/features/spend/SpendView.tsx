/**
 * Spend: billed cost by day over 7, 30 or 90 days, grouped by workspace or model; a chart, the exact
 * table under it, and a CSV export of exactly what is shown.
 */
import { useEffect } from 'react';
import type { DailySpendQuery } from '../../../preload/contract';
import { useSpendStore } from '../../stores/useSpendStore';
import { formatCents, formatDate } from '../../lib/format';
import { LoadState } from '../shell/LoadState';
import { SpendChart } from './SpendChart';
import { spendToCsv } from './spend-csv';

export function SpendView() {
  const { query, status, data, error, load } = useSpendStore();
  useEffect(() => {
    void load();
  }, [load]);
  const change = (next: Partial<DailySpendQuery>): void => void load({ ...query, ...next });
  const exportCsv = (): void => {
    if (!data) return;
    const url = URL.createObjectURL(new Blob([spendToCsv(data)], { type: 'text/csv' }));
    const link = document.createElement('a');
    link.href = url;
    link.download = `clade-admin-spend-${query.groupBy}-${query.days}d.csv`;
    link.click();
    URL.revokeObjectURL(url);
  };
  return (
    <div className="spend" role="region" aria-labelledby="spend-view-heading" tabIndex={0}>
      <div className="view-title">
        <h2 id="spend-view-heading">Spend</h2>
        <label htmlFor="spend-days">Range</label>
        <select id="spend-days" value={query.days} onChange={(event) => change({ days: Number(event.target.value) as DailySpendQuery['days'] })}>
          <option value={7}>Last 7 days</option>
          <option value={30}>Last 30 days</option>
          <option value={90}>Last 90 days</option>
        </select>
        <label htmlFor="spend-group">Group by</label>
        <select id="spend-group" value={query.groupBy} onChange={(event) => change({ groupBy: event.target.value as DailySpendQuery['groupBy'] })}>
          <option value="workspace">Workspace</option>
          <option value="model">Model</option>
        </select>
        <button type="button" onClick={exportCsv} disabled={!data || data.series.length === 0}>
          Export CSV
        </button>
      </div>
      <LoadState status={status} error={error} onRetry={() => void load()}>
        {data && data.series.length === 0 && <p className="notice">No billed cost in this range yet.</p>}
        {data && data.series.length > 0 && (
          <>
            <p>
              Billed cost, {formatDate(data.dayStartsMs[0]!)} – {formatDate(data.dayStartsMs.at(-1)!)}: <strong>{formatCents(data.totalCents, data.currency)}</strong>
            </p>
            <SpendChart data={data} />
            <table className="table">
              <caption className="muted">Billed cost by {query.groupBy} over the range (cost reports settle daily)</caption>
              <thead>
                <tr>
                  <th scope="col">{query.groupBy === 'workspace' ? 'Workspace' : 'Model'}</th>
                  <th scope="col" className="num">
                    Total
                  </th>
                  <th scope="col" className="num">
                    Last day
                  </th>
                </tr>
              </thead>
              <tbody>
                {data.series.map((series) => (
                  <tr key={series.key}>
                    <th scope="row">{series.label}</th>
                    <td className="num">{formatCents(series.totalCents, data.currency)}</td>
                    <td className="num">{formatCents(series.cents.at(-1) ?? '0', data.currency)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </>
        )}
      </LoadState>
    </div>
  );
}
