/**
 * Posture: does the org follow the access checklist (question 12)? The score with its daily trend, then every item,
 * failing first, with its evidence and fix buttons. Everything comes from main's one evaluation (the CLI's
 * `posture`); after a fix the checklist is evaluated again, so the view never judges anything itself.
 */
import { useEffect } from 'react';
import type { PostureActionView, PostureItemView } from '../../../preload/contract';
import { usePostureStore } from '../../stores/usePostureStore';
import { useActionsStore } from '../../stores/useActionsStore';
import { LoadState } from '../shell/LoadState';
import { ConfirmActionDialog } from '../actions/ConfirmActionDialog';
import { PostureItemCard } from './PostureItemCard';
import { ScoreTrend } from './ScoreTrend';
import './posture.css';

const ORDER: Readonly<Record<PostureItemView['status'], number>> = { fail: 0, pass: 1, not_applicable: 2 };
const PROBLEM_TEXT: Readonly<Record<string, string>> = {
  'credential-invalid': 'the admin key was rejected',
  'no-data': 'nothing has been synced yet',
  'data-too-old': 'the data is too old',
  'spend-unavailable': 'spend reports could not be read',
};

export function PostureView() {
  const { status, view, error, busy, fixError, load, markReviewed, setBudget } = usePostureStore();
  const begin = useActionsStore((state) => state.begin);
  useEffect(() => {
    void load();
  }, [load]);
  const reload = () => void load();

  const onFix = (action: PostureActionView) => {
    if (action.kind === 'admin-action') void begin(action.action, reload);
    else if (action.kind === 'set-budget') void setBudget(action.workspaceId, action.usd);
    else void markReviewed();
  };

  return (
    <LoadState status={status} error={error} onRetry={reload}>
      <div className="posture">
        <div className="view-title">
          <h2>Posture</h2>
        </div>
        {view === null ? (
          <p className="muted">Nothing to evaluate yet: the organization has not been synced.</p>
        ) : (
          <>
            <section className="posture-summary" aria-label="Checklist score">
              <p className="posture-score">
                <span className="posture-score-value">{view.report.score}</span>
                <span className="muted"> / 100</span>
              </p>
              <p>
                {count(view.report.items, 'pass')} pass, {count(view.report.items, 'fail')} fail,{' '}
                {count(view.report.items, 'not_applicable')} not applicable
              </p>
              <ScoreTrend trend={view.trend} />
            </section>
            {view.report.problems.length > 0 && (
              <p role="alert" className="notice notice-error">
                This checklist cannot be trusted right now:{' '}
                {view.report.problems.map((p) => PROBLEM_TEXT[p] ?? p).join(', ')}.
              </p>
            )}
            {fixError && (
              <p role="alert" className="notice notice-error">
                {fixError}
              </p>
            )}
            <ol className="posture-items">
              {[...view.report.items]
                .sort((a, b) => ORDER[a.status] - ORDER[b.status])
                .map((item) => (
                  <PostureItemCard key={item.id} item={item} onFix={onFix} busy={busy} />
                ))}
            </ol>
          </>
        )}
        <ConfirmActionDialog />
      </div>
    </LoadState>
  );
}

function count(items: readonly PostureItemView[], status: PostureItemView['status']): number {
  return items.filter((item) => item.status === status).length;
}
