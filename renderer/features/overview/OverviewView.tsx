/**
 * Overview: month-to-date spend with the month-end forecast and spend by workspace, the org's size, and
 * how fresh each part of the mirror is (with an offline/never-synced state).
 */
import { useEffect } from 'react';
import { useOverviewStore } from '../../stores/useOverviewStore';
import { formatAge, formatCents, formatFreshness } from '../../lib/format';
import { LoadState } from '../shell/LoadState';

const COUNT_LABELS: Array<[string, string]> = [
  ['workspaces', 'Workspaces'],
  ['users', 'Members'],
  ['api_keys', 'API keys'],
  ['invites', 'Pending invites'],
];

export function OverviewView() {
  const { status, mirror, spend, error, load } = useOverviewStore();
  useEffect(() => {
    void load();
  }, [load]);
  const now = Date.now();
  return (
    <LoadState status={status} error={error} onRetry={() => void load()}>
      {/* Focusable so keyboard users can scroll it: it holds no other focusable element. */}
      <div className="overview" role="region" aria-labelledby="overview-heading" tabIndex={0}>
        <h2 id="overview-heading">Overview</h2>
        {mirror && mirror.syncedAtMs === null && (
          <p className="notice">Nothing has been synced yet. The overview fills in after the first sync.</p>
        )}
        <div className="cards">
          <section className="card" aria-labelledby="spend-heading">
            <h3 id="spend-heading">Spend this month</h3>
            <p className="big">{spend ? formatCents(spend.monthToDateCents, spend.currency) : '—'}</p>
            <p className="muted">
              {spend?.forecastCents ? `Forecast for the month: ${formatCents(spend.forecastCents, spend.currency)}` : 'No cost data this month yet.'}
            </p>
          </section>
          <section className="card" aria-labelledby="org-heading">
            <h3 id="org-heading">{mirror?.org?.name ?? 'Organization'}</h3>
            <dl className="counts">
              {COUNT_LABELS.map(([key, label]) => (
                <div key={key}>
                  <dt>{label}</dt>
                  <dd>{mirror?.counts[key] ?? 0}</dd>
                </div>
              ))}
            </dl>
          </section>
        </div>

        {spend && spend.byWorkspace.length > 0 && (
          <section aria-labelledby="by-workspace-heading">
            <h3 id="by-workspace-heading">Spend by workspace</h3>
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">Workspace</th>
                  <th scope="col" className="num">
                    Month to date
                  </th>
                </tr>
              </thead>
              <tbody>
                {spend.byWorkspace.map((row) => (
                  <tr key={row.workspaceId ?? 'default'}>
                    <td>{row.name}</td>
                    <td className="num">{formatCents(row.cents, spend.currency)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
        )}

        <section aria-labelledby="freshness-heading">
          <h3 id="freshness-heading">Sync freshness</h3>
          <p className="muted">Mirror {formatFreshness(mirror?.syncedAtMs ?? null, now)}.</p>
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
        </section>
      </div>
    </LoadState>
  );
}
