/**
 * Spend: usage and cost by day or hour over a chosen range, grouped by workspace, API key or model. Billed cost
 * (Anthropic's cost report) sits next to the tokens × prices estimate where both exist, each labelled; where only
 * the estimate exists the view says so. A chart, the exact table under it, and a CSV export of exactly what is shown.
 */
import { useEffect } from 'react';
import type { UsageSeries, UsageSeriesQuery } from '../../../preload/contract';
import { useSpendStore } from '../../stores/useSpendStore';
import { formatCents } from '../../lib/format';
import { LoadState } from '../shell/LoadState';
import { SpendChart } from './SpendChart';
import { SpendControls } from './SpendControls';
import { UsageTable, formatTokens } from './UsageTable';
import { csvFileName, usageToCsv } from './spend-csv';
import {
  billedCoverageNote,
  costBasisNote,
  costTypeLabel,
  GROUP_LABELS,
  METRIC_LABELS,
  RANGE_LABELS,
  unpricedNote,
} from './spend-labels';
import './spend.css';

function rangeText(data: UsageSeries): string {
  const iso = (ms: number) => new Date(ms).toISOString();
  if (data.bucket === 'hour')
    return `${iso(data.fromMs).slice(0, 16).replace('T', ' ')} – ${iso(data.toMs).slice(0, 16).replace('T', ' ')} UTC`;
  return `${iso(data.fromMs).slice(0, 10)} – ${iso(data.toMs - 1).slice(0, 10)} (UTC days)`;
}

function rangeName(query: UsageSeriesQuery): string {
  return query.range.kind === 'preset' ? query.range.preset : `${query.range.from}_${query.range.to}`;
}

function download(text: string, fileName: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/csv' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  URL.revokeObjectURL(url);
}

function Summary({ data }: { data: UsageSeries }) {
  const t = data.totals;
  return (
    <dl className="spend-summary" aria-label="Totals over the range">
      <div>
        <dt>Tokens</dt>
        <dd>{formatTokens(t.tokens.total)}</dd>
      </div>
      {t.billedCents !== null && (
        <div>
          <dt>Billed</dt>
          <dd>{formatCents(t.billedCents, data.currency)}</dd>
        </div>
      )}
      <div>
        <dt>{t.billedCents === null ? 'Estimate (estimate only)' : 'Estimate'}</dt>
        <dd>{formatCents(t.estimateCents, data.currency)}</dd>
      </div>
      {t.differenceCents !== null && (
        <div>
          <dt>Difference (billed − estimate)</dt>
          <dd>{formatCents(t.differenceCents, data.currency)}</dd>
        </div>
      )}
      {t.differenceCents !== null &&
        t.notEstimated.map((part) => (
          <div key={part.costType} className="spend-summary-part">
            <dt>of which {costTypeLabel(part.costType)} (billed, never estimated)</dt>
            <dd>{formatCents(part.cents, data.currency)}</dd>
          </div>
        ))}
      {t.differenceCents !== null && t.unpricedTokens > 0 && (
        <div className="spend-summary-part">
          <dt>of which usage without a known price (Priority Tier, unpriced models)</dt>
          <dd>{formatTokens(t.unpricedTokens)} tokens</dd>
        </div>
      )}
      {t.unexplainedCents !== null && (
        <div className="spend-summary-part">
          <dt>{t.unpricedTokens > 0 ? 'Unexplained, beside the unpriced usage' : 'Unexplained'}</dt>
          <dd>{formatCents(t.unexplainedCents, data.currency)}</dd>
        </div>
      )}
    </dl>
  );
}

export function SpendView({ now = Date.now }: { now?: () => number }) {
  const { query, status, data, error, load, reloadAfterSyncs } = useSpendStore();
  useEffect(() => {
    void load();
    return reloadAfterSyncs();
  }, [load, reloadAfterSyncs]);
  const shown = data && data.unavailable === null && data.groups.length > 0 ? data : null;
  const metricWords = query.metric === 'cost' ? 'cost' : METRIC_LABELS[query.metric].toLowerCase();
  const rangeWords = query.range.kind === 'preset' ? RANGE_LABELS[query.range.preset].toLowerCase() : 'the chosen days';
  return (
    <div className="spend" role="region" aria-labelledby="spend-view-heading" tabIndex={0}>
      <div className="view-title">
        <h2 id="spend-view-heading">Spend</h2>
        <button
          type="button"
          onClick={() => shown && download(usageToCsv(shown), csvFileName(shown, rangeName(query)))}
          disabled={!shown}
        >
          Export CSV
        </button>
      </div>
      <SpendControls query={query} onChange={(next) => void load(next)} now={now} />
      <LoadState status={status} error={error} onRetry={() => void load()}>
        {data && data.unavailable !== null && (
          <p className="notice" role="status">
            {data.unavailable}
          </p>
        )}
        {data && data.unavailable === null && data.groups.length === 0 && (
          <p className="notice">No usage or cost in this range yet.</p>
        )}
        {shown && (
          <>
            <p>
              {GROUP_LABELS[shown.groupBy]} {metricWords} by {shown.bucket}, {rangeText(shown)}
            </p>
            <Summary data={shown} />
            <p className="spend-note">{costBasisNote(shown)}</p>
            {unpricedNote(shown) && <p className="spend-note">{unpricedNote(shown)}</p>}
            {billedCoverageNote(shown) && <p className="spend-note">{billedCoverageNote(shown)}</p>}
            <SpendChart
              data={shown}
              description={`Chart of ${metricWords} by ${shown.bucket} for the ${Math.min(shown.groups.length, 8)} largest of ${shown.groups.length} groups over ${rangeWords}; the same numbers are in the table below.`}
            />
            <UsageTable
              data={shown}
              caption={`Totals per ${GROUP_LABELS[shown.groupBy].toLowerCase()}, ${rangeText(shown)}`}
            />
          </>
        )}
      </LoadState>
    </div>
  );
}
