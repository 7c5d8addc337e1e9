/**
 * The first sync, shown while it runs on a mirror that was never synced (right after a key was stored): how many
 * parts of the organization are in (a progress bar), what is being read now (page and rows), the time left, and
 * the views already usable, as links. The numbers come from the sync's progress push (core/sync/run-progress.ts).
 */
import type { SyncProgress } from '../../../preload/contract';
import type { View } from '../../stores/useUiStore';
import { formatTimeLeft, resourceLabel, usableViews } from './first-sync-format';
import './first-run.css';

interface Props {
  progress: SyncProgress;
  onOpen: (view: View) => void;
}

export function FirstSyncProgress({ progress, onOpen }: Props) {
  const total = progress.resourcesTotal ?? 0;
  const done = Math.min(progress.resourcesDone ?? 0, total);
  const ready = usableViews(progress.usable ?? []);
  const nf = new Intl.NumberFormat();
  return (
    <section className="first-sync" aria-labelledby="first-sync-heading">
      <h2 id="first-sync-heading">First sync of your organization</h2>
      {total > 0 ? (
        <>
          <div className="first-sync-bar">
            <progress
              id="first-sync-progress"
              max={total}
              value={done}
              aria-labelledby="first-sync-count"
              aria-valuetext={`${done} of ${total} parts synced`}
            />
            <span id="first-sync-count">
              {done} of {total} parts synced
            </span>
          </div>
          <p className="first-sync-now" aria-live="polite">
            {progress.resource
              ? `Reading ${resourceLabel(progress.resource)}: page ${nf.format(progress.page)}, ${nf.format(progress.rows)} rows`
              : 'Starting…'}
            {' · '}
            <span className="first-sync-eta">{formatTimeLeft(progress.etaMs)}</span>
          </p>
        </>
      ) : (
        <p className="first-sync-now">Planning what to read…</p>
      )}
      <p className="muted">
        A first sync reads every member, workspace, key and up to 90 days of usage and cost; later syncs only read what
        changed. You can close this window: the sync goes on in the tray.
      </p>
      <div className="first-sync-ready">
        <h3 id="first-sync-ready-heading">Ready to look at</h3>
        {ready.length === 0 ? (
          <p className="muted">Nothing yet: views open here as soon as their data is in.</p>
        ) : (
          <ul aria-labelledby="first-sync-ready-heading">
            {ready.map((entry) => (
              <li key={entry.view}>
                <button type="button" onClick={() => onOpen(entry.view)}>
                  {entry.label}
                </button>
              </li>
            ))}
          </ul>
        )}
      </div>
    </section>
  );
}
