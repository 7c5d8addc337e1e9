/** The open alerts: how many, how severe, and the most pressing few in their own words. */
import type { Overview } from '../../../preload/contract';
import { formatAge } from '../../lib/format';

const SEVERITY_LABEL = { critical: 'Critical', warning: 'Warning', info: 'Info' } as const;
/** The card shows the most pressing three; the alert centre has the rest. */
const SHOWN = 3;

export function AlertsCard({
  alerts,
  nowMs,
  onOpenAlertCentre,
}: {
  alerts: Overview['alerts'];
  nowMs: number;
  onOpenAlertCentre?: () => void;
}) {
  const others = alerts.open - alerts.critical - alerts.warning;
  const shown = alerts.top.slice(0, SHOWN);
  const more = alerts.open - shown.length;
  return (
    <section className="card card-wide" aria-labelledby="alerts-heading">
      <h3 id="alerts-heading">Open alerts</h3>
      {alerts.open === 0 ? (
        <p className="big tone-ok-text">None</p>
      ) : (
        <p className="big">
          {alerts.open}{' '}
          <span className="alert-counts">
            {alerts.critical > 0 && <span className="badge severity-critical">{alerts.critical} critical</span>}
            {alerts.warning > 0 && <span className="badge severity-warning">{alerts.warning} warning</span>}
            {others > 0 && <span className="badge severity-info">{others} info</span>}
          </span>
        </p>
      )}
      {shown.length > 0 && (
        <ul className="alert-list" aria-label="Most pressing open alerts">
          {shown.map((alert) => (
            <li key={alert.id}>
              <span className={`badge severity-${alert.severity}`}>{SEVERITY_LABEL[alert.severity]}</span>{' '}
              <strong>{alert.title}</strong>
              <span className="alert-body">
                {alert.body} <span className="muted">Open since {formatAge(alert.openedAtMs, nowMs)}.</span>
              </span>
            </li>
          ))}
        </ul>
      )}
      {more > 0 && <p className="muted alert-more">and {more} more open</p>}
      {onOpenAlertCentre && (
        <button type="button" onClick={onOpenAlertCentre}>
          Open alert centre
        </button>
      )}
    </section>
  );
}
