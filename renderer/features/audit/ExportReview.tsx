/**
 * "Export review": the access review report for a period (members and roles with the period's changes, admins
 * since when, keys with their verdicts, dormant members and keys, spend by workspace and month, the posture) as
 * printable HTML, CSV or PDF. Main writes it next to the mirror and records it in the trail; this shows where.
 */
import { useReviewStore, type ReviewFormat } from '../../stores/useReviewStore';

const LABEL: Record<ReviewFormat, string> = { html: 'HTML', csv: 'CSV', pdf: 'PDF' };

export function ExportReview({ disabled }: { disabled: boolean }) {
  const { from, to, exportState, setPeriod, exportReview } = useReviewStore();
  const running = exportState.status === 'running';
  return (
    <fieldset className="review-export">
      <legend>Access review</legend>
      <label>
        From <input type="date" value={from} onChange={(e) => setPeriod({ from: e.target.value })} />
      </label>
      <label>
        To <input type="date" value={to} onChange={(e) => setPeriod({ to: e.target.value })} />
      </label>
      {(['html', 'csv', 'pdf'] as const).map((format) => (
        <button key={format} type="button" disabled={disabled || running} onClick={() => void exportReview(format)}>
          Export review {LABEL[format]}
        </button>
      ))}
      <span className="muted review-hint">Empty dates: the last whole quarter (UTC).</span>
      <span role="status" className="audit-export-status">
        {running && `Writing the access review as ${LABEL[exportState.format]}…`}
        {exportState.status === 'done' &&
          `Wrote the access review for ${exportState.result.from} to ${exportState.result.to} to ${exportState.result.file}`}
      </span>
      {exportState.status === 'error' && (
        <span role="alert" className="audit-export-error">
          Export failed: {exportState.message}
        </span>
      )}
    </fieldset>
  );
}
