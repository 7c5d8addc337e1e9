/**
 * Overview: the month so far against the org budget and spend limit, the month-end forecast with the day it
 * crosses them, spend by workspace, the open alerts, and how fresh the mirror is, with a clear offline state
 * when the last sync failed, the key was rejected, or nothing was ever synced.
 */
import { useEffect } from 'react';
import { useOverviewStore } from '../../stores/useOverviewStore';
import { useUiStore } from '../../stores/useUiStore';
import { formatAge, formatFreshness } from '../../lib/format';
import { LoadState } from '../shell/LoadState';
import { offlineState } from './overview-format';
import { useMinuteClock } from './useMinuteClock';
import { SpendCard } from './SpendCard';
import { AlertsCard } from './AlertsCard';
import { WorkspaceSpendTable } from './WorkspaceSpendTable';

const COUNT_LABELS: Array<[string, string]> = [
  ['workspaces', 'Workspaces'],
  ['users', 'Members'],
  ['api_keys', 'API keys'],
  ['invites', 'Pending invites'],
];

export function OverviewView() {
  const { status, overview, mirror, error, load } = useOverviewStore();
  const now = useMinuteClock();
  const setView = useUiStore((state) => state.setView);
  useEffect(() => {
    void load();
  }, [load]);
  const offline = overview ? offlineState(overview.sync, now) : null;
  return (
    <LoadState status={status} error={error} onRetry={() => void load()}>
      {/* Focusable so keyboard users can scroll it. */}
      <div className="overview" role="region" aria-labelledby="overview-heading" tabIndex={0}>
        <div className="view-title">
          <h2 id="overview-heading">Overview</h2>
          <p className="muted overview-freshness">
            {overview?.org?.name ? `${overview.org.name}, ` : ''}synced{' '}
            {formatFreshness(overview?.sync.syncedAtMs ?? null, now)}
          </p>
        </div>
        {offline && (
          <div className="notice notice-offline" role="status">
            <strong>{offline.title}.</strong> {offline.body}
          </div>
        )}
        {overview && (
          <div className="cards">
            <SpendCard overview={overview} nowMs={now} />
            <AlertsCard alerts={overview.alerts} nowMs={now} onOpenAlertCentre={() => setView('alerts')} />
          </div>
        )}
        {overview && <WorkspaceSpendTable overview={overview} nowMs={now} />}

        <section aria-labelledby="org-heading">
          <h3 id="org-heading">{mirror?.org?.name ?? 'Organization'}</h3>
          <dl className="counts counts-row">
            {COUNT_LABELS.map(([key, label]) => (
              <div key={key}>
                <dt>{label}</dt>
                <dd>{mirror?.counts[key] ?? 0}</dd>
              </div>
            ))}
          </dl>
        </section>

        <details className="freshness-details">
          <summary>Sync freshness by data set</summary>
          <table className="table">
            <thead>
              <tr>
                <th scope="col">Data</th>
                <th scope="col">Last synced</th>
                <th scope="col" className="num">
                  Rows
                </th>
                <th scope="col">State</th>
              </tr>
            </thead>
            <tbody>
              {(mirror?.resources ?? []).map((resource) => (
                <tr key={resource.resource}>
                  <td>{resource.resource.replace(/_/g, ' ')}</td>
                  <td>{resource.lastSyncedAtMs === null ? 'never' : formatAge(resource.lastSyncedAtMs, now)}</td>
                  <td className="num">{resource.rows}</td>
                  <td title={resource.detail ?? undefined}>{resource.status ?? '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </details>
      </div>
    </LoadState>
  );
}
